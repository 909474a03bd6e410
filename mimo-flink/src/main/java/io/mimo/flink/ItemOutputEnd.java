package io.mimo.flink;

import io.mimo.runtime.Output;
import java.nio.ByteBuffer;

/**
 * The writing end of an item output on Flink: each item goes to the output's stream through the
 * emitter. Flink's network buffers give back-pressure, so {@link #offer} always takes the item. On
 * an output whose stream carries {@code byte[]} chunks (one of {@code ByteBuffer}s), a buffer's
 * remaining bytes are copied into a chunk, for a {@code ByteBuffer} is not a record Flink can ship.
 */
final class ItemOutputEnd implements Output<Object> {
    private final String stream;
    private final String name;
    private final int index;
    private final boolean chunks;
    private final Emitter emitter;

    ItemOutputEnd(String stream, String name, int index, boolean chunks, Emitter emitter) {
        this.stream = stream;
        this.name = name;
        this.index = index;
        this.chunks = chunks;
        this.emitter = emitter;
    }

    @Override
    public void push(Object item) {
        if (item == null) {
            throw new NullPointerException(
                    "stream '" + stream + "' pushed null to output '" + name + "': items must not be null");
        }
        emitter.emit(index, chunks && item instanceof ByteBuffer view ? ChunkOutputEnd.copy(view) : item);
    }

    @Override
    public boolean offer(Object item) {
        push(item);
        return true;
    }

    @Override
    public String name() {
        return name;
    }
}
