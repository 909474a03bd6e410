package io.mimo.runtime.engine.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Deadlock resolution grew a full pipe (bounded pipes had caused the deadlock). */
@Name("io.mimo.PipeGrow")
@Label("Pipe Grow")
@Category("mimo")
@Description("Every stream was blocked and a pipe was full: the pipe doubled to let its writer go on")
@StackTrace(false)
public final class PipeGrowEvent extends jdk.jfr.Event {
    @Label("Workflow")
    public String workflow;

    @Label("Pipe")
    public String pipe;

    @Label("Unit")
    @Description("items or bytes")
    public String unit;

    @Label("From")
    public long from;

    @Label("To")
    public long to;
}
