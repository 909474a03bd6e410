package io.mimo.samples.join;

import io.mimo.Stream;
import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import io.mimo.runtime.bytes.ByteStream;
import io.mimo.samples.join.CsvFormat.MalformedRecordException;
import io.mimo.samples.join.CsvRecords.RecordTooLongException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The reading, parsing, writing and reporting streams of the CSV merge-join. */
final class Csv {
    /** How much of a file one mapping covers; views are slices of it. */
    private static final long MAP_SEGMENT = 64L << 20;

    private Csv() {}

    /**
     * Reads a file as views of {@code viewSize} bytes: mapped slices of a disk file, so no copy.
     * Returns how many bytes it read.
     */
    @Stream(out = {"bytes", "size"})
    static long read(CsvFile file, int viewSize, ByteOutput bytes) throws IOException {
        long total = 0;
        if (file.path() != null) {
            try (FileChannel channel = FileChannel.open(Path.of(file.path()), StandardOpenOption.READ)) {
                long size = channel.size();
                for (long at = 0; at < size; at += MAP_SEGMENT) {
                    ByteStream segment = ByteStream.map(channel, at, Math.min(MAP_SEGMENT, size - at), viewSize);
                    for (ByteBuffer view : segment.readViews()) {
                        total += view.remaining();
                        bytes.write(view);
                    }
                }
            }
        } else {
            try (InputStream in = file.openResource()) {
                ByteStream chunk = new ByteStream();
                while (chunk.readFrom(in, viewSize) >= 0) {
                    for (ByteBuffer view : chunk.readViews()) {
                        total += view.remaining();
                        bytes.write(view);
                    }
                }
            }
        }
        return total;
    }

    /**
     * Parses CSV bytes: the header first (a batch of its own), then every well-formed record in key
     * order to {@code rows}, in batches, and every malformed one to {@code rejected} as (file, line,
     * reason, raw text). Blank lines are skipped. A key smaller than the one before (as UTF-8 bytes:
     * by code point) stops the job, naming the file and the line.
     *
     * <p>A record is split into fields as bytes ({@link RowBatch#add}); one that is malformed, or
     * rare in shape, goes the slow way through {@link CsvFormat#parseFields}, which says what is wrong.
     * Returns how many records went each way.
     */
    @Stream(
            in = "bytes",
            out = {"rows", "rejected", "counts"})
    static Parsed parse(Side side, int maxRecordBytes, ByteInput bytes, Output<RowBatch> rows, Output<Row> rejected)
            throws IOException {
        CsvRecords records = new CsvRecords(maxRecordBytes);
        long line = 1;
        int keyIndex = -1;
        int columns = 0;
        RowBatch batch = null;
        RowBatch previous = null; // the batch of the last row, for the order check
        int previousRow = -1;
        long good = 0;
        long bad = 0;
        boolean atEnd = false;
        while (true) {
            ByteBuffer record;
            try {
                record = records.next(atEnd);
            } catch (RecordTooLongException e) {
                throw new IOException(side.file() + " line " + line + ": " + e.getMessage());
            }
            if (record == null) {
                if (atEnd) {
                    break;
                }
                ByteBuffer view = bytes.readView();
                if (view == null) {
                    atEnd = true;
                } else {
                    records.feed(view);
                }
                continue;
            }
            long recordLine = line;
            if (!record.hasRemaining()) {
                line++;
                continue;
            }
            if (keyIndex < 0) {
                line += 1 + count(record, (byte) '\n');
                List<String> fields;
                try {
                    fields = CsvFormat.parseFields(record);
                } catch (MalformedRecordException e) {
                    throw new IOException(
                            side.file() + " line " + recordLine + ": the header is malformed: " + e.getMessage());
                }
                keyIndex = side.keyIndex(new Row(recordLine, fields));
                columns = fields.size();
                RowBatch header = new RowBatch(columns, record.remaining());
                header.addFields(fields, keyIndex);
                rows.push(header);
                continue;
            }
            if (batch == null || !batch.hasRoom(record.remaining())) {
                if (batch != null) {
                    rows.push(batch);
                }
                batch = new RowBatch(columns, record.remaining());
            }
            int newlines = batch.add(record, keyIndex);
            if (newlines >= 0) {
                line += 1 + newlines;
            } else {
                line += 1 + count(record, (byte) '\n');
                List<String> fields;
                try {
                    fields = CsvFormat.parseFields(record);
                } catch (MalformedRecordException e) {
                    rejected.push(rejectedRow(side, recordLine, e.getMessage(), record));
                    bad++;
                    continue;
                }
                if (fields.size() != columns) {
                    rejected.push(rejectedRow(
                            side,
                            recordLine,
                            "expected " + columns + " fields as in the header, found " + fields.size(),
                            record));
                    bad++;
                    continue;
                }
                batch.addFields(fields, keyIndex);
            }
            int row = batch.rows() - 1;
            if (previous != null && batch.compareKey(row, previous, previousRow) < 0) {
                throw new IllegalStateException(side.file() + " line " + recordLine + ": key '" + batch.key(row)
                        + "' comes after '" + previous.key(previousRow) + "', but the file must be sorted by column '"
                        + side.key() + "' (as UTF-8 bytes, that is by code point); sort it first");
            }
            previous = batch;
            previousRow = row;
            good++;
        }
        if (keyIndex < 0) {
            throw new IOException(side.file() + " is empty: expected a header row naming its columns");
        }
        if (batch != null) {
            rows.push(batch);
        }
        return new Parsed(good, bad);
    }

