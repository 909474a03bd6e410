package io.mimo.runtime.engine.events;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** One run of a workflow, from its start to the end of its last stream. */
@Name("io.mimo.WorkflowRun")
@Label("Workflow Run")
@Category("mimo")
@Description("A workflow's run, from start to the end of its last stream")
@StackTrace(false)
public final class WorkflowRunEvent extends jdk.jfr.Event {
    @Label("Workflow")
    public String workflow;

    @Label("Streams")
    @Description("Streams with a thread of their own (fused steps run on others')")
    public int threads;

    @Label("Outcome")
    @Description("succeeded, or why it stopped")
    public String outcome;
}
