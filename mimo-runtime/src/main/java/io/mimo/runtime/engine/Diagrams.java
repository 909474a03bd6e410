package io.mimo.runtime.engine;

import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.util.List;

/**
 * The workflow's graph as a diagram: Graphviz DOT ({@code Workflow.toDot()}) and Mermaid
 * ({@code Workflow.toMermaid()}, which GitHub renders in Markdown). Both draw the same thing: a box
 * per step (a parallel step says its copies), an arrow per pipe labelled with its ports and its
 * capacity, pipes of bytes dashed, fused pipes bold and each chain of fused steps in a dashed
 * cluster named for the stream whose thread runs it, discarded outputs as arrows to a dot.
 */
final class Diagrams {
    private Diagrams() {}

    /** The graph in Graphviz's DOT language, left to right. */
    static String dot(WorkflowGraph graph, Fusion fusion) {
        StringBuilder dot =
                new StringBuilder("digraph ").append(dotQuote(graph.name())).append(" {\n");
        dot.append("  rankdir=LR;\n");
        dot.append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (StepView step : graph.steps()) {
            dot.append("  s")
                    .append(step.index())
                    .append(" [label=")
                    .append(dotQuote(stepLabel(step)))
                    .append("];\n");
        }
        for (StepView step : graph.steps()) {
            List<StepView> chain = fusion.feed(step.index()) == null ? fusion.chainOf(step) : List.of();
            if (!chain.isEmpty()) {
                appendCluster(
                        dot,
                        step.index(),
                        step.name(),
                        chain.stream().mapToInt(StepView::index).toArray());
            }
        }
        for (PipeView pipe : graph.pipes()) {
            dot.append("  s")
                    .append(pipe.from().step())
                    .append(" -> s")
                    .append(pipe.to().step())
                    .append(" [label=")
                    .append(dotQuote(pipeLabel(pipe, fusion, "\n")));
            if (fusion.fused(pipe)) {
                dot.append(", style=bold");
            } else if (pipe.bytes() || pipe.from().bytes()) {
                dot.append(", style=dashed");
            }
            dot.append("];\n");
        }
        for (StepView step : graph.steps()) {
            for (PortView output : step.outputs()) {
                if (output.discarded()) {
                    String sink = "d" + step.index() + "_" + output.index();
                    dot.append("  ").append(sink).append(" [shape=point, label=\"\"];\n");
                    dot.append("  s")
                            .append(step.index())
                            .append(" -> ")
                            .append(sink)
                            .append(" [label=")
                            .append(dotQuote(output.name() + " (discarded)"))
                            .append(", style=dotted];\n");
                }
            }
        }
        return dot.append("}\n").toString();
    }

    /** The graph as a Mermaid flowchart, left to right. */
    static String mermaid(WorkflowGraph graph, Fusion fusion) {
        StringBuilder mermaid = new StringBuilder("flowchart LR\n");
        boolean[] inCluster = new boolean[graph.steps().size()];
        for (StepView step : graph.steps()) {
            List<StepView> chain = fusion.feed(step.index()) == null ? fusion.chainOf(step) : List.of();
            if (!chain.isEmpty()) {
                mermaid.append("  subgraph c")
                        .append(step.index())
                        .append("[")
                        .append(mermaidQuote("on " + step.name() + "'s thread"))
                        .append("]\n");
                node(mermaid.append("    "), step);
                inCluster[step.index()] = true;
                for (StepView fused : chain) {
                    node(mermaid.append("    "), fused);
                    inCluster[fused.index()] = true;
                }
                mermaid.append("  end\n");
            }
        }
        for (StepView step : graph.steps()) {
            if (!inCluster[step.index()]) {
                node(mermaid.append("  "), step);
            }
        }
        for (PipeView pipe : graph.pipes()) {
            String label = mermaidQuote(pipeLabel(pipe, fusion, "<br/>"));
            mermaid.append("  s").append(pipe.from().step());
            if (fusion.fused(pipe)) {
                mermaid.append(" == ").append(label).append(" ==> ");
            } else if (pipe.bytes() || pipe.from().bytes()) {
                mermaid.append(" -. ").append(label).append(" .-> ");
            } else {
                mermaid.append(" -- ").append(label).append(" --> ");
            }
            mermaid.append("s").append(pipe.to().step()).append("\n");
        }
        for (StepView step : graph.steps()) {
            for (PortView output : step.outputs()) {
                if (output.discarded()) {
                    String sink = "d" + step.index() + "_" + output.index();
                    mermaid.append("  ").append(sink).append("(( ))\n");
                    mermaid.append("  s")
                            .append(step.index())
                            .append(" -. ")
                            .append(mermaidQuote(output.name() + " (discarded)"))
                            .append(" .-> ")
                            .append(sink)
                            .append("\n");
                }
            }
        }
        return mermaid.toString();
    }

    private static void node(StringBuilder out, StepView step) {
        out.append("s")
                .append(step.index())
                .append("[")
                .append(mermaidQuote(stepLabel(step)))
                .append("]\n");
    }

    private static String stepLabel(StepView step) {
        return step instanceof ElementStepView e && e.copies() > 1
                ? step.name() + " ×" + e.copies() + " (in order)"
                : step.name();
    }

    /** {@code "out → in"} and, on the next line, the capacity or {@code fused}. */
    private static String pipeLabel(PipeView pipe, Fusion fusion, String newline) {
        String ports = pipe.from().name() + " → " + pipe.to().name();
        if (fusion.fused(pipe)) {
            return ports + newline + "fused";
        }
        return ports + newline + pipe.capacity() + " " + pipe.unit();
    }

    /**
     * Draws the steps fused onto {@code head}'s thread as one dashed cluster, {@code head} first:
     * the same for the workflow's picture and a snapshot's.
     */
    static void appendCluster(StringBuilder dot, int head, String headName, int[] fused) {
        dot.append("  subgraph cluster_").append(head).append(" {\n");
        dot.append("    label=")
                .append(dotQuote("on " + headName + "'s thread"))
                .append(";\n");
        dot.append("    style=dashed; color=gray50; fontname=\"Helvetica\"; fontsize=10;\n");
        dot.append("    s").append(head).append(";");
        for (int step : fused) {
            dot.append(" s").append(step).append(";");
        }
        dot.append("\n  }\n");
    }

    /** A DOT double-quoted string: backslashes and quotes escaped, line breaks as DOT's {@code \n}. */
    static String dotQuote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** A Mermaid quoted label: quotes as the entity Mermaid understands. */
    private static String mermaidQuote(String text) {
        return "\"" + text.replace("\"", "#quot;") + "\"";
    }
}
