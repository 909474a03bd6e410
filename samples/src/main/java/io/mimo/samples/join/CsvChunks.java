package io.mimo.samples.join;

import io.mimo.runtime.Output;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Builds CSV text row by row into chunks and pushes each chunk once it holds enough, so that a
 * writer stream gets few large items and only copies them to its file.
 */
final class CsvChunks {
    /** Pushed once a chunk holds this many bytes. */
    private static final int CHUNK = 64 * 1024;

    private final Output<CsvChunk> out;
    private byte[] bytes = new byte[CHUNK + 1024];
    private int length;
    private long rows;

    CsvChunks(Output<CsvChunk> out) {
        this.out = out;
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

    /** Ends a row: a header when {@code counted} is false. Pushes the chunk when it is full. */
    void endRow(boolean counted) {
        if (length == bytes.length) {
            bytes = Arrays.copyOf(bytes, 2 * bytes.length);
        }
        bytes[length++] = '\n';
        if (counted) {
            rows++;
        }
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
            out.push(new CsvChunk(bytes, length, rows));
            bytes = new byte[CHUNK + 1024];
            length = 0;
            rows = 0;
        }
    }
}
