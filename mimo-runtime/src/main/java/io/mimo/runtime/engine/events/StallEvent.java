package io.mimo.runtime.engine.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** Nothing crossed any pipe of a run for its stall timeout, with no stream running and no deadlock. */
@Name("io.mimo.Stall")
@Label("Stall")
@Category("mimo")
@Description("Nothing crossed any pipe for the stall timeout while no stream ran: some stream waits outside mimo")
@StackTrace(false)
public final class StallEvent extends jdk.jfr.Event {
    @Label("Workflow")
    public String workflow;

    @Label("Stalled For")
    @Timespan(Timespan.NANOSECONDS)
    public long stalledFor;

    @Label("Message")
    public String message;
}
