package io.mimo.runtime.graph;

import java.util.List;
import java.util.Objects;

/**
 * A step whose body runs once and reads and writes its ports as it likes (process style): a runner
 * gives it a thread of its own and calls {@link #run(PortEnds)}.
 *
 * @param index its index in {@link WorkflowGraph#steps()}
 * @param name its name
 * @param inputs its input ports, in declaration order
 * @param outputs its output ports, in declaration order
 * @param body what {@link #run(PortEnds)} calls
 */
public record ProcessStepView(int index, String name, List<PortView> inputs, List<PortView> outputs, Body body)
        implements StepView {

    /** Checks and copies the components. */
    public ProcessStepView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    @Override
    public void run(PortEnds ends) throws Exception {
        body.run(ends);
    }

    @Override
    public String toString() {
        return name;
    }
}
