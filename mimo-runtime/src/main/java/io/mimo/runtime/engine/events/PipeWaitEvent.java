package io.mimo.runtime.engine.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Threshold;

/** A stream waited for room in a pipe, or for an item on an input, longer than the threshold. */
@Name("io.mimo.PipeWait")
@Label("Pipe Wait")
@Category("mimo")
@Description("A stream waited for room in a pipe, or for an item on an input")
@Threshold("20 ms")
@StackTrace(false)
public final class PipeWaitEvent extends jdk.jfr.Event {
    @Label("Workflow")
    public String workflow;

    @Label("Stream")
    @Description("The stream that waited (a fused step names itself)")
    public String stream;

    @Label("Pipe")
    @Description("The pipe waited for room in, or the input (inputs) waited for an item on")
    public String pipe;

    @Label("Direction")
    @Description("room: a writer waited for a full pipe; item: a reader waited for an empty input")
    public String direction;

    @Label("Capacity")
    @Description("What the pipe holds when full, in its unit (items or bytes); 0 for an input")
    public long capacity;

    @Label("Fill")
    @Description("What the pipe held when the wait began, in its unit")
    public long fill;
}
