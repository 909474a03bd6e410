package io.mimo.runtime.graph;

import io.mimo.runtime.ElementStep;
import java.util.List;
import java.util.Objects;

/**
 * A step called once per item of its only input (element style). A runner may call its handler
 * wherever the items are, with no thread of its own (the local runner calls it from the
 * {@code push} of the output feeding it: fusion): it {@link #open(PortEnds) opens} the handler
 * once, on the thread that will call it, then calls it for each item, never concurrently, and
 * closes the outputs when the input ends. Or it runs the step like any other with
 * {@link #run(PortEnds)}.
 *
 * @param index its index in {@link WorkflowGraph#steps()}
 * @param name its name
 * @param inputs its one input port
 * @param outputs its output ports, in declaration order
 * @param body what {@link #run(PortEnds)} calls: open, then the handler per item of the input
 * @param opener what {@link #open(PortEnds)} calls
 * @param copies how many copies of it the user asked to run at once
 *     ({@link io.mimo.runtime.Workflow#parallel}), 1 for one: each copy opens a handler of its own,
 *     the handlers run at the same time, and the items out of them go on in input order
 */
public record ElementStepView(
        int index, String name, List<PortView> inputs, List<PortView> outputs, Body body, Opener opener, int copies)
        implements StepView {

    /** Checks and copies the components. */
    public ElementStepView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(opener, "opener");
        if (copies < 1) {
            throw new IllegalArgumentException(
                    "element step '" + name + "' runs as " + copies + " copies: at least one");
        }
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        if (inputs.size() != 1) {
            throw new IllegalArgumentException(
                    "element step '" + name + "' has " + inputs.size() + " inputs: an element step has exactly one");
        }
    }

    /** Its only input port. */
    public PortView input() {
        return inputs.get(0);
    }

    /**
     * Opens the step's per-item handler against {@code ends}, whose {@link PortEnds#input(int)}
     * is not asked for: items arrive through the handler. Call it once, on the thread that then
     * calls the handler.
     *
     * @throws Exception whatever the step's {@code open} throws: the step's failure
     */
    public ElementStep.ItemHandler<Object> open(PortEnds ends) throws Exception {
        return opener.open(ends);
    }

    @Override
    public void run(PortEnds ends) throws Exception {
        body.run(ends);
    }

    @Override
    public String toString() {
        return name;
    }

    /** Opens an element step's handler: {@link ElementStepView#open(PortEnds)}. */
    @FunctionalInterface
    public interface Opener {
        /** Opens the handler against {@code ends}. */
        ElementStep.ItemHandler<Object> open(PortEnds ends) throws Exception;
    }
}
