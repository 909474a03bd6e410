package io.mimo.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An output port of a {@link Step}, for wiring a workflow before it runs: the upstream end of
 * pipes. Piped to several inputs it broadcasts (each gets every item; the slowest reader sets the
 * pace); an output that nothing reads must be {@link #discard() discarded} explicitly, or the
 * workflow refuses to run.
 *
 * <p>The {@code pipe} methods accept any input whose item type is a supertype of {@code T}, so an
 * {@code OutPort<Integer>} may feed an {@code InPort<Number>}, and return the downstream end so
 * pipes chain. Wiring is done on one thread, before the workflow starts.
 */
public final class OutPort<T> {
    private final Step step;
    private final String name;
    private final boolean bytes;
    /** The erasure of the item type, or {@code null} when the step did not record it. */
    private final Class<?> itemType;

    private final List<DeclaredPipe> pipes = new ArrayList<>(1);
    private boolean discarded;

    OutPort(Step step, String name, boolean bytes, Class<?> itemType) {
        this.step = step;
        this.name = name;
        this.bytes = bytes;
        this.itemType = itemType;
    }

    /** The step this port belongs to. */
    public Step step() {
        return step;
    }

    /** The port's name, as declared in {@code @Stream(out = …)}. */
    public String name() {
        return name;
    }

    /**
     * Pipes this output into {@code input} with the workflow's default capacity; returns {@code input}.
     *
     * @throws IllegalStateException if this output already pipes into {@code input}, was
     *     discarded, or a workflow of either step has started
     */
    public <I extends InPort<? super T>> I pipe(I input) {
        connect(input, DeclaredPipe.DEFAULT);
        return input;
    }

    /**
     * Pipes this output into {@code input} through a pipe of {@code capacity} items, or bytes when
     * {@code input} is a byte input (a pipe takes the kind of the input it feeds); returns {@code input}.
     * Into an {@link ElementStep} that runs fused there is no pipe, and the capacity is moot.
     *
     * @throws IllegalArgumentException if {@code capacity} is not in {@code [1, Workflow.MAX_CAPACITY]}
     * @throws IllegalStateException as {@link #pipe(InPort)}
     */
    public <I extends InPort<? super T>> I pipe(I input, int capacity) {
        Objects.requireNonNull(input, () -> "cannot pipe '" + this + "' into a null input");
        Workflow.checkCapacity(capacity, "pipe '" + this + " -> " + input + "'", input.bytes() ? "bytes" : "items");
        connect(input, capacity);
        return input;
    }

    /** Pipes this output into {@code next}'s only input; returns {@code next}. */
    public <S extends OneInput<? super T>> S pipe(S next) {
        pipe(next.onlyInput());
        return next;
    }

    /** Pipes this output into {@code next}'s only input through a pipe of {@code capacity} items (or bytes, into a byte input). */
    public <S extends OneInput<? super T>> S pipe(S next, int capacity) {
        pipe(next.onlyInput(), capacity);
        return next;
    }

    /**
     * Declares that nothing reads this output: what the stream pushes to it is dropped. Calling it
     * again does nothing.
     *
     * @throws IllegalStateException if the output is already piped, or its workflow has started
     */
    public void discard() {
        checkNotStarted(step, "discard '" + this + "'");
        if (!pipes.isEmpty()) {
            throw new IllegalStateException("cannot discard '" + this + "': it is already piped to '"
                    + pipes.get(0).to() + "'; an output is either piped or discarded");
        }
        discarded = true;
    }

    /** {@code "step.port"}. */
    @Override
    public String toString() {
        return step.name() + "." + name;
    }

    /** The erasure of the port's item type, or {@code null} when its step did not record it. */
    Class<?> itemType() {
        return itemType;
    }

    /** Whether this is a byte port ({@link Step#byteOutput(String)}). */
    boolean bytes() {
        return bytes;
    }

    /** Whether {@link #discard()} was called. */
    boolean discarded() {
        return discarded;
    }

    /** The pipes out of this port, in the order they were made. */
    List<DeclaredPipe> pipes() {
        return pipes;
    }

    private void connect(InPort<?> input, int capacity) {
        Objects.requireNonNull(input, () -> "cannot pipe '" + this + "' into a null input");
        String what = "pipe '" + this + "' into '" + input + "'";
        checkNotStarted(step, what);
        checkNotStarted(input.step(), what);
        if (discarded) {
            throw new IllegalStateException(
                    "cannot " + what + ": '" + this + "' was discarded; an output is either piped or discarded");
        }
        for (DeclaredPipe pipe : pipes) {
            if (pipe.to() == input) {
                throw new IllegalStateException("cannot " + what + " twice: one pipe per output and input");
            }
        }
        DeclaredPipe pipe = new DeclaredPipe(this, input, capacity);
        pipes.add(pipe);
        input.pipes().add(pipe);
    }

    private static void checkNotStarted(Step step, String what) {
        Workflow workflow = step.workflow();
        if (workflow != null && workflow.started()) {
            throw new IllegalStateException(
                    "cannot " + what + ": workflow '" + workflow.name() + "' has already started");
        }
    }
}
