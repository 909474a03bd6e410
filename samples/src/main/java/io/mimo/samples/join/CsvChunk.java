package io.mimo.samples.join;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * CSV text ready to write: the first {@code length} bytes of an array that its maker no longer
 * touches, holding {@code rows} whole rows (a header counts as none).
 *
 * <p>A <em>keyed</em> chunk also knows where each of its lines ends and the key of each (empty for
 * a header), so that the outputs of a join's partitions can be merged back into key order ({@link
 * KeyPartitions}).
 *
 * <p>On Flink a chunk crosses an edge through {@link CsvChunkSerializer}, named here for Flink alone:
 * the local runner never loads it.
 */
@TypeInfo(FlinkItemSerializer.Factory.class)
final class CsvChunk {
    private final byte[] bytes;
    private final int length;
    private final long rows;
    /** Where each line ends (after its {@code \n}); null unless keyed. */
    private final int[] lineEnds;
    /** The lines' keys, one after the other; null unless keyed. */
    private final byte[] keys;
    /** Where each line's key ends in {@code keys}; null unless keyed. */
    private final int[] keyEnds;

    CsvChunk(byte[] bytes, int length, long rows) {
        this(bytes, length, rows, null, null, null);
    }

    CsvChunk(byte[] bytes, int length, long rows, int[] lineEnds, byte[] keys, int[] keyEnds) {
        this.bytes = bytes;
        this.length = length;
        this.rows = rows;
        this.lineEnds = lineEnds;
        this.keys = keys;
        this.keyEnds = keyEnds;
    }

    /** The text, as a buffer of its own over the chunk's bytes. */
    ByteBuffer text() {
        return ByteBuffer.wrap(bytes, 0, length);
    }

    long rows() {
        return rows;
    }

    /** How many lines a keyed chunk holds, its header line included. */
    int lines() {
        return keyed().length;
    }

    /**
     * Compares the key of {@code line} with the key of {@code otherLine} in {@code other}, both keyed,
     * as unsigned bytes: the order of {@link RowBatch#compareKey}.
     */
    int compareKey(int line, CsvChunk other, int otherLine) {
        keyed();
        return Arrays.compareUnsigned(
                keys, keyStart(line), keyEnds[line], other.keys, other.keyStart(otherLine), other.keyEnds[otherLine]);
    }

    /** Appends lines {@code [from, to)} of this keyed chunk to {@code out}: {@code rows} rows. */
    void appendLines(int from, int to, long rows, CsvChunks out) {
        int[] ends = keyed();
        out.appendRows(bytes, from == 0 ? 0 : ends[from - 1], to == 0 ? 0 : ends[to - 1], rows);
    }

    private int keyStart(int line) {
        return line == 0 ? 0 : keyEnds[line - 1];
    }

    private int[] keyed() {
        if (lineEnds == null) {
            throw new IllegalStateException(
                    "this chunk was made without its lines' keys: make it with keyed CsvChunks");
        }
        return lineEnds;
    }

    // What CsvChunkSerializer reads: the arrays, of which it writes the used part only.

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    /** Where each line ends; null unless keyed. */
    int[] lineEnds() {
        return lineEnds;
    }

    /** The lines' keys, one after the other; null unless keyed. */
    byte[] keys() {
        return keys;
    }

    /** Where each line's key ends; null unless keyed. */
    int[] keyEnds() {
        return keyEnds;
    }
}
