package io.mimo.samples.join;

import io.mimo.runtime.bytes.ByteStream;
import java.nio.ByteBuffer;

/**
 * Cuts CSV bytes into records as they arrive, without copying a record that lies inside one view.
 *
 * <p>A record ends at a {@code \n} outside quotes (a {@code \r} before it is dropped), so a quoted
 * field may hold line breaks. Only a quote at the start of a field opens quotes: a stray one inside a
 * plain field leaves the record to the parser to reject, and does not swallow the lines after it. The bytes scanned so far are remembered, so each byte is looked at
 * once however the input is split into views.
 */
final class CsvRecords {
    private final ByteStream pending = new ByteStream();
    private final int maxRecordBytes;
    /** How many head bytes of {@code pending} were scanned without finding the record's end. */
    private long scanned;
    /** Whether the scan stopped inside a quoted field. */
    private boolean inQuotes;

    /** @param maxRecordBytes the longest record accepted: a longer one is an error, not unbounded memory */
    CsvRecords(int maxRecordBytes) {
        this.maxRecordBytes = maxRecordBytes;
    }

    /** Adds the next bytes of the input (ownership passes, no copy). */
    void feed(ByteBuffer view) {
        pending.writeView(view);
    }

    /**
     * The next whole record, without its terminator; {@code null} until one has arrived. Once the
     * input has ended ({@code atEnd}), the rest is the last record, or {@code null} when nothing is left.
     *
     * @throws RecordTooLongException when a record grows past the limit
     */
    ByteBuffer next(boolean atEnd) throws RecordTooLongException {
        long end = recordEnd();
        if (end < 0) {
            if (!atEnd || pending.isEmpty()) {
                return null;
            }
            end = pending.byteCount();
        }
        ByteBuffer record = pending.read((int) end);
        pending.skip(1); // the \n, if any
        scanned = 0;
        inQuotes = false;
        int limit = record.limit();
        if (limit > record.position() && record.get(limit - 1) == '\r') {
            record.limit(limit - 1);
        }
        return record;
    }

    /** Index of the {@code \n} ending the first record, or -1 while it has not arrived. */
    private long recordEnd() throws RecordTooLongException {
        long available = pending.byteCount();
        long pos = scanned;
        while (true) {
            if (inQuotes) {
                long quote = pending.indexOf((byte) '"', pos, available);
                if (quote < 0) {
                    return notYet(available, available);
                }
                if (quote + 1 == available) {
                    return notYet(quote, available); // closing, or the first of a doubled "": the next byte tells
                }
                if (pending.getByte(quote + 1) == '"') {
                    pos = quote + 2;
                } else {
                    inQuotes = false;
                    pos = quote + 1;
                }
            } else {
                long newline = pending.indexOf((byte) '\n', pos, available);
                long quote = pending.indexOf((byte) '"', pos, newline < 0 ? available : newline);
                if (quote >= 0) {
                    // Only a quote that starts a field opens one; a stray quote inside a plain field
                    // is data (the parser rejects the record) and must not swallow the lines after it.
                    inQuotes = quote == 0 || pending.getByte(quote - 1) == ',';
                    pos = quote + 1;
                } else if (newline >= 0) {
                    if (newline > maxRecordBytes) {
                        throw new RecordTooLongException(maxRecordBytes);
                    }
                    return newline;
                } else {
                    return notYet(available, available);
                }
            }
        }
    }

    /** Remembers that the head bytes before {@code scannedTo} hold no record end; fails past the limit. */
    private long notYet(long scannedTo, long available) throws RecordTooLongException {
        scanned = scannedTo;
        if (available > maxRecordBytes) {
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
