package io.mimo.runtime.engine.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** The workflow deadlocked and stopped: the message says who waited on what. */
@Name("io.mimo.Deadlock")
@Label("Deadlock")
@Category("mimo")
@Description("Every running stream was blocked on a pipe and no pipe could grow")
@StackTrace(false)
public final class DeadlockEvent extends jdk.jfr.Event {
    @Label("Workflow")
    public String workflow;

    @Label("Message")
    public String message;
}
