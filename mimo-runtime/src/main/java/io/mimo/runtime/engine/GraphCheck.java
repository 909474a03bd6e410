package io.mimo.runtime.engine;

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

/**
 * The checks of a graph's shape before it runs, each problem naming the step and port and saying
 * what to do: an input piped from nothing, an output piped to nothing and not discarded, a byte
 * input fed by more than one pipe. (Which steps and pipes belong to the workflow is the
 * workflow's own rule: it reports those problems itself.)
 */
final class GraphCheck {
    private GraphCheck() {}

    /** Every problem of {@code graph}, by step in the graph's order, inputs before outputs; empty if none. */
    static List<String> problems(WorkflowGraph graph) {
        Map<PortView, List<PipeView>> pipesInto = new HashMap<>();
        Set<PortView> piped = new HashSet<>();
        for (PipeView pipe : graph.pipes()) {
            pipesInto.computeIfAbsent(pipe.to(), k -> new ArrayList<>()).add(pipe);
            piped.add(pipe.from());
        }
        List<String> problems = new ArrayList<>();
        for (StepView step : graph.steps()) {
            for (PortView input : step.inputs()) {
                List<PipeView> pipes = pipesInto.getOrDefault(input, List.of());
                if (pipes.isEmpty()) {
                    problems.add("step '" + step.name() + "': input '" + input.name()
                            + "' is piped from nothing: pipe an output into it");
                }
                if (input.bytes() && pipes.size() > 1) {
                    problems.add("step '" + step.name() + "': byte input '" + input.name() + "' is piped from "
                            + pipes.size() + " outputs ("
                            + pipes.stream().map(p -> "'" + p.from() + "'").collect(Collectors.joining(", "))
                            + "): a byte input takes exactly one pipe, as the bytes of several writers would"
                            + " interleave meaninglessly; merge them upstream, or use an item input");
                }
            }
            for (PortView output : step.outputs()) {
                if (!output.discarded() && !piped.contains(output)) {
                    problems.add("step '" + step.name() + "': output '" + output.name()
                            + "' is piped to nothing: pipe it to an input, or call discard() on it");
                }
            }
        }
        return problems;
    }
}
