package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.testutils.DeeplyEqualsChecker;
import org.junit.jupiter.api.Test;

/**
 * {@link RowBatchSerializer}: Flink's contract for serializers (the inherited tests), and a batch read
 * back or copied holds the same rows, from arrays no longer than its rows need.
 */
class RowBatchSerializerTest extends SerializerTestBase<RowBatch> {

    RowBatchSerializerTest() {
        super(new DeeplyEqualsChecker().withCustomCheck((a, b) -> a instanceof RowBatch, (a, b, checker) -> {
            assertSameRows((RowBatch) a, (RowBatch) b);
            return true;
        }));
    }

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static RowBatch header() {
        RowBatch batch = new RowBatch(3, 100);
        batch.add(bytes("id,name,\"city, country\""), 0);
        return batch;
    }

    /** Rows of every kind: read the fast way, quoted fields kept or unquoted, non-ASCII, parsed the slow way. */
    private static RowBatch mixed() {
        RowBatch batch = new RowBatch(3, 100);
        assertEquals(0, batch.add(bytes("1,plain,\"no need\""), 0));
        assertEquals(1, batch.add(bytes("2,\"a, b\",\"two\nlines\""), 0));
        assertEquals(0, batch.add(bytes("Zürich,São Paulo,😀"), 0));
        batch.addFields(List.of("4", "say \"hi\"", "Ωmega"), 0);
        return batch;
    }

    /** As many rows as a batch holds. */
    private static RowBatch full() {
        RowBatch batch = new RowBatch(2, 100);
        for (int row = 0; row < RowBatch.MAX_ROWS; row++) {
            assertTrue(batch.hasRoom(20));
            batch.add(bytes(String.format("k%05d,value %d", row, row)), 0);
        }
        assertFalse(batch.hasRoom(20));
        return batch;
    }

    /** One record larger than a batch's usual bytes. */
    private static RowBatch large() {
        RowBatch batch = new RowBatch(2, 100_000);
        batch.add(bytes("big," + "é".repeat(50_000)), 0);
        assertTrue(batch.bytes().length > RowBatch.BYTES);
        return batch;
    }

    private static RowBatch empty() {
        return new RowBatch(4, 100);
    }

    @Override
    protected TypeSerializer<RowBatch> createSerializer() {
        return RowBatchSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<RowBatch> getTypeClass() {
        return RowBatch.class;
    }

    @Override
    protected RowBatch[] getTestData() {
        return new RowBatch[] {empty(), header(), mixed(), full(), large()};
    }

    /** The used parts of the arrays of two batches are equal, and they read the same. */
    static void assertSameRows(RowBatch expected, RowBatch actual) {
        assertEquals(expected.columns(), actual.columns(), "columns");
        assertEquals(expected.rows(), actual.rows(), "rows");
        int rows = expected.rows();
        int fields = 2 * expected.columns() * rows;
        assertArrayEquals(
                Arrays.copyOf(expected.bytes(), expected.size()), Arrays.copyOf(actual.bytes(), actual.size()));
        assertArrayEquals(Arrays.copyOf(expected.fields(), fields), Arrays.copyOf(actual.fields(), fields));
        assertArrayEquals(Arrays.copyOf(expected.keys(), 2 * rows), Arrays.copyOf(actual.keys(), 2 * rows));
        assertArrayEquals(Arrays.copyOf(expected.contiguous(), rows), Arrays.copyOf(actual.contiguous(), rows));
        for (int row = 0; row < rows; row++) {
            assertEquals(expected.texts(row), actual.texts(row));
            assertEquals(expected.key(row), actual.key(row));
            assertTrue(expected.sameKey(row, actual, row));
        }
    }

    /** What {@code serializer} writes for {@code item}. */
    static <T> byte[] serialized(TypeSerializer<T> serializer, T item) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(item, out);
        return out.getCopyOfBuffer();
    }

    /** The item {@code serializer} reads from {@code serialized}, all of it. */
    static <T> T readBack(TypeSerializer<T> serializer, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        T item = serializer.deserialize(in);
        assertEquals(0, in.available(), "bytes left unread");
        return item;
    }

    private static byte[] serialized(RowBatch batch) throws IOException {
        return serialized(RowBatchSerializer.INSTANCE, batch);
    }

    private static RowBatch readBack(byte[] serialized) throws IOException {
        return readBack(RowBatchSerializer.INSTANCE, serialized);
    }

    @Test
    void aBatchReadBackHoldsTheSameRowsInArraysJustLargeEnough() throws IOException {
        for (RowBatch batch : getTestData()) {
            RowBatch back = readBack(serialized(batch));
            assertSameRows(batch, back);
            int rows = batch.rows();
            assertEquals(back.size(), back.bytes().length);
            assertEquals(2 * batch.columns() * rows, back.fields().length);
            assertEquals(2 * rows, back.keys().length);
            assertEquals(rows, back.contiguous().length);
        }
    }

    @Test
    void onlyTheUsedPartOfABatchIsWritten() throws IOException {
        RowBatch header = header();
        // columns, rows and byte count; the bytes; two ints a field and a key; a byte a row
        assertEquals(3 * Integer.BYTES + header.size() + Integer.BYTES * (2 * 3 + 2) + 1, serialized(header).length);
        assertEquals(3 * Integer.BYTES, serialized(empty()).length);
    }

    @Test
    void aCopySharesNoArrayWithItsOriginal() {
        RowBatch batch = mixed();
        RowBatch copy = RowBatchSerializer.INSTANCE.copy(batch);
        assertSameRows(batch, copy);
        assertNotSame(batch.bytes(), copy.bytes());
        assertNotSame(batch.fields(), copy.fields());
        assertNotSame(batch.keys(), copy.keys());
        assertNotSame(batch.contiguous(), copy.contiguous());
    }

    @Test
    void aBatchReadBackHasNoRoomForAnotherRow() throws IOException {
        assertFalse(readBack(serialized(mixed())).hasRoom(0));
        assertFalse(readBack(serialized(empty())).hasRoom(0));
        assertFalse(RowBatchSerializer.INSTANCE.createInstance().hasRoom(0));
    }

    @Test
    void bytesThatAreNoBatchFailNamingWhatWasRead() {
        byte[] notABatch = {0, 0, 0, 3, 0x7f, 0, 0, 0, 0, 0, 0, 0};
        IOException e = assertThrows(IOException.class, () -> readBack(notABatch));
        assertTrue(e.getMessage().contains("a row batch's row count is 2130706432"), e.getMessage());
    }

    @Test
    void flinkFindsTheSerializerThroughTheTypeInfoAnnotation() {
        TypeInformation<RowBatch> type = TypeInformation.of(RowBatch.class);
        assertSame(RowBatchSerializer.INSTANCE, type.createSerializer(null));
        assertEquals("RowBatch (RowBatchSerializer)", type.toString());
    }
}
