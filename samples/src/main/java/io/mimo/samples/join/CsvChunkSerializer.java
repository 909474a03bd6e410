package io.mimo.samples.join;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of a {@link CsvChunk}: its text (the used part of its array only) and its row
 * count. A chunk read back (or copied) holds an array of exactly its text.
 *
 * <p>The format (version 1): the text's length as an int, the row count as a long, the text. A field
 * added to the chunk goes after the text, in {@link #serialize}, {@link #deserialize} and {@link
 * #copy(DataInputView, DataOutputView)} alike, and raises {@link #VERSION}.
 */
public final class CsvChunkSerializer extends FlinkItemSerializer<CsvChunk> {
    private static final long serialVersionUID = 1L;

    /** The format's version: raise it with every change to what {@link #serialize} writes. */
    private static final int VERSION = 1;

    /** The only instance Flink needs: the serializer keeps no state. */
    static final CsvChunkSerializer INSTANCE = new CsvChunkSerializer();

    private CsvChunkSerializer() {
        super(CsvChunk.class, VERSION);
    }

    @Override
    public CsvChunk createInstance() {
        return new CsvChunk(new byte[0], 0, 0);
    }

    @Override
    public CsvChunk copy(CsvChunk from) {
        return new CsvChunk(Arrays.copyOf(from.bytes(), from.length()), from.length(), from.rows());
    }

    @Override
    public void serialize(CsvChunk chunk, DataOutputView target) throws IOException {
        target.writeInt(chunk.length());
        target.writeLong(chunk.rows());
        target.write(chunk.bytes(), 0, chunk.length());
    }

    @Override
    public CsvChunk deserialize(DataInputView source) throws IOException {
        int length = readCount(source, "a CSV chunk's length", Integer.MAX_VALUE);
        long rows = source.readLong();
        return new CsvChunk(readBytes(source, length), length, rows);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.writeLong(source.readLong());
        target.write(source, length);
    }
}
