package io.mimo.samples.join;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Flink's serializer of a {@link CsvChunk}: its text (the used part of its array only), its row
 * count and, for a keyed chunk, its lines' ends and keys. A chunk read back (or copied) holds an
 * array of exactly its text.
 *
 * <p>The format (version 2): the text's length as an int, the row count as a long, the text; then
 * the number of lines as an int, -1 for a chunk that is not keyed, and for a keyed one the lines'
 * ends, the keys' total length as an int, the keys and the keys' ends. A field
 * added to the chunk goes after the text, in {@link #serialize}, {@link #deserialize} and {@link
 * #copy(DataInputView, DataOutputView)} alike, and raises {@link #VERSION}.
 */
public final class CsvChunkSerializer extends FlinkItemSerializer<CsvChunk> {
    private static final long serialVersionUID = 1L;

    /** The format's version: raise it with every change to what {@link #serialize} writes. */
    static final int VERSION = 2;

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
        byte[] text = Arrays.copyOf(from.bytes(), from.length());
        return from.lineEnds() == null
                ? new CsvChunk(text, from.length(), from.rows())
                : new CsvChunk(
                        text,
                        from.length(),
                        from.rows(),
                        from.lineEnds().clone(),
                        from.keys().clone(),
                        from.keyEnds().clone());
    }

    @Override
    public void serialize(CsvChunk chunk, DataOutputView target) throws IOException {
        target.writeInt(chunk.length());
        target.writeLong(chunk.rows());
        target.write(chunk.bytes(), 0, chunk.length());
        int[] lineEnds = chunk.lineEnds();
        if (lineEnds == null) {
            target.writeInt(-1);
            return;
        }
        target.writeInt(lineEnds.length);
        writeInts(target, lineEnds, lineEnds.length);
        target.writeInt(chunk.keys().length);
        target.write(chunk.keys());
        writeInts(target, chunk.keyEnds(), lineEnds.length);
    }

    @Override
    public CsvChunk deserialize(DataInputView source) throws IOException {
        int length = readCount(source, "a CSV chunk's length", Integer.MAX_VALUE);
        long rows = source.readLong();
        byte[] text = readBytes(source, length);
        int lines = source.readInt();
        if (lines == -1) {
            return new CsvChunk(text, length, rows);
        }
        if (lines < 0) {
            throw new IOException("a keyed CSV chunk's line count is " + lines + ": the data is not a chunk's");
        }
        int[] lineEnds = readInts(source, lines);
        byte[] keys = readBytes(source, readCount(source, "a keyed CSV chunk's key bytes", Integer.MAX_VALUE));
        return new CsvChunk(text, length, rows, lineEnds, keys, readInts(source, lines));
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        int length = source.readInt();
        target.writeInt(length);
        target.writeLong(source.readLong());
        target.write(source, length);
        int lines = source.readInt();
        target.writeInt(lines);
        if (lines > 0) {
            target.write(source, 4 * lines);
            int keyBytes = source.readInt();
            target.writeInt(keyBytes);
            target.write(source, keyBytes + 4 * lines);
        }
    }
}
