package io.mimo.runtime;

/**
 * A graph of streams joined by bounded pipes. Add steps, pipe their ports, then {@link #run()}.
 *
 * <p>Before any thread starts, {@code run()}/{@code start()} refuse a graph with an input piped
 * from nothing, an output piped to nothing and not discarded, or a pipe to a step of another
 * workflow, naming the step and port. A workflow runs at most once.
 */
public final class Workflow {
    /** Items a pipe holds unless the workflow or the pipe says otherwise. */
    public static final int DEFAULT_CAPACITY = 256;

    private final String name;
    private final int capacity;

    /** A workflow whose pipes hold {@value #DEFAULT_CAPACITY} items unless a pipe says otherwise. */
    public Workflow(String name) {
        this(name, DEFAULT_CAPACITY);
    }

    /** A workflow whose pipes hold {@code capacity} items unless a pipe says otherwise. */
    public Workflow(String name, int capacity) {
        this.name = name;
        this.capacity = capacity;
    }

    /** The workflow's name. */
    public String name() {
        return name;
    }

    /** Items a pipe holds unless the pipe says otherwise. */
    public int capacity() {
        return capacity;
    }

    /** Adds a step; returns it, so {@code var fork = wf.add(NumbersStreams.fork());} keeps its type. */
    public <S extends Step> S add(S step) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Pipes {@code from} into {@code to} with the default capacity; the same as {@code from.pipe(to)}. */
    public <T> void pipe(OutPort<T> from, InPort<? super T> to) {
        from.pipe(to);
    }

    /** Pipes {@code from} into {@code to} through a pipe of {@code capacity} items. */
    public <T> void pipe(OutPort<T> from, InPort<? super T> to, int capacity) {
        from.pipe(to, capacity);
    }

    /** Runs every stream and blocks until all have ended. */
    public void run() {
        start().await();
    }

    /** Starts every stream on a virtual thread of its own and returns at once. */
    public Execution start() {
        throw new UnsupportedOperationException("not yet");
    }
}
