package io.mimo.runtime;

import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.PortKind;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.ProcessStepView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the {@link WorkflowGraph} view of a workflow's steps: their ports, the pipes between
 * them (pipes that leave the workflow are left out; the workflow reports them), and bodies that
 * run each step against a runner's ends through a {@link StepContext}.
 */
final class GraphViews {
    private GraphViews() {}

    static WorkflowGraph of(Workflow workflow, List<Step> steps, Map<Step, Integer> copies) {
        IdentityHashMap<InPort<?>, PortView> inputViews = new IdentityHashMap<>();
        IdentityHashMap<OutPort<?>, PortView> outputViews = new IdentityHashMap<>();
        List<StepView> stepViews = new ArrayList<>(steps.size());
        for (int s = 0; s < steps.size(); s++) {
            Step step = steps.get(s);
            List<PortView> inputs = new ArrayList<>();
            for (InPort<?> port : step.inputs()) {
                PortView view = new PortView(
                        s,
                        step.name(),
                        port.name(),
                        inputs.size(),
                        kind(port.bytes()),
                        Optional.ofNullable(port.itemType()),
                        false);
                inputViews.put(port, view);
                inputs.add(view);
            }
            List<PortView> outputs = new ArrayList<>();
            for (OutPort<?> port : step.outputs()) {
                PortView view = new PortView(
                        s,
                        step.name(),
                        port.name(),
                        outputs.size(),
                        kind(port.bytes()),
                        Optional.ofNullable(port.itemType()),
                        port.discarded());
                outputViews.put(port, view);
                outputs.add(view);
            }
            stepViews.add(stepView(s, step, inputs, outputs, copies.getOrDefault(step, 1)));
        }
        List<PipeView> pipes = new ArrayList<>();
        for (Step step : steps) {
            for (OutPort<?> output : step.outputs()) {
                for (DeclaredPipe pipe : output.pipes()) {
                    PortView to = inputViews.get(pipe.to());
                    if (to != null) {
                        pipes.add(new PipeView(outputViews.get(output), to, pipe.capacityIn(workflow)));
                    }
                }
            }
        }
        return new WorkflowGraph(workflow.name(), stepViews, pipes, workflow.growthLimit(), workflow.byteGrowthLimit());
    }

    private static StepView stepView(int index, Step step, List<PortView> inputs, List<PortView> outputs, int copies) {
        StepView.Body body = ends -> step.run(new StepContext(step, ends));
        if (step instanceof ElementStep<?> element) {
            return new ElementStepView(
                    index,
                    step.name(),
                    inputs,
                    outputs,
                    body,
                    ends -> element.openForEngine(new StepContext(step, ends)),
                    copies);
        }
        return new ProcessStepView(index, step.name(), inputs, outputs, body);
    }

    private static PortKind kind(boolean bytes) {
        return bytes ? PortKind.BYTES : PortKind.ITEMS;
    }
}
