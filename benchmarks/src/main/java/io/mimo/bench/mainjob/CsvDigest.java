package io.mimo.bench.mainjob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What two CSV outputs must share to count as the same result when their writers order rows and
 * quote fields each their own way: the header record, the number of records, and two 64-bit sums
 * of per-record hashes (a sum does not depend on the order). Records are read as RFC 4180 says, so
 * {@code a,"b"} and {@code a,b} are the same record; {@code \r\n} and {@code \n} end records alike.
 *
 * @param header the first record's hash, or 0 for an empty file
 * @param records the records after the header
 * @param sum the sum of the records' first hashes
 * @param sum2 the sum of the records' second hashes
 */
record CsvDigest(long header, long records, long sum, long sum2) {

    static CsvDigest of(Path file) throws IOException {
        Digester d = new Digester();
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                for (int i = 0; i < n; i++) {
                    d.accept(buffer[i]);
                }
            }
        }
        d.finish();
        return new CsvDigest(d.header, d.records, d.sum, d.sum2);
    }

    /** A byte-at-a-time RFC 4180 reader that hashes fields instead of keeping them. */
    private static final class Digester {
        private static final long FNV_OFFSET = 0xcbf29ce484222325L;
        private static final long FNV_PRIME = 0x100000001b3L;
        /** Ends a field in the hash: a value no byte has, so "a,b" and "ab" differ. */
        private static final int FIELD_END = 0x1FF;

        long header;
        boolean seenHeader;
        long records;
        long sum;
        long sum2;

        private long h = FNV_OFFSET;
        private long g = 7;
        private boolean inRecord;
        private boolean atFieldStart = true;
        private boolean quoted;
        private boolean quoteSeen;
        private boolean pendingCr;

        void accept(byte b) {
            if (quoted) {
                if (quoteSeen) {
                    quoteSeen = false;
                    if (b == '"') {
                        add(b);
                        return;
                    }
                    quoted = false; // the quote closed the field; b is read as outside quotes
                } else if (b == '"') {
                    quoteSeen = true;
                    return;
                } else {
                    add(b);
                    return;
                }
            }
            if (pendingCr) {
                pendingCr = false;
                if (b != '\n') {
                    add((byte) '\r');
                }
            }
            if (b == '\r') {
                pendingCr = true;
                inRecord = true;
            } else if (b == ',') {
                endField();
                inRecord = true;
            } else if (b == '\n') {
                endRecord();
            } else if (b == '"' && atFieldStart) {
                quoted = true;
                atFieldStart = false;
                inRecord = true;
            } else {
                add(b);
            }
        }

        void finish() {
            if (inRecord || quoted) {
                endRecord();
            }
        }

        private void add(byte b) {
            h = (h ^ (b & 0xFF)) * FNV_PRIME;
            g = g * 31 + (b & 0xFF);
            atFieldStart = false;
            inRecord = true;
        }

        private void endField() {
            h = (h ^ FIELD_END) * FNV_PRIME;
            g = g * 31 + FIELD_END;
            atFieldStart = true;
        }

        private void endRecord() {
            endField();
            quoted = false;
            quoteSeen = false;
            if (!seenHeader) {
                seenHeader = true;
                header = mix(h);
            } else {
                records++;
                sum += mix(h);
                sum2 += mix(g ^ 0x9e3779b97f4a7c15L);
            }
            h = FNV_OFFSET;
            g = 7;
            inRecord = false;
        }

        /** The finalizer of SplitMix64: spreads every input bit over the whole value. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }
    }
}
