package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.Output;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RowBatchTest {

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The batch's rows as the CSV text it writes. */
    private static String written(RowBatch batch) {
        List<CsvChunk> chunks = new ArrayList<>();
        CsvChunks out = chunks(chunks);
        for (int row = 0; row < batch.rows(); row++) {
            batch.appendRow(row, out);
            out.endRow(true);
        }
        out.flush();
        return text(chunks);
    }

    private static String text(List<CsvChunk> chunks) {
        StringBuilder text = new StringBuilder();
        chunks.forEach(c -> text.append(StandardCharsets.UTF_8.decode(c.text())));
        return text.toString();
    }

    /** Chunks pushed into {@code chunks}. */
    static CsvChunks chunks(List<CsvChunk> chunks) {
        return chunks(chunks, false);
    }

    /** Chunks pushed into {@code chunks}, {@code keyed} or not. */
    static CsvChunks chunks(List<CsvChunk> chunks, boolean keyed) {
        return new CsvChunks(
                new Output<>() {
                    @Override
                    public void push(CsvChunk chunk) {
                        chunks.add(chunk);
                    }

                    @Override
                    public boolean offer(CsvChunk chunk) {
                        return chunks.add(chunk);
                    }

                    @Override
                    public String name() {
                        return "test.chunks";
                    }
                },
                keyed);
    }

    @Test
    void keyedChunksKnowEachLinesKeyAndRefuseARowWithoutOne() {
        RowBatch batch = new RowBatch(2, 100);
        batch.add(bytes("b,1"), 0);
        batch.add(bytes("a,2"), 0);
        List<CsvChunk> pushed = new ArrayList<>();
        CsvChunks out = chunks(pushed, true);
        out.header(List.of("k", "v"));
        for (int row = 0; row < 2; row++) {
            batch.appendRow(row, out);
            out.endRow(batch, row);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> out.endRow(true));
        assertTrue(e.getMessage().contains("needs its key"), e.getMessage());
        out.flush();

        CsvChunk chunk = pushed.get(0);
        assertEquals("k,v\nb,1\na,2\n", text(pushed));
        assertEquals(3, chunk.lines());
        assertEquals(2, chunk.rows());
        assertTrue(chunk.compareKey(2, chunk, 1) < 0, "the key of 'a,2' comes before the key of 'b,1'");
    }

    @Test
    void fieldsAreWrittenAsTheyWereReadQuotedOnlyWhereNeeded() {
        RowBatch batch = new RowBatch(4, 100);
        assertEquals(0, batch.add(bytes("1,plain,\"no need\",\"\""), 0));
        assertEquals(1, batch.add(bytes("2,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\""), 0));
        assertEquals(0, batch.add(bytes("3,Zürich,\"São Paulo\",😀"), 0));
        assertEquals(
                "1,plain,no need,\n2,\"a, b\",\"say \"\"hi\"\"\",\"two\nlines\"\n3,Zürich,São Paulo,😀\n",
                written(batch));
    }

    @Test
    void theFieldsOtherThanTheKeyAreWrittenAfterACommaWhereverTheKeyIs() {
        RowBatch batch = new RowBatch(3, 100);
        batch.add(bytes("a,\"b, c\",d"), 0); // fields one after the other: copied as runs
        batch.add(bytes("a,\"b\",d"), 0); // a quoted field that loses its quotes: field by field
        batch.addFields(List.of("a", "b\"", "d"), 0);
        for (int skip = 0; skip < 3; skip++) {
            List<CsvChunk> chunks = new ArrayList<>();
            CsvChunks out = chunks(chunks);
            for (int row = 0; row < 3; row++) {
                batch.appendOthers(row, skip, out);
                out.endRow(true);
            }
            out.flush();
            String expected = List.of(
                            ",\"b, c\",d\n,b,d\n,\"b\"\"\",d\n",
                            ",a,d\n,a,d\n,a,d\n",
                            ",a,\"b, c\"\n,a,b\n,a,\"b\"\"\"\n")
                    .get(skip);
            assertEquals(expected, text(chunks), "without field " + skip);
        }
    }

    @Test
    void recordsTheFastWayCannotTakeAreLeftForTheSlowWayUntouched() {
        RowBatch batch = new RowBatch(2, 100);
        for (String record : List.of(
                "1", // too few fields
                "1,2,3", // too many
                "1,\"open", // not closed
                "1,\"x\"y", // text after the closing quote
                "1,a\"b", // a stray quote
                "1,a\rb", // a carriage return that needs quoting on output
                "\"1,1\",x")) { // a key whose value differs from its output form
            assertEquals(-1, batch.add(bytes(record), 0), record);
        }
        byte[] badUtf8 = {'1', ',', (byte) 0xC3, (byte) 0x28};
        assertEquals(-1, batch.add(ByteBuffer.wrap(badUtf8), 0));
        // the same deep inside long fields, which are scanned eight bytes at a time
        String longPlain = "1,abcdefghijklmnopqrstuvwxyz";
        assertEquals(-1, batch.add(bytes(longPlain + "\"abcdefghijklmnop"), 0));
        assertEquals(-1, batch.add(bytes(longPlain + "\rabcdefghijklmnop"), 0));
        assertEquals(-1, batch.add(bytes(longPlain + ",abcdefghijklmnop"), 0));
        byte[] badDeep = (longPlain + "xxxxxxxxxxxx").getBytes(StandardCharsets.US_ASCII);
        badDeep[20] = (byte) 0xC3;
        assertEquals(-1, batch.add(ByteBuffer.wrap(badDeep), 0));
        assertEquals(0, batch.rows());
        assertEquals(0, batch.add(bytes("1,abcdefghijklmnopqrstuvwxyzäbcdefghijklmnop"), 0));
        assertEquals("1,abcdefghijklmnopqrstuvwxyzäbcdefghijklmnop\n", written(batch));
    }

    @Test
    void theSlowWayQuotesWhatNeedsItAndKeepsTheKeysValue() {
        RowBatch batch = new RowBatch(2, 100);
        batch.addFields(List.of("1,1", "a\rb"), 0);
        batch.addFields(List.of("1,2", "x"), 0);
        assertEquals("\"1,1\",\"a\rb\"\n\"1,2\",x\n", written(batch));
        assertEquals("1,1", batch.key(0));
        assertTrue(batch.compareKey(0, batch, 1) < 0);
    }

    @Test
    void keysCompareAsUtf8BytesThatIsByCodePointNotAsJavaStrings() {
        // U+FB01 (three UTF-8 bytes) comes before U+1F600 (four) by code point, but after it as a
        // Java String, whose surrogate pair starts with U+D83D < U+FB01
        String ligature = "\uFB01";
        String emoji = "😀";
        assertTrue(ligature.compareTo(emoji) > 0);
        RowBatch batch = new RowBatch(1, 100);
        batch.add(bytes(ligature), 0);
        batch.add(bytes(emoji), 0);
        assertTrue(batch.compareKey(0, batch, 1) < 0);
        assertTrue(batch.compareKey(1, batch, 0) > 0);
        assertTrue(batch.sameKey(1, batch, 1));
    }
}
