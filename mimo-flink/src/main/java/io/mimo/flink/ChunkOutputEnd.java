package io.mimo.flink;

import io.mimo.runtime.ByteOutput;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;
import java.util.Objects;

/**
 * The writing end of a byte output on Flink: bytes cross a Flink edge as {@code byte[]} chunks,
 * so a written view is copied into one chunk (records are serialized anyway: there is no zero copy
 * between tasks), and the stream and channel views gather their bytes into 8 KiB chunks, as the
 * local runtime's do. {@link #flush()} hands over what they hold; the runner flushes at the end of
 * the step, so nothing written is lost.
 */
final class ChunkOutputEnd implements ByteOutput {
    /** The size of the chunks the stream and channel views fill, as the local runtime's. */
    static final int CHUNK = 8192;

    private final String stream;
    private final String name;
    private final int index;
    private final Emitter emitter;
    private byte[] pending = new byte[CHUNK];
    private int pendingLength;

    ChunkOutputEnd(String stream, String name, int index, Emitter emitter) {
        this.stream = stream;
        this.name = name;
        this.index = index;
        this.emitter = emitter;
    }

    /** The remaining bytes of {@code view}, copied; its position does not move. */
    static byte[] copy(ByteBuffer view) {
        byte[] bytes = new byte[view.remaining()];
        view.duplicate().get(bytes);
        return bytes;
    }

    @Override
    public void write(ByteBuffer view) {
        if (view == null) {
            throw new NullPointerException(
                    "stream '" + stream + "' wrote null to output '" + name + "': write a buffer");
        }
        flush();
        if (view.hasRemaining()) {
            emitter.emit(index, copy(view));
        }
    }

    @Override
    public void flush() {
        if (pendingLength > 0) {
            byte[] chunk = Arrays.copyOf(pending, pendingLength);
            pendingLength = 0;
            emitter.emit(index, chunk);
        }
    }

    /** Copies {@code length} bytes of {@code bytes} from {@code offset} into the pending chunk, handing full ones over. */
    private void append(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length >= CHUNK) { // as locally: a large write is one chunk of its own
            flush();
            emitter.emit(index, Arrays.copyOfRange(bytes, offset, offset + length));
            return;
        }
        while (length > 0) {
            int n = Math.min(length, CHUNK - pendingLength);
            System.arraycopy(bytes, offset, pending, pendingLength, n);
            pendingLength += n;
            offset += n;
            length -= n;
            if (pendingLength == CHUNK) {
                emitter.emit(index, pending);
                pending = new byte[CHUNK];
                pendingLength = 0;
            }
        }
    }

    @Override
    public OutputStream asOutputStream() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                append(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                append(b, off, len);
            }

            @Override
            public void flush() {
                ChunkOutputEnd.this.flush();
            }

            @Override
            public void close() {
                ChunkOutputEnd.this.flush();
            }
        };
    }

    @Override
    public WritableByteChannel asChannel() {
        return Channels.newChannel(asOutputStream());
    }

    @Override
    public String name() {
        return name;
    }
}
