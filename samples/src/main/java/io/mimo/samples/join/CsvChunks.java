package io.mimo.samples.join;

import io.mimo.runtime.Output;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds CSV text row by row into chunks and pushes each chunk once it holds enough, so that a
 * writer stream gets few large items and only copies them to its file. Keyed, it also records
 * where each line ends and its key (see {@link CsvChunk}).
 */
final class CsvChunks {
    /** Pushed once a chunk holds this many bytes. */
    private static final int CHUNK = 64 * 1024;

    private final Output<CsvChunk> out;
    private final boolean keyed;
    private byte[] bytes = new byte[CHUNK + 1024];
    private int length;
    private long rows;

    // of a keyed chunk: its lines' ends, and their keys one after the other; a chunk gets copies
    // of their used parts (a chunk's arrays cross Flink edges whole)
    private int[] lineEnds;
    private int lines;
    private byte[] keys;
    private int[] keyEnds;
    private int keyLength;

    CsvChunks(Output<CsvChunk> out) {
        this(out, false);
    }

    /** Chunks into {@code out}; {@code keyed}, each knows its lines' ends and keys. */
    CsvChunks(Output<CsvChunk> out, boolean keyed) {
        this.out = out;
        this.keyed = keyed;
        if (keyed) {
            lineEnds = new int[1024];
            keyEnds = new int[1024];
            keys = new byte[8 * 1024];
        }
    }

    /** Appends {@code from[start, end)}. */
    void append(byte[] from, int start, int end) {
        int n = end - start;
        if (length + n + 1 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + n + 1));
        }
        System.arraycopy(from, start, bytes, length, n);
        length += n;
    }

    void comma() {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, 2 * bytes.length);
        }
        bytes[length++] = ',';
    }

    /**
     * Ends a row: a header when {@code counted} is false (its key, when keyed, is empty). Pushes the
     * chunk when it is full.
     *
     * @throws IllegalStateException for a counted row of keyed chunks: end it with its key
     */
    void endRow(boolean counted) {
        if (keyed && counted) {
            throw new IllegalStateException("a row of keyed chunks needs its key: end it with endRow(batch, row)");
        }
        end(counted);
    }

    /** Ends a row whose key is that of {@code row} of {@code batch}. Pushes the chunk when it is full. */
    void endRow(RowBatch batch, int row) {
        if (keyed) {
            int n = batch.keyLength(row);
            if (keyLength + n > keys.length) {
                keys = Arrays.copyOf(keys, Math.max(2 * keys.length, keyLength + n));
            }
            keyLength = batch.copyKey(row, keys, keyLength);
        }
        end(true);
    }

    private void end(boolean counted) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, 2 * bytes.length);
        }
        bytes[length++] = '\n';
        if (counted) {
            rows++;
        }
        if (keyed) {
            endLine();
        }
        if (length >= CHUNK) {
            flush();
        }
    }

    private void endLine() {
        if (lines == lineEnds.length) {
            lineEnds = Arrays.copyOf(lineEnds, 2 * lines);
            keyEnds = Arrays.copyOf(keyEnds, 2 * lines);
        }
        lineEnds[lines] = length;
        keyEnds[lines++] = keyLength;
    }

    /** Appends {@code rows} whole rows, {@code from[start, end)}, each ending in its line break. Pushes the chunk when it is full. */
    void appendRows(byte[] from, int start, int end, long rows) {
        if (keyed) {
            throw new IllegalStateException("rows without their keys cannot go into keyed chunks");
        }
        append(from, start, end);
        this.rows += rows;
        if (length >= CHUNK) {
            flush();
        }
    }

    /** Appends {@code fields} as a header row, quoting those that need it. */
    void header(List<String> fields) {
        StringBuilder text = new StringBuilder();
        CsvFormat.appendRecord(text, fields);
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        append(utf8, 0, utf8.length - 1); // without its \n: endRow adds it
        endRow(false);
    }

    /** Pushes what is left. */
    void flush() {
        if (length > 0) {
            out.push(
                    keyed
                            ? new CsvChunk(
                                    bytes,
                                    length,
                                    rows,
                                    Arrays.copyOf(lineEnds, lines),
                                    Arrays.copyOf(keys, keyLength),
                                    Arrays.copyOf(keyEnds, lines))
                            : new CsvChunk(bytes, length, rows));
            lines = 0;
            keyLength = 0;
            bytes = new byte[CHUNK + 1024];
            length = 0;
            rows = 0;
        }
    }
}
