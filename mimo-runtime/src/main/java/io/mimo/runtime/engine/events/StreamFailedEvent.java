package io.mimo.runtime.engine.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A stream threw: the workflow's failure if it was the first, a suppressed one otherwise. */
@Name("io.mimo.StreamFailed")
@Label("Stream Failed")
@Category("mimo")
@Description("A stream threw an exception, which fails the workflow")
@StackTrace(false)
public final class StreamFailedEvent extends jdk.jfr.Event {
    @Label("Workflow")
    public String workflow;

    @Label("Stream")
    public String stream;

    @Label("Exception")
    @Description("The class of what it threw")
    public String exception;

    @Label("Message")
    public String message;

    @Label("First")
    @Description("Whether it stopped the workflow (later failures are suppressed)")
    public boolean first;
}
