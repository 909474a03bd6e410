package io.mimo.runtime;

/**
 * An output port of a {@link Step}, for wiring a workflow before it runs: the upstream end of
 * pipes. Piped to several inputs it broadcasts (each gets every item); an output that nothing reads
 * must be {@link #discard() discarded} explicitly, or the workflow refuses to run.
 *
 * <p>The {@code pipe} methods accept any input whose item type is a supertype of {@code T}, so an
 * {@code OutPort<Integer>} may feed an {@code InPort<Number>}, and return the downstream end so
 * pipes chain.
 */
public final class OutPort<T> {
    private final Step step;
    private final String name;

    OutPort(Step step, String name) {
        this.step = step;
        this.name = name;
    }

    /** The step this port belongs to. */
    public Step step() {
        return step;
    }

    /** The port's name, as declared in {@code @Stream(out = …)}. */
    public String name() {
        return name;
    }

    /** Pipes this output into {@code input} with the workflow's default capacity; returns {@code input}. */
    public <I extends InPort<? super T>> I pipe(I input) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Pipes this output into {@code input} through a pipe of {@code capacity} items; returns {@code input}. */
    public <I extends InPort<? super T>> I pipe(I input, int capacity) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Pipes this output into {@code next}'s only input; returns {@code next}. */
    public <S extends OneInput<? super T>> S pipe(S next) {
        pipe(next.onlyInput());
        return next;
    }

    /** Pipes this output into {@code next}'s only input through a pipe of {@code capacity} items. */
    public <S extends OneInput<? super T>> S pipe(S next, int capacity) {
        pipe(next.onlyInput(), capacity);
        return next;
    }

    /** Declares that nothing reads this output: what the stream pushes to it is dropped. */
    public void discard() {
        throw new UnsupportedOperationException("not yet");
    }

    /** {@code "step.port"}. */
    @Override
    public String toString() {
        return step.name() + "." + name;
    }
}
