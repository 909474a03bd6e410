package io.mimo.samples.join;

import java.nio.ByteBuffer;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * CSV text ready to write: the first {@code length} bytes of an array that its maker no longer
 * touches, holding {@code rows} whole rows (a header counts as none).
 *
 * <p>On Flink a chunk crosses an edge through {@link CsvChunkSerializer}, named here for Flink alone:
 * the local runner never loads it.
 */
@TypeInfo(FlinkItemSerializer.Factory.class)
final class CsvChunk {
    private final byte[] bytes;
    private final int length;
    private final long rows;

    CsvChunk(byte[] bytes, int length, long rows) {
        this.bytes = bytes;
        this.length = length;
        this.rows = rows;
    }

    /** The text, as a buffer of its own over the chunk's bytes. */
    ByteBuffer text() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    long rows() {
        return rows;
    }

    // What CsvChunkSerializer reads: the array, of which it writes the used part only.

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }
}
