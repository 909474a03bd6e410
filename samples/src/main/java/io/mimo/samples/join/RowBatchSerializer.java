package io.mimo.samples.join;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of a {@link RowBatch}: its rows as the parser left them, the used part of each
 * array only. A batch read back (or copied) holds arrays just large enough for its rows, so it has
 * no room for another: it is read, never added to, as a pushed batch is.
 *
 * <p>The format (version 1): the columns, rows and bytes in use as ints; the bytes; the fields'
 * from and to offsets (two ints a field, the rows one after the other); the keys' from and to; one
 * byte a row saying whether its fields lie one after the other.
 */
public final class RowBatchSerializer extends FlinkItemSerializer<RowBatch> {
    private static final long serialVersionUID = 1L;

    /** The format's version: raise it with every change to what {@link #serialize} writes. */
    static final int VERSION = 1;

    /** The only instance Flink needs: the serializer keeps no state. */
    static final RowBatchSerializer INSTANCE = new RowBatchSerializer();

    private RowBatchSerializer() {
        super(RowBatch.class, VERSION);
    }

    @Override
    public RowBatch createInstance() {
        return new RowBatch(1, 0, new byte[0], new int[0], new int[0], new boolean[0]);
    }

    @Override
    public RowBatch copy(RowBatch from) {
        int columns = from.columns();
        int rows = from.rows();
        return new RowBatch(
                columns,
                rows,
                Arrays.copyOf(from.bytes(), from.size()),
                Arrays.copyOf(from.fields(), 2 * columns * rows),
                Arrays.copyOf(from.keys(), 2 * rows),
                Arrays.copyOf(from.contiguous(), rows));
    }

    @Override
    public void serialize(RowBatch batch, DataOutputView target) throws IOException {
        int columns = batch.columns();
        int rows = batch.rows();
        target.writeInt(columns);
        target.writeInt(rows);
        target.writeInt(batch.size());
        target.write(batch.bytes(), 0, batch.size());
        writeInts(target, batch.fields(), 2 * columns * rows);
        writeInts(target, batch.keys(), 2 * rows);
        boolean[] contiguous = batch.contiguous();
        for (int row = 0; row < rows; row++) {
            target.writeBoolean(contiguous[row]);
        }
    }

    @Override
    public RowBatch deserialize(DataInputView source) throws IOException {
        int columns = readCount(source, "a row batch's column count", Integer.MAX_VALUE / (2 * RowBatch.MAX_ROWS));
        int rows = readCount(source, "a row batch's row count", RowBatch.MAX_ROWS);
        int size = readCount(source, "a row batch's byte count", Integer.MAX_VALUE);
        byte[] bytes = readBytes(source, size);
        int[] fields = readInts(source, 2 * columns * rows);
        int[] keys = readInts(source, 2 * rows);
        boolean[] contiguous = new boolean[rows];
        for (int row = 0; row < rows; row++) {
            contiguous[row] = source.readBoolean();
        }
        return new RowBatch(columns, rows, bytes, fields, keys, contiguous);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int columns = source.readInt();
        int rows = source.readInt();
        int size = source.readInt();
        target.writeInt(columns);
        target.writeInt(rows);
        target.writeInt(size);
        target.write(source, size + Integer.BYTES * (2 * columns * rows + 2 * rows) + rows);
    }
}
