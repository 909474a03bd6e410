package io.mimo.samples.join;

import java.nio.ByteBuffer;

/**
 * CSV text ready to write: the first {@code length} bytes of an array that its maker no longer
 * touches, holding {@code rows} whole rows (a header counts as none).
 */
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
}
