package io.mimo.samples.join;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInfo;

/**
 * Parsed rows of one CSV file, many to a batch so that they cross a pipe as one item, kept as bytes:
 * no field becomes a {@code String} unless a message needs it.
 *
 * <p>Each field is held in its <em>output form</em>, the bytes that write it back as RFC 4180 with
 * quotes only where needed: a plain field as it was read; a quoted field that holds a comma, a quote
 * or a line break as it was read, quotes and doubled quotes included (that is the only way to write
 * it); a quoted field that holds none of them without its quotes. So writing a row copies bytes.
 * Each row's key is held apart as its value (what the field says, quotes undone), which is what
 * keys are compared by: as unsigned bytes, and so, for UTF-8, by code point.
 *
 * <p>A batch is filled by one parse stream and read, once pushed, by the join alone; it is not
 * changed after it is pushed.
 *
 * <p>On Flink a batch crosses an edge through {@link RowBatchSerializer}, named here for Flink
 * alone: the local runner never loads it.
 */
@TypeInfo(FlinkItemSerializer.Factory.class)
final class RowBatch {
    /** At most this many rows to a batch: enough to make a pipe's hand-over cheap per row. */
    static final int MAX_ROWS = 512;
    /** The bytes of a batch, unless one record needs more. */
    static final int BYTES = 48 * 1024;

    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';

    /** Eight bytes at a time, read little-endian (any order would do: only "is there one" is asked). */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long COMMAS = COMMA * ONES;
    private static final long QUOTES = QUOTE * ONES;
    private static final long CARRIAGE_RETURNS = '\r' * ONES;

    private final int columns;
    private final byte[] bytes;
    private int size;
    /** From and to of each field's output form in {@code bytes}: {@code 2 * columns} ints a row. */
    private final int[] fields;
    /** From and to of each row's key value in {@code bytes}. */
    private final int[] keys;
    /**
     * Whether a row's fields lie in {@code bytes} one after the other, a comma between each two, so
     * that a run of them is written with one copy. A row read the fast way is, unless a quoted field
     * lost its quotes.
     */
    private final boolean[] contiguous;

    private int rows;

    /** An empty batch of rows of {@code columns} fields with room for at least {@code recordBytes}. */
    RowBatch(int columns, int recordBytes) {
        this.columns = columns;
        this.bytes = new byte[Math.max(BYTES, room(recordBytes))];
        this.fields = new int[2 * columns * MAX_ROWS];
        this.keys = new int[2 * MAX_ROWS];
        this.contiguous = new boolean[MAX_ROWS];
    }

    /**
     * The most a record of {@code recordBytes} can take: its output form (each field's value at most
     * doubled by quoting, plus two quotes and a comma a field) and its key's value.
     */
    private int room(int recordBytes) {
        return 3 * recordBytes + 3 * columns;
    }

    int rows() {
        return rows;
    }

    /**
     * Whether a record of {@code recordBytes} can be added, by either {@link #add} or {@link
     * #addFields}.
     */
    boolean hasRoom(int recordBytes) {
        return rows < MAX_ROWS && bytes.length - size >= room(recordBytes);
    }

