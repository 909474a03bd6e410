package io.mimo.runtime.engine;

import io.mimo.runtime.Execution;
import io.mimo.runtime.Input;
import io.mimo.runtime.graph.WorkflowGraph;
import java.util.List;

/** Internal: the local runner's entry points, for {@code io.mimo.runtime.Workflow}. Not API. */
public final class Engine {
    private Engine() {}

    /** What is wrong with the shape of {@code graph} ({@link GraphCheck}); empty if it can run. */
    public static List<String> problems(WorkflowGraph graph) {
        return GraphCheck.problems(graph);
    }

    /**
     * Starts every stream of {@code graph}, a checked one, on a virtual thread of its own, watched as
     * {@code watch} says, and returns at once.
     */
    public static Execution start(WorkflowGraph graph, boolean fusion, Watch watch) {
        WorkflowGraph planned = Parallel.expand(graph);
        Scheduler scheduler = new Scheduler(planned, Fusion.decide(planned, fusion), watch);
        scheduler.start();
        return scheduler;
    }

    /** {@code Inputs.select}: see there. */
    public static Input<?> select(Input<?>... inputs) {
        return Select.select(inputs);
    }

    /** {@code Workflow.toDot()}: the graph in Graphviz's DOT language. */
    public static String dot(WorkflowGraph graph, boolean fusion) {
        return Diagrams.dot(graph, Fusion.decide(graph, fusion));
    }

    /** {@code Workflow.toMermaid()}: the graph as a Mermaid flowchart. */
    public static String mermaid(WorkflowGraph graph, boolean fusion) {
        return Diagrams.mermaid(graph, Fusion.decide(graph, fusion));
    }

    /** Appends {@code rows} under {@code title} as the pictures' aligned table (nothing when empty). */
    public static void appendTable(StringBuilder out, String title, List<String[]> rows) {
        Picture.appendTable(out, title, rows);
    }

    /** Draws the streams fused onto {@code head}'s thread as a cluster, as the workflow's DOT picture does. */
    public static void appendDotCluster(StringBuilder dot, int head, String headName, int[] fused) {
        Diagrams.appendCluster(dot, head, headName, fused);
    }

    /** {@code text} as a DOT double-quoted string. */
    public static String dotQuote(String text) {
        return Diagrams.dotQuote(text);
    }

    /** The picture of {@code graph} that {@code Workflow.toString()} prints, {@code notes} under its first line. */
    public static String picture(WorkflowGraph graph, boolean fusion, List<String> notes) {
        return Picture.draw(graph, Fusion.decide(graph, fusion), notes);
    }
}
