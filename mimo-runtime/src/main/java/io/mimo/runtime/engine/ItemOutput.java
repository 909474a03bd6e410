package io.mimo.runtime.engine;

import io.mimo.runtime.Output;

/**
 * The writing end of an item output: broadcasts each item to every live pipe, in pipe order,
 * waiting for room in each (the slowest reader sets the pace). A discarded output has no pipes
 * and drops what it is given.
 */
final class ItemOutput<T> implements Output<T> {
    private final StreamRun writer;
    private final String name;
    private final boolean discarded;
    private ItemPipe[] pipes = new ItemPipe[0];

    ItemOutput(StreamRun writer, String name, boolean discarded) {
        this.writer = writer;
        this.name = name;
        this.discarded = discarded;
    }

    /** Set once, while wiring. */
    void writeTo(ItemPipe[] pipes) {
        this.pipes = pipes;
    }

    @Override
    public void push(T item) {
        if (item == null) {
            throw new NullPointerException("stream '" + writer.name + "' pushed null to output '" + name
                    + "': items must not be null");
        }
        boolean delivered = false;
        for (ItemPipe pipe : pipes) {
            delivered |= pipe.put(item);
        }
        if (!delivered) {
            dropped();
        }
    }

    /** No pipe took the item: it was discarded, or every reader of this output has ended. */
    private void dropped() {
        if (discarded) {
            // Nothing ever blocks a discarded output, so this is where a stream that only pushes
            // to discarded outputs notices that the workflow stops.
            writer.checkNotStopping();
        } else {
            writer.checkPipesAlive();
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
