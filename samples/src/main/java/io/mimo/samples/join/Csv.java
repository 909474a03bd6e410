package io.mimo.samples.join;

import io.mimo.Stream;
import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import io.mimo.runtime.bytes.ByteStream;
import io.mimo.samples.join.CsvFormat.MalformedRecordException;
import io.mimo.samples.join.CsvRecords.RecordTooLongException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** The reading, parsing, writing and reporting streams of the CSV merge-join. */
final class Csv {
    /** How much of a file one mapping covers; views are slices of it. */
    private static final long MAP_SEGMENT = 64L << 20;

    private Csv() {}

    /** Reads a file as views of {@code viewSize} bytes: mapped slices of a disk file, so no copy. */
    @Stream(out = "bytes")
    static void read(CsvFile file, int viewSize, LongAdder bytesRead, ByteOutput bytes) throws IOException {
        long total = 0;
        if (file.path() != null) {
            try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
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
        bytesRead.add(total);
    }

    /**
     * Parses CSV bytes: the header first, then every well-formed record in key order to {@code rows},
     * and every malformed one to {@code rejected} as (file, line, reason, raw text). Blank lines are
     * skipped. A key smaller than the one before stops the job, naming the file and the line.
     */
    @Stream(
            in = "bytes",
            out = {"rows", "rejected"})
    static void parse(
            Side side,
            int maxRecordBytes,
            LongAdder parsed,
            LongAdder malformed,
            ByteInput bytes,
            Output<Row> rows,
            Output<Row> rejected)
            throws IOException {
        CsvRecords records = new CsvRecords(maxRecordBytes);
        long line = 1;
        int keyIndex = -1;
        int columns = 0;
        String previousKey = null;
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
            line += 1 + count(record, (byte) '\n');
            if (!record.hasRemaining()) {
                continue;
            }
            List<String> fields;
            try {
                fields = CsvFormat.parseFields(record);
            } catch (MalformedRecordException e) {
                if (keyIndex < 0) {
                    throw new IOException(
                            side.file() + " line " + recordLine + ": the header is malformed: " + e.getMessage());
                }
                rejected.push(rejectedRow(side, recordLine, e.getMessage(), record));
                bad++;
                continue;
            }
            if (keyIndex < 0) {
                keyIndex = side.keyIndex(new Row(recordLine, fields));
                columns = fields.size();
                rows.push(new Row(recordLine, fields));
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
            String key = fields.get(keyIndex);
            if (previousKey != null && key.compareTo(previousKey) < 0) {
                throw new IllegalStateException(
                        side.file() + " line " + recordLine + ": key '" + key + "' comes after '"
                                + previousKey + "', but the file must be sorted by column '" + side.key()
                                + "' (as plain strings); sort it first");
            }
            previousKey = key;
            rows.push(new Row(recordLine, fields));
            good++;
        }
        if (keyIndex < 0) {
            throw new IOException(side.file() + " is empty: expected a header row naming its columns");
        }
        parsed.add(good);
        malformed.add(bad);
    }

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

    /**
     * Writes rows as CSV to {@code file}: {@code header} first when it is not empty (otherwise the
     * first row is the header). Returns how many rows it wrote after the header.
     */
    @Stream(in = "rows", out = "count")
    static long write(Path file, List<String> header, Input<Row> rows) throws IOException {
        long written = 0;
        StringBuilder text = new StringBuilder();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            if (!header.isEmpty()) {
                CsvFormat.appendRecord(text, header);
            }
            for (Row row : rows) {
                CsvFormat.appendRecord(text, row.fields());
                written++;
                if (text.length() >= 1 << 16) {
                    out.append(text);
                    text.setLength(0);
                }
            }
            out.append(text);
        }
        return header.isEmpty() ? Math.max(written - 1, 0) : written;
    }

    /** Prints the summary once every writer has finished: rows per output, then counts per stream. */
    @Stream(in = {"matched", "leftOnly", "rightOnly", "rejected"})
    static void report(
            PrintStream out, Path dir, Tally tally, long matched, long leftOnly, long rightOnly, long rejected) {
        out.printf("%-16s %8d  %s%n", "matched", matched, dir.resolve("matched.csv"));
        out.printf("%-16s %8d  %s%n", "left-only", leftOnly, dir.resolve("left-only.csv"));
        out.printf("%-16s %8d  %s%n", "right-only", rightOnly, dir.resolve("right-only.csv"));
        out.printf("%-16s %8d  %s%n", "rejected", rejected, dir.resolve("rejected.csv"));
        out.println("per stream:");
        tally.snapshot().forEach((what, n) -> out.printf("  %-40s %10d%n", what, n));
    }
}
