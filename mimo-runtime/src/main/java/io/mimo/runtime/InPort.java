package io.mimo.runtime;

/**
 * An input port of a {@link Step}, for wiring a workflow before it runs: the downstream end of a
 * pipe. A running stream reads it through the {@link Input} its {@link Context} hands out.
 */
public final class InPort<T> {
    private final Step step;
    private final String name;

    InPort(Step step, String name) {
        this.step = step;
        this.name = name;
    }

    /** The step this port belongs to. */
    public Step step() {
        return step;
    }

    /** The port's name, as declared in {@code @Stream(in = …)}. */
    public String name() {
        return name;
    }

    /** {@code "step.port"}. */
    @Override
    public String toString() {
        return step.name() + "." + name;
    }
}
