package io.mimo.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * An input port of a {@link Step}, for wiring a workflow before it runs: the downstream end of
 * pipes. Several outputs piped into one input are merged in arrival order. A running stream reads
 * it through the {@link Input} its {@link Context} hands out.
 */
@SuppressWarnings("UnusedTypeParameter") // T types the pipes into it, checked by javac when wiring
public final class InPort<T> {
    private final Step step;
    private final String name;
    private final boolean bytes;
    /** The erasure of the item type, or {@code null} when the step did not record it. */
    private final Class<?> itemType;

    private final List<DeclaredPipe> pipes = new ArrayList<>(1);

    InPort(Step step, String name, boolean bytes, Class<?> itemType) {
        this.step = step;
        this.name = name;
        this.bytes = bytes;
        this.itemType = itemType;
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

    /** The erasure of the port's item type, or {@code null} when its step did not record it. */
    Class<?> itemType() {
        return itemType;
    }

    /** Whether this is a byte port ({@link Step#byteInput(String)}). */
    boolean bytes() {
        return bytes;
    }

    /** The pipes into this port, in the order they were made. */
    List<DeclaredPipe> pipes() {
        return pipes;
    }
}