    /**
     * Adds the record (its bytes without the line terminator, from position to limit, left unmoved)
     * when it is a well-formed row of {@link #columns} fields whose key is not quoted around a comma,
     * quote or line break, and whose plain fields hold no carriage return; returns how many line
     * breaks its quoted fields hold. Otherwise adds nothing and returns -1: the caller parses the
     * record the slow way, which says what is wrong or adds it with {@link #addFields}.
     */
    int add(ByteBuffer record, int keyIndex) {
        int from = size;
        int length = record.remaining();
        record.get(record.position(), bytes, from, length);
        int end = from + length;
        byte[] b = bytes;
        int row = rows * 2 * columns;
        int newlines = 0;
        int seen = 0; // every byte ORed: negative when a byte is not ASCII
        long seenWords = 0; // every word of eight bytes ORed: a top bit set when a byte is not ASCII
        boolean unquoted = false; // whether a quoted field lost its quotes
        int f = 0;
        int i = from;
        while (true) {
            if (f == columns) {
                return -1; // more fields than the header has
            }
            int fieldFrom;
            int fieldTo;
            int j;
            if (i < end && b[i] == QUOTE) {
                boolean needsQuotes = false;
                j = i + 1;
                while (true) {
                    if (j >= end) {
                        return -1; // not closed
                    }
                    byte c = b[j];
                    if (c == QUOTE) {
                        if (j + 1 < end && b[j + 1] == QUOTE) {
                            needsQuotes = true;
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    if (c == COMMA || c == '\r') {
                        needsQuotes = true;
                    } else if (c == '\n') {
                        needsQuotes = true;
                        newlines++;
                    }
                    seen |= c;
                    j++;
                }
                j++; // past the closing quote
                if (needsQuotes) {
                    if (f == keyIndex) {
                        return -1; // the key's value differs from its output form
                    }
                    fieldFrom = i;
                    fieldTo = j;
                } else {
                    fieldFrom = i + 1;
                    fieldTo = j - 1;
                    unquoted = true;
                }
                if (j < end && b[j] != COMMA) {
                    return -1; // text after the closing quote
                }
            } else {
                j = i;
                // eight bytes at a time while they hold no comma, quote or carriage return; then
                // byte by byte (x - ONES) & ~x & HIGHS marks the lowest zero byte of x exactly
                while (j <= end - Long.BYTES) {
                    long word = (long) WORDS.get(b, j);
                    long c = word ^ COMMAS;
                    long q = word ^ QUOTES;
                    long r = word ^ CARRIAGE_RETURNS;
                    if (((((c - ONES) & ~c) | ((q - ONES) & ~q) | ((r - ONES) & ~r)) & HIGHS) != 0) {
                        break;
                    }
                    seenWords |= word;
                    j += Long.BYTES;
                }
                while (j < end) {
                    byte c = b[j];
                    if (c == COMMA) {
                        break;
                    }
                    if (c == QUOTE || c == '\r') {
                        return -1; // a stray quote, or a carriage return that needs quoting on output
                    }
                    seen |= c;
                    j++;
                }
                fieldFrom = i;
                fieldTo = j;
            }
            fields[row + 2 * f] = fieldFrom;
            fields[row + 2 * f + 1] = fieldTo;
            f++;
            if (j >= end) {
                break;
            }
            i = j + 1;
        }
        if (f != columns || ((seen < 0 || (seenWords & HIGHS) != 0) && !Utf8.valid(b, from, end))) {
            return -1;
        }
        keys[2 * rows] = fields[row + 2 * keyIndex];
        keys[2 * rows + 1] = fields[row + 2 * keyIndex + 1];
        contiguous[rows] = !unquoted;
        size = end;
        rows++;
        return newlines;
    }

    /** Adds a row parsed the slow way: each field's output form, and the key's value apart. */
    void addFields(List<String> values, int keyIndex) {
        int row = rows * 2 * columns;
        for (int f = 0; f < columns; f++) {
            String value = values.get(f);
            if (f > 0) {
                bytes[size++] = COMMA;
            }
            fields[row + 2 * f] = size;
            if (CsvFormat.needsQuotes(value)) {
                put("\"" + value.replace("\"", "\"\"") + "\"");
            } else {
                put(value);
            }
            fields[row + 2 * f + 1] = size;
        }
        keys[2 * rows] = size;
        put(values.get(keyIndex));
        keys[2 * rows + 1] = size;
        contiguous[rows] = true;
        rows++;
    }

    private void put(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(utf8, 0, bytes, size, utf8.length);
        size += utf8.length;
    }

    /** The row's fields as text (quotes undone): for the header. */
    List<String> texts(int row) {
        List<String> texts = new ArrayList<>(columns);
        for (int f = 0; f < columns; f++) {
            int from = fields[2 * (row * columns + f)];
            int to = fields[2 * (row * columns + f) + 1];
            String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
            if (to - from >= 2 && bytes[from] == QUOTE) {
                text = text.substring(1, text.length() - 1).replace("\"\"", "\"");
            }
            texts.add(text);
        }
        return texts;
    }

    /** The row's key as text: for messages. */
    String key(int row) {
        return new String(bytes, keys[2 * row], keys[2 * row + 1] - keys[2 * row], StandardCharsets.UTF_8);
    }

    /**
     * Compares the key of {@code row} with the key of {@code otherRow} in {@code other} as unsigned
     * bytes: for UTF-8, code point order.
     */
    int compareKey(int row, RowBatch other, int otherRow) {
        return Arrays.compareUnsigned(
                bytes,
                keys[2 * row],
                keys[2 * row + 1],
                other.bytes,
                other.keys[2 * otherRow],
                other.keys[2 * otherRow + 1]);
    }

    /** The length of the key of {@code row}, in bytes. */
    int keyLength(int row) {
        return keys[2 * row + 1] - keys[2 * row];
    }

    /** Copies the key of {@code row} into {@code to} at {@code at}; returns where it ends there. */
    int copyKey(int row, byte[] to, int at) {
        int n = keyLength(row);
        System.arraycopy(bytes, keys[2 * row], to, at, n);
        return at + n;
    }

    /**
     * Which of {@code parts} partitions the key of {@code row} belongs to: a function of the key's
     * bytes alone, so rows of one key, from either file, land in the same one.
     */
    int partition(int row, int parts) {
        int hash = 1;
        for (int i = keys[2 * row], end = keys[2 * row + 1]; i < end; i++) {
            hash = 31 * hash + bytes[i];
        }
        hash ^= hash >>> 16; // the low bits pick the part: mix the high ones in
        return Math.floorMod(hash * 0x9E3779B9, parts);
    }

    /**
     * Adds a copy of {@code row} of {@code from}, a batch of as many columns, when there is room;
     * returns whether it did.
     */
    boolean addCopy(RowBatch from, int row) {
        int start = from.rowStart(row);
        int end = from.rowEnd(row);
        if (rows == MAX_ROWS || bytes.length - size < end - start) {
            return false;
        }
        int fieldsAt = 2 * row * from.columns;
        System.arraycopy(from.bytes, start, bytes, size, end - start);
        int shift = size - start;
        int to = 2 * rows * columns;
        for (int f = 0; f < 2 * columns; f++) {
            fields[to + f] = from.fields[fieldsAt + f] + shift;
        }
        keys[2 * rows] = from.keys[2 * row] + shift;
        keys[2 * rows + 1] = from.keys[2 * row + 1] + shift;
        contiguous[rows] = from.contiguous[row];
        size += end - start;
        rows++;
        return true;
    }

    /** How many bytes {@code row} takes: a batch made for records of this many has room for its copy. */
    int rowBytes(int row) {
        return rowEnd(row) - rowStart(row);
    }

    // a row's bytes (its fields and its key's value) lie after the rows before it and before those after it
    private int rowStart(int row) {
        return Math.min(fields[2 * row * columns], keys[2 * row]);
    }

    private int rowEnd(int row) {
        return Math.max(fields[2 * (row + 1) * columns - 1], keys[2 * row + 1]);
    }

    /** Whether the key of {@code row} equals the key of {@code otherRow} in {@code other}. */
    boolean sameKey(int row, RowBatch other, int otherRow) {
        return compareKey(row, other, otherRow) == 0;
    }

    /** Appends the output form of field {@code column} of {@code row} to {@code out}. */
    void appendField(int row, int column, CsvChunks out) {
        int at = 2 * (row * columns + column);
        out.append(bytes, fields[at], fields[at + 1]);
    }

    /** Appends every field of {@code row}, comma-separated, to {@code out}. */
    void appendRow(int row, CsvChunks out) {
        int at = 2 * row * columns;
        if (contiguous[row]) {
            out.append(bytes, fields[at], fields[at + 2 * columns - 1]);
            return;
        }
        for (int f = 0; f < columns; f++) {
            if (f > 0) {
                out.comma();
            }
            appendField(row, f, out);
        }
    }

    /** Appends the fields of {@code row} but {@code skip}, each after a comma, to {@code out}. */
    void appendOthers(int row, int skip, CsvChunks out) {
        int at = 2 * row * columns;
        if (contiguous[row]) {
            if (skip > 0) { // the fields before the skipped one, after a comma
                out.comma();
                out.append(bytes, fields[at], fields[at + 2 * skip - 1]);
            }
            // the fields after it, each after the comma that follows the skipped one or its successor
            out.append(bytes, fields[at + 2 * skip + 1], fields[at + 2 * columns - 1]);
            return;
        }
        for (int f = 0; f < columns; f++) {
            if (f != skip) {
                out.comma();
                appendField(row, f, out);
            }
        }
    }

    // What RowBatchSerializer reads and makes: the arrays, of which it writes the used parts only.

    /**
     * A batch of {@code rows} rows over arrays that hold just them, which it takes: as {@link
     * RowBatchSerializer} reads or copies one. It has no room for another row.
     */
    RowBatch(int columns, int rows, byte[] bytes, int[] fields, int[] keys, boolean[] contiguous) {
        this.columns = columns;
        this.rows = rows;
        this.bytes = bytes;
        this.size = bytes.length;
        this.fields = fields;
        this.keys = keys;
        this.contiguous = contiguous;
    }

    int columns() {
        return columns;
    }

    /** The bytes in use: the first {@link #size()} of {@link #bytes()}. */
    int size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The fields' from and to: the first {@code 2 * columns() * rows()}. */
    int[] fields() {
        return fields;
    }

    /** The keys' from and to: the first {@code 2 * rows()}. */
    int[] keys() {
        return keys;
    }

    /** Whether each row's fields lie one after the other: the first {@code rows()}. */
    boolean[] contiguous() {
        return contiguous;
    }
}
