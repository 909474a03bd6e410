package io.mimo.runtime.graph;

import java.util.List;

/**
 * A step of the graph: its name, its ports, and how to run it against the ends a runner makes for
 * its ports. Either an {@link ElementStepView} (one input, one call per item) or a
 * {@link ProcessStepView} (a body called once, pulling and pushing as it likes).
 */
public sealed interface StepView permits ElementStepView, ProcessStepView {

    /** Its index in {@link WorkflowGraph#steps()}. */
    int index();

    /** Its name, unique within the workflow. */
    String name();

    /** Its input ports, in declaration order. */
    List<PortView> inputs();

    /** Its output ports, in declaration order. */
    List<PortView> outputs();

    /**
     * Runs the step's body once, on the calling thread, against {@code ends}; returns when the body
     * returns. An element step runs as if unfused: it opens its handler, then calls it for every
     * item of its input until that ends. The runner closes the outputs afterwards.
     *
     * @throws Exception whatever the body throws: the step's failure
     */
    void run(PortEnds ends) throws Exception;

    /** The body a runner runs: {@link StepView#run(PortEnds)}. */
    @FunctionalInterface
    interface Body {
        /** Runs once against {@code ends}. */
        void run(PortEnds ends) throws Exception;
    }
}
