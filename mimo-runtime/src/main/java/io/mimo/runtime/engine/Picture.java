package io.mimo.runtime.engine;

import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The text picture of a workflow's graph that {@code Workflow.toString()} prints. */
final class Picture {
    private Picture() {}

    /**
     * The steps with their ports, the pipes with their capacities ({@code fused} where fusion
     * replaces one by a call), unpiped and discarded ports marked, {@code notes} under the first
     * line, and a last line per stream that others are fused into.
     */
    static String draw(WorkflowGraph graph, Fusion fusion, List<String> notes) {
        Map<PortView, List<PipeView>> pipesOutOf = new HashMap<>();
        Set<PortView> piped = new HashSet<>();
        for (PipeView pipe : graph.pipes()) {
            pipesOutOf.computeIfAbsent(pipe.from(), k -> new ArrayList<>()).add(pipe);
            piped.add(pipe.to());
        }
        List<String[]> streams = new ArrayList<>();
        for (StepView step : graph.steps()) {
            String name = step instanceof ElementStepView e && e.copies() > 1
                    ? step.name() + " (" + e.copies() + " copies, in order)"
                    : step.name();
            streams.add(new String[] {name, "in: " + portList(step.inputs()), "out: " + portList(step.outputs())});
        }
        List<String[]> pipes = new ArrayList<>();
        for (StepView step : graph.steps()) {
            for (PortView input : step.inputs()) {
                if (!piped.contains(input)) {
                    pipes.add(new String[] {"(nothing)", "-> " + input, "(input not piped)"});
                }
            }
            for (PortView output : step.outputs()) {
                List<PipeView> out = pipesOutOf.getOrDefault(output, List.of());
                if (output.discarded()) {
                    pipes.add(new String[] {output.toString(), "-> (discarded)", ""});
                } else if (out.isEmpty()) {
                    pipes.add(new String[] {output.toString(), "-> (nothing)", "(output not piped)"});
                }
                for (PipeView pipe : out) {
                    pipes.add(new String[] {
                        output.toString(),
                        "-> " + pipe.to(),
                        fusion.fused(pipe) ? "fused" : pipe.capacity() + " " + pipe.unit()
                    });
                }
            }
        }
        int steps = graph.steps().size();
        int pipeCount = graph.pipes().size();
        StringBuilder picture = new StringBuilder("workflow '")
                .append(graph.name())
                .append("': ")
                .append(steps)
                .append(steps == 1 ? " stream, " : " streams, ")
                .append(pipeCount)
                .append(pipeCount == 1 ? " pipe" : " pipes");
        notes.forEach(note -> picture.append("\n  (").append(note).append(')'));
        appendTable(picture, "streams", streams);
        appendTable(picture, "pipes", pipes);
        for (StepView step : graph.steps()) {
            if (fusion.feed(step.index()) == null) {
                List<StepView> chain = fusion.chainOf(step);
                if (!chain.isEmpty()) {
                    picture.append("\n  fused: ")
                            .append(chain.stream().map(StepView::name).collect(Collectors.joining(", ")))
                            .append(" into ")
                            .append(step.name());
                }
            }
        }
        return picture.toString();
    }

    private static String portList(List<PortView> ports) {
        return ports.isEmpty()
                ? "-"
                : ports.stream()
                        .map(p -> p.bytes() ? p.name() + " [bytes]" : p.name())
                        .collect(Collectors.joining(", "));
    }

    static void appendTable(StringBuilder out, String title, List<String[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        out.append("\n  ").append(title);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder("\n    ");
            for (int c = 0; c < columns; c++) {
                line.append(c == columns - 1 ? row[c] : String.format("%-" + widths[c] + "s  ", row[c]));
            }
            out.append(line.toString().stripTrailing());
        }
    }
}
