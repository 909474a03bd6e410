package io.mimo.runtime.engine.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.Period;
import jdk.jfr.StackTrace;

/** Every second, while a workflow runs: one per pipe, its capacity, fill and what has crossed it. */
@Name("io.mimo.PipeStatistics")
@Label("Pipe Statistics")
@Category("mimo")
@Description("A pipe of a running workflow: capacity, fill and what has crossed it so far")
@Period("1 s")
@StackTrace(false)
public final class PipeStatisticsEvent extends jdk.jfr.Event {
    @Label("Workflow")
    public String workflow;

    @Label("Pipe")
    public String pipe;

    @Label("Unit")
    public String unit;

    @Label("Capacity")
    public long capacity;

    @Label("Fill")
    public long fill;

    @Label("Crossed")
    @Description("Items (or bytes) its reader has taken so far")
    public long crossed;
}
