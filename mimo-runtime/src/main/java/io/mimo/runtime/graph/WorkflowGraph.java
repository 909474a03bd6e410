package io.mimo.runtime.graph;

import java.util.List;
import java.util.Objects;

/**
 * A workflow's graph as a runner sees it: its steps, in the order they were added, and its pipes,
 * in the order of their writers' steps and ports and then the order they were made (an input fed
 * by several pipes lists them in that order). It is a snapshot: wiring the workflow afterwards does
 * not change it.
 *
 * <p>{@link io.mimo.runtime.Workflow#graph()} returns one only for a workflow that can run: every
 * input is piped, every output piped or discarded, a byte input has one pipe, and every pipe joins
 * two steps of this graph.
 *
 * @param name the workflow's name
 * @param steps the steps; a step's {@link StepView#index()} is its place here
 * @param pipes the pipes
 * @param growthLimit items up to which a full item pipe may grow to resolve a deadlock
 * @param byteGrowthLimit bytes up to which a full byte pipe may grow to resolve a deadlock
 */
public record WorkflowGraph(
        String name, List<StepView> steps, List<PipeView> pipes, int growthLimit, int byteGrowthLimit) {

    /** Checks and copies the components: every step's index is its place, every pipe joins two of its ports. */
    public WorkflowGraph {
        Objects.requireNonNull(name, "name");
        steps = List.copyOf(steps);
        pipes = List.copyOf(pipes);
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).index() != i) {
                throw new IllegalArgumentException("step '" + steps.get(i).name() + "' has index "
                        + steps.get(i).index() + " but is step " + i + " of workflow '" + name + "'");
            }
        }
        for (PipeView pipe : pipes) {
            checkPort(steps, pipe.from(), false, name);
            checkPort(steps, pipe.to(), true, name);
        }
    }

    private static void checkPort(List<StepView> steps, PortView port, boolean input, String workflow) {
        boolean found = port.step() < steps.size()
                && (input
                                ? steps.get(port.step()).inputs()
                                : steps.get(port.step()).outputs())
                        .contains(port);
        if (!found) {
            throw new IllegalArgumentException("port '" + port + "' is not an " + (input ? "input" : "output")
                    + " of a step of workflow '" + workflow + "'");
        }
    }

    /** The step a port belongs to. */
    public StepView step(PortView port) {
        return steps.get(port.step());
    }

    /** The pipes into {@code input}, in order. */
    public List<PipeView> pipesInto(PortView input) {
        return pipes.stream().filter(p -> p.to().equals(input)).toList();
    }

    /** The pipes out of {@code output}, in order. */
    public List<PipeView> pipesOutOf(PortView output) {
        return pipes.stream().filter(p -> p.from().equals(output)).toList();
    }
}