    /**
     * How many records a parse stream sent to its rows and to its rejected rows. A record with
     * public fields, so that it crosses a Flink edge through Flink's own serializer.
     */
    public record Parsed(long rows, long rejected) {}

    private static Row rejectedRow(Side side, long line, String reason, ByteBuffer record) {
        String raw = StandardCharsets.UTF_8.decode(record.duplicate()).toString();
        return new Row(line, List.of(side.file(), Long.toString(line), reason, raw));
    }

    private static int count(ByteBuffer buffer, byte b) {
        int n = 0;
        for (int i = buffer.position(); i < buffer.limit(); i++) {
            if (buffer.get(i) == b) {
                n++;
            }
        }
        return n;
    }

    /** Writes CSV text to {@code file} as it comes. Returns how many rows it wrote after the header. */
    @Stream(in = "chunks", out = "count")
    static long writeText(Path file, Input<CsvChunk> chunks) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        long written = 0;
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (CsvChunk chunk : chunks) {
                ByteBuffer text = chunk.text();
                while (text.hasRemaining()) {
                    out.write(text);
                }
                written += chunk.rows();
            }
        }
        return written;
    }

    /**
     * Writes the rejected rows of both inputs to {@code file} as CSV, {@code header} first, then
     * the left input's rows, then the right input's, each in the order its parser found them: so the
     * file is the same whichever parser runs ahead, on any runner. The right input's rows come
     * through {@link #spool}, which holds them until their parser has ended, so that the right
     * parser never waits while this stream reads the left input. Returns how many rows it wrote
     * after the header.
     */
    @Stream(
            in = {"left", "right"},
            out = "count")
    static long writeRejected(Path file, List<String> header, Input<Row> left, Input<Row> right) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel out = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            StringBuilder text = new StringBuilder();
            CsvFormat.appendRecord(text, header);
            long written = appendRows(text, left, out);
            return written + appendRows(text, right, out);
        }
    }

    /**
     * Holds rows until their input ends, then sends them on in the same order: a reader may take
     * them long after their writer has ended, and the writer never waits for it. They wait in
     * {@code file}, created at the first row; no other stream touches it, and this one deletes it
     * before it ends, whether it ends normally, fails or is stopped, so that nothing of it is left
     * after a run (only a killed process leaves it, and the next run's spool replaces it).
     */
    @Stream(in = "rows", out = "held")
    static void spool(Path file, Input<Row> rows, Output<Row> held) throws IOException {
        try {
            Row first = rows.poll();
            if (first != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                long count = 0;
                try (DataOutputStream out =
                        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                    for (Row row = first; row != null; row = rows.poll()) {
                        writeRow(row, out);
                        count++;
                    }
                }
                try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                    for (long i = 0; i < count; i++) {
                        held.push(readRow(in));
                    }
                }
            }
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        Files.deleteIfExists(file);
    }

    /** Writes {@code row} to a spool file as its line, its field count and each field's UTF-8 length and bytes. */
    private static void writeRow(Row row, DataOutputStream out) throws IOException {
        out.writeLong(row.line());
        out.writeInt(row.fields().size());
        for (String field : row.fields()) {
            byte[] utf8 = field.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** Reads a row {@link #writeRow} wrote. */
    private static Row readRow(DataInputStream in) throws IOException {
        long line = in.readLong();
        String[] fields = new String[in.readInt()];
        for (int i = 0; i < fields.length; i++) {
            byte[] utf8 = new byte[in.readInt()];
            in.readFully(utf8);
            fields[i] = new String(utf8, StandardCharsets.UTF_8);
        }
        return new Row(line, List.of(fields));
    }

    /**
     * Writes what {@code text} holds, then each of {@code rows} as a CSV record, to {@code out};
     * returns how many rows.
     */
    private static long appendRows(StringBuilder text, Input<Row> rows, FileChannel out) throws IOException {
        long written = 0;
        for (Row row : rows) {
            CsvFormat.appendRecord(text, row.fields());
            written++;
            if (text.length() >= 1 << 16) {
                writeAll(text, out);
            }
        }
        writeAll(text, out);
        return written;
    }

    private static void writeAll(StringBuilder text, FileChannel out) throws IOException {
        ByteBuffer utf8 = StandardCharsets.UTF_8.encode(CharBuffer.wrap(text));
        while (utf8.hasRemaining()) {
            out.write(utf8);
        }
        text.setLength(0);
    }

    /**
     * Prints the summary once every writer has finished: rows per output, then counts per stream
     * (by stream name: {@code left} and {@code right} name the two files as the streams do).
     */
    @Stream(
            in = {"matched", "leftOnly", "rightOnly", "rejected", "leftBytes", "rightBytes", "leftParsed", "rightParsed"
            })
    static void report(
            PrintStream out,
            Path dir,
            String left,
            String right,
            long matched,
            long leftOnly,
            long rightOnly,
            long rejected,
            long leftBytes,
            long rightBytes,
            Parsed leftParsed,
            Parsed rightParsed) {
        out.printf("%-16s %8d  %s%n", "matched", matched, dir.resolve("matched.csv"));
        out.printf("%-16s %8d  %s%n", "left-only", leftOnly, dir.resolve("left-only.csv"));
        out.printf("%-16s %8d  %s%n", "right-only", rightOnly, dir.resolve("right-only.csv"));
        out.printf("%-16s %8d  %s%n", "rejected", rejected, dir.resolve("rejected.csv"));
        Map<String, Long> perStream = new TreeMap<>();
        perStream.put("read " + left + ": bytes", leftBytes);
        perStream.put("read " + right + ": bytes", rightBytes);
        perStream.put("parse " + left + ": rows", leftParsed.rows());
        perStream.put("parse " + left + ": rejected", leftParsed.rejected());
        perStream.put("parse " + right + ": rows", rightParsed.rows());
        perStream.put("parse " + right + ": rejected", rightParsed.rejected());
        out.println("per stream:");
        perStream.forEach((what, n) -> out.printf("  %-40s %10d%n", what, n));
    }
}
