package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvChunkSerializer}: Flink's contract for serializers (the inherited tests), a chunk read back
 * or copied holds the same text and row count in an array of just its text.
 */
class CsvChunkSerializerTest extends SerializerTestBase<CsvChunk> {

    CsvChunkSerializerTest() {
        super(new DeeplyEqualsChecker().withCustomCheck((a, b) -> a instanceof CsvChunk, (a, b, checker) -> {
            assertSameText((CsvChunk) a, (CsvChunk) b);
            return true;
        }));
    }

    /** The chunks {@link CsvChunks} pushes for {@code rows}, each ended as a counted row. */
    private static List<CsvChunk> chunks(String... rows) {
        List<CsvChunk> chunks = new ArrayList<>();
        CsvChunks out = RowBatchTest.chunks(chunks);
        for (String row : rows) {
            byte[] utf8 = row.getBytes(StandardCharsets.UTF_8);
            out.append(utf8, 0, utf8.length);
            out.endRow(true);
        }
        out.flush();
        return chunks;
    }

    /** A chunk as full as its array (the last byte used). */
    private static CsvChunk brimful() {
        byte[] text = "a,b\n".repeat(1024).getBytes(StandardCharsets.US_ASCII);
        return new CsvChunk(text, text.length, 1024);
    }

    /** The largest chunk: a row too long for a chunk's array, which grows to hold it. */
    private static CsvChunk largest() {
        List<CsvChunk> chunks = chunks("long," + "ü".repeat(100_000));
        assertEquals(1, chunks.size());
        return chunks.get(0);
    }

    /** A keyed chunk (a partition's join writes them): a header and two rows, keys "1" and "😀". */
    private static CsvChunk keyed() {
        byte[] text = "id,v\n1,a\n😀,b\n".getBytes(StandardCharsets.UTF_8);
        byte[] keys = "1😀".getBytes(StandardCharsets.UTF_8);
        return new CsvChunk(text, text.length, 2, new int[] {5, 9, text.length}, keys, new int[] {0, 1, keys.length});
    }

    @Override
    protected TypeSerializer<CsvChunk> createSerializer() {
        return CsvChunkSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<CsvChunk> getTypeClass() {
        return CsvChunk.class;
    }

    @Override
    protected CsvChunk[] getTestData() {
        return new CsvChunk[] {
            new CsvChunk(new byte[0], 0, 0),
            new CsvChunk(new byte[100], 0, 0),
            chunks("id,city", "1,Zürich", "2,\"São Paulo, 😀\"").get(0),
            brimful(),
            largest(),
            keyed()
        };
    }

    static void assertSameText(CsvChunk expected, CsvChunk actual) {
        assertEquals(expected.length(), actual.length(), "length");
        assertEquals(expected.rows(), actual.rows(), "rows");
        assertEquals(expected.text(), actual.text());
        assertArrayEquals(expected.lineEnds(), actual.lineEnds(), "line ends");
        assertArrayEquals(expected.keys(), actual.keys(), "keys");
        assertArrayEquals(expected.keyEnds(), actual.keyEnds(), "key ends");
    }

    private static byte[] serialized(CsvChunk chunk) throws IOException {
        return RowBatchSerializerTest.serialized(CsvChunkSerializer.INSTANCE, chunk);
    }

    private static CsvChunk readBack(byte[] serialized) throws IOException {
        return RowBatchSerializerTest.readBack(CsvChunkSerializer.INSTANCE, serialized);
    }

    @Test
    void aChunkReadBackHoldsTheSameTextInAnArrayOfJustItsText() throws IOException {
        for (CsvChunk chunk : getTestData()) {
            CsvChunk back = readBack(serialized(chunk));
            assertSameText(chunk, back);
            assertEquals(chunk.length(), back.bytes().length);
        }
        CsvChunk largest = largest();
        assertTrue(largest.length() > 200_000, "the row's text is in one chunk");
        assertEquals(
                "long," + "ü".repeat(100_000) + "\n",
                StandardCharsets.UTF_8
                        .decode(readBack(serialized(largest)).text())
                        .toString());
    }

    @Test
    void onlyTheUsedPartOfAChunkIsWritten() throws IOException {
        CsvChunk chunk = chunks("1,a").get(0);
        assertTrue(chunk.bytes().length > 64 * 1024);
        assertEquals(Integer.BYTES + Long.BYTES + "1,a\n".length() + Integer.BYTES, serialized(chunk).length);
    }

    @Test
    void aKeyedChunkReadBackKeepsItsLinesAndKeys() throws IOException {
        CsvChunk chunk = keyed();
        for (CsvChunk back : List.of(readBack(serialized(chunk)), CsvChunkSerializer.INSTANCE.copy(chunk))) {
            assertSameText(chunk, back);
            assertEquals(3, back.lines());
            assertTrue(back.compareKey(1, chunk, 2) < 0, "'1' before '😀'");
            assertEquals(0, back.compareKey(2, chunk, 2));
            assertNotSame(chunk.keys(), back.keys());
        }
    }

    @Test
    void aCopySharesNoArrayWithItsOriginal() {
        CsvChunk chunk = brimful();
        CsvChunk copy = CsvChunkSerializer.INSTANCE.copy(chunk);
        assertSameText(chunk, copy);
        assertNotSame(chunk.bytes(), copy.bytes());
        Arrays.fill(chunk.bytes(), (byte) 'x');
        assertArrayEquals("a,b\n".repeat(1024).getBytes(StandardCharsets.US_ASCII), copy.bytes());
    }

    @Test
    void bytesThatAreNoChunkFailNamingWhatWasRead() {
        byte[] notAChunk = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xfe, 0, 0, 0, 0, 0, 0, 0, 0};
        IOException e = assertThrows(IOException.class, () -> readBack(notAChunk));
        assertTrue(e.getMessage().contains("a CSV chunk's length is -2"), e.getMessage());
    }

    @Test
    void flinkFindsTheSerializerThroughTheTypeInfoAnnotation() {
        TypeInformation<CsvChunk> type = TypeInformation.of(CsvChunk.class);
        assertSame(CsvChunkSerializer.INSTANCE, type.createSerializer(null));
        assertEquals("CsvChunk (CsvChunkSerializer)", type.toString());
    }
}
