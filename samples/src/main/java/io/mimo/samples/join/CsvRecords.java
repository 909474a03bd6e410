package io.mimo.samples.join;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Cuts CSV bytes into records as they arrive.
 *
 * <p>A record ends at a {@code \n} outside quotes (a {@code \r} before it is dropped), so a quoted
 * field may hold line breaks. Only a quote at the start of a field opens quotes: a stray one inside a
 * plain field leaves the record to the parser to reject, and does not swallow the lines after it. The
 * bytes scanned so far are remembered, so each byte is looked at once however the input is split into
 * views.
 *
 * <p>The views fed are copied into one array (a window over the input), so that records are scanned
 * and later split into fields in a plain {@code byte[]}, which is faster than reading mapped memory a
 * byte at a time, and a record that spans views needs no copy of its own.
 */
final class CsvRecords {
    /** Eight bytes at a time, read little-endian so that lower bits are earlier bytes. */
    private static final VarHandle WORDS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long NEWLINES = '\n' * ONES;
    private static final long QUOTES = '"' * ONES;

    private final int maxRecordBytes;
    private byte[] window = new byte[0];
    /** The first byte of the next record in {@code window}. */
    private int start;
    /** The end of the bytes held in {@code window}. */
    private int end;
    /** How many bytes from {@code start} were scanned without finding the record's end. */
    private int scanned;
    /** Whether the scan stopped inside a quoted field. */
    private boolean inQuotes;

    /** @param maxRecordBytes the longest record accepted: a longer one is an error, not unbounded memory */
    CsvRecords(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Adds the next bytes of the input (copied: the view is not kept, nor moved). */
    void feed(ByteBuffer view) {
        int n = view.remaining();
        if (end + n > window.length) {
            int held = end - start;
            byte[] to = held + n > window.length ? new byte[Math.max(2 * (held + n), 1 << 16)] : window;
            System.arraycopy(window, start, to, 0, held);
            window = to;
            start = 0;
            end = held;
        }
        view.get(view.position(), window, end, n);
        end += n;
    }

    /**
     * The next whole record, without its terminator; {@code null} until one has arrived. Once the
     * input has ended ({@code atEnd}), the rest is the last record, or {@code null} when nothing is left.
     * The record is a buffer over the window: read it before the next {@link #feed}.
     *
     * @throws RecordTooLongException when a record grows past the limit
     */
    ByteBuffer next(boolean atEnd) throws RecordTooLongException {
        int recordEnd = recordEnd();
        if (recordEnd < 0) {
            if (!atEnd || start == end) {
                return null;
            }
            recordEnd = end;
        }
        int to = recordEnd;
        if (to > start && window[to - 1] == '\r') {
            to--;
        }
        ByteBuffer record = ByteBuffer.wrap(window, start, to - start);
        start = Math.min(recordEnd + 1, end); // past the \n, if any
        scanned = 0;
        inQuotes = false;
        return record;
    }

    /** Index in the window of the {@code \n} ending the first record, or -1 while it has not arrived. */
    private int recordEnd() throws RecordTooLongException {
        byte[] b = window;
        int i = start + scanned;
        while (i < end) {
            if (inQuotes) {
                if (b[i] == '"') {
                    if (i + 1 == end) {
                        return notYet(i); // closing, or the first of a doubled "": the next byte tells
                    }
                    if (b[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                }
                i++;
                continue;
            }
            // outside quotes only a \n or a " matters: skip eight bytes at a time that hold neither
            // (x - ONES) & ~x & HIGHS marks the lowest zero byte of x exactly, never one below it
            while (i <= end - Long.BYTES) {
                long word = (long) WORDS.get(b, i);
                long n = word ^ NEWLINES;
                long q = word ^ QUOTES;
                long found = (((n - ONES) & ~n) | ((q - ONES) & ~q)) & HIGHS;
                if (found != 0) {
                    i += Long.numberOfTrailingZeros(found) >>> 3;
                    break;
                }
                i += Long.BYTES;
            }
            if (i >= end) {
                break;
            }
            byte c = b[i];
            if (c == '\n') {
                if (i - start > maxRecordBytes) {
                    throw new RecordTooLongException(maxRecordBytes);
                }
                return i;
            }
            if (c == '"') {
                // Only a quote that starts a field opens one; a stray quote inside a plain field
                // is data (the parser rejects the record) and must not swallow the lines after it.
                inQuotes = i == start || b[i - 1] == ',';
            }
            i++;
        }
        return notYet(end);
    }

    /** Remembers that the bytes before {@code scannedTo} hold no record end; fails past the limit. */
    private int notYet(int scannedTo) throws RecordTooLongException {
        scanned = scannedTo - start;
        if (end - start > maxRecordBytes) {
            throw new RecordTooLongException(maxRecordBytes);
        }
        return -1;
    }

    /** A record longer than the limit: most often a quote that is never closed. */
    static final class RecordTooLongException extends Exception {
        private static final long serialVersionUID = 1L;

        RecordTooLongException(int limit) {
            super("a record is longer than " + limit + " bytes (is a quote never closed?)");
        }
    }
}
