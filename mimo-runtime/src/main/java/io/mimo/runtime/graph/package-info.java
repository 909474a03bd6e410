/**
 * A read-only view of a workflow's graph, for runners: what {@link io.mimo.runtime.Workflow#graph()}
 * returns, and all a runner needs to run a workflow its own way. The local runner
 * ({@link io.mimo.runtime.Workflow#run()}) runs from this same view; so can another (a cluster's),
 * without reaching into engine internals.
 *
 * <p>A {@link io.mimo.runtime.graph.WorkflowGraph} lists the workflow's
 * {@link io.mimo.runtime.graph.StepView steps}, each with its
 * {@link io.mimo.runtime.graph.PortView ports} (their kind, items or bytes, and their item type
 * where the step recorded it), and its {@link io.mimo.runtime.graph.PipeView pipes} with their
 * capacities. A step is either an {@link io.mimo.runtime.graph.ElementStepView element step}, whose
 * per-item handler a runner may call wherever it likes, or a
 * {@link io.mimo.runtime.graph.ProcessStepView process step}, whose body a runner calls once on a
 * thread of its own. Either runs against the reading and writing ends the runner hands it, by port
 * index ({@link io.mimo.runtime.graph.PortEnds}).
 */
package io.mimo.runtime.graph;
