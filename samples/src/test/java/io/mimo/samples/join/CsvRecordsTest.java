package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mimo.samples.join.CsvRecords.RecordTooLongException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {
    private static final String TEXT = "id,name\r\n1,\"Smith, Jane\"\r\n2,\"two\nlines, \"\"quoted\"\"\"\n\n3,last";
    private static final List<String> RECORDS =
            List.of("id,name", "1,\"Smith, Jane\"", "2,\"two\nlines, \"\"quoted\"\"\"", "", "3,last");

    /** Feeds {@code text} in pieces of {@code piece} bytes and collects every record. */
    private static List<String> records(String text, int piece, int maxRecord) throws RecordTooLongException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        CsvRecords records = new CsvRecords(maxRecord);
        List<String> out = new ArrayList<>();
        for (int at = 0; at < bytes.length; at += piece) {
            records.feed(ByteBuffer.wrap(bytes, at, Math.min(piece, bytes.length - at)));
            for (ByteBuffer r; (r = records.next(false)) != null; ) {
                out.add(StandardCharsets.UTF_8.decode(r).toString());
            }
        }
        for (ByteBuffer r; (r = records.next(true)) != null; ) {
            out.add(StandardCharsets.UTF_8.decode(r).toString());
        }
        return out;
    }

    @Test
    void recordsEndAtNewlinesOutsideQuotesHoweverTheBytesAreSplit() throws Exception {
        for (int piece = 1; piece <= TEXT.length(); piece++) {
            assertEquals(RECORDS, records(TEXT, piece, 1000), "split into pieces of " + piece);
        }
    }

    @Test
    void aRecordIsReadableUntilTheNextFeedAndTheFedViewIsNotMoved() throws Exception {
        ByteBuffer view = ByteBuffer.wrap("a,b\nc,d\n".getBytes(StandardCharsets.US_ASCII));
        CsvRecords records = new CsvRecords(100);
        records.feed(view);
        assertEquals(0, view.position());
        ByteBuffer first = records.next(false);
        ByteBuffer second = records.next(false);
        assertEquals("a,b", StandardCharsets.US_ASCII.decode(first).toString());
        assertEquals("c,d", StandardCharsets.US_ASCII.decode(second).toString());
    }

    @Test
    void nothingIsReturnedUntilARecordIsWholeOrTheInputEnds() throws Exception {
        CsvRecords records = new CsvRecords(100);
        records.feed(ByteBuffer.wrap("a,\"b\n".getBytes(StandardCharsets.US_ASCII)));
        assertNull(records.next(false));
        assertEquals(
                "a,\"b\n", StandardCharsets.US_ASCII.decode(records.next(true)).toString());
        assertNull(records.next(true));
    }

    @Test
    void aRecordLongerThanTheLimitIsAnErrorNotUnboundedMemory() {
        String unclosed = "1,\"never closed\n" + "x".repeat(200) + "\n";
        var e = assertThrows(RecordTooLongException.class, () -> records(unclosed, 16, 64));
        assertEquals("a record is longer than 64 bytes (is a quote never closed?)", e.getMessage());
    }

    @Test
    void aStrayQuoteInsideAPlainFieldDoesNotSwallowTheLinesAfterIt() throws Exception {
        assertEquals(
                List.of("1,Bad\"Quote,x", "2,\"fine\",y", "3,z"),
                records("1,Bad\"Quote,x\n2,\"fine\",y\n3,z\n", 5, 100));
    }
}
