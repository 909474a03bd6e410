package io.mimo.runtime;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * A stream of a workflow before it runs: a name, named input and output ports, and a body that
 * the runtime calls once, on a virtual thread of its own, when the workflow runs.
 *
 * <p>Generated step classes extend it; so can hand-written ones, declaring their ports with
 * {@link #input(String)} and {@link #output(String)} in field initialisers or the constructor.
 * A step belongs to at most one workflow and runs at most once.
 */
public abstract class Step {
    private final String name;

    /** @param name the stream's name, used in pictures of the graph and in error messages */
    protected Step(String name) {
        this.name = name;
    }

    /** Declares an input port; names are unique across the step's inputs and outputs. */
    protected final <T> InPort<T> input(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Declares an output port; names are unique across the step's inputs and outputs. */
    protected final <T> OutPort<T> output(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Declares a byte input port: wired like any {@code InPort<ByteBuffer>}, read through
     * {@link Context#byteInput(InPort)}. A pipe into it is bounded in bytes, not items.
     */
    protected final InPort<ByteBuffer> byteInput(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * Declares a byte output port: wired like any {@code OutPort<ByteBuffer>}, written through
     * {@link Context#byteOutput(OutPort)}. Pipes out of it are bounded in bytes, not items.
     */
    protected final OutPort<ByteBuffer> byteOutput(String name) {
        throw new UnsupportedOperationException("not yet");
    }

    /**
     * The stream's body, called once when the workflow runs. Its outputs close when it returns;
     * an exception stops the workflow.
     */
    protected abstract void run(Context context) throws Exception;

    /** The stream's name. */
    public final String name() {
        return name;
    }

    /** The input ports, in declaration order. */
    public final List<InPort<?>> inputs() {
        throw new UnsupportedOperationException("not yet");
    }

    /** The output ports, in declaration order. */
    public final List<OutPort<?>> outputs() {
        throw new UnsupportedOperationException("not yet");
    }

    @Override
    public String toString() {
        return name;
    }
}
