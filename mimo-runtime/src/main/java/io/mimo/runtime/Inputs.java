package io.mimo.runtime;

import io.mimo.runtime.engine.Engine;

/** Waiting on several inputs of a stream at once. */
public final class Inputs {
    private Inputs() {}

    /**
     * Blocks until one of {@code inputs} has an item, and returns that input: the caller then takes
     * the item ({@code pop()}), which does not block. Inputs that have ended are skipped; once every
     * one has ended, returns {@code null}. It is fair: each call starts looking one input further on
     * than the call before, so an input that always has items does not starve the others.
     *
     * <p>The inputs must be inputs of the calling stream (the ones its {@link Context} handed it).
     * While a stream waits here it waits on all of them at once: deadlock detection counts it as
     * blocked, and a deadlock message names every input it waits on.
     *
     * <pre>{@code
     * for (Input<?> ready; (ready = Inputs.select(orders, cancels)) != null; ) {
     *     if (ready == orders) book(orders.pop()); else cancel(cancels.pop());
     * }
     * }</pre>
     *
     * @throws IllegalArgumentException if no input is given, or one is not an input the calling
     *     stream was handed by the local runner
     * @throws NullPointerException if an input is null
     */
    public static Input<?> select(Input<?>... inputs) {
        return Engine.select(inputs);
    }
}
