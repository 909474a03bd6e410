package io.mimo.runtime.graph;

import java.util.Objects;

/**
 * A pipe from an output to an input. It takes the kind of the input it feeds: into a byte input
 * it is bounded in bytes, whether a byte output or an output of {@code ByteBuffer} items writes it;
 * into an item input it is bounded in items, and a byte output's views arrive there as items.
 *
 * @param from the output that writes it
 * @param to the input that reads it
 * @param capacity what it holds when full, in {@link #unit()}s: the pipe's own capacity or the
 *     workflow's default for its kind
 */
public record PipeView(PortView from, PortView to, int capacity) {

    /** Checks the components. */
    public PipeView {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (capacity < 1) {
            throw new IllegalArgumentException("pipe '" + from + " -> " + to + "' has capacity " + capacity
                    + ": a pipe holds at least one item or byte");
        }
    }

    /** Whether it is bounded in bytes: it feeds a byte input. */
    public boolean bytes() {
        return to.bytes();
    }

    /** {@code "bytes"} or {@code "items"}. */
    public String unit() {
        return bytes() ? "bytes" : "items";
    }

    /** {@code "from.port -> to.port"}, as messages name it. */
    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
