package io.mimo.runtime.engine;

import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.bytes.ByteStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;

/**
 * The writing end of a byte output: hands each view to every live pipe, in pipe order, waiting for
 * room in each (the slowest reader sets the pace). Each pipe keeps a slice of its own, so readers
 * share the bytes but never one another's positions. Pipes into byte inputs are
 * {@link ByteInputPipe}s; pipes into item inputs are {@link ItemPipe}s, which get each view as
 * one item. A discarded output has no pipes and drops what it is given.
 *
 * <p>What {@link #asOutputStream()} and {@link #asChannel()} copy is gathered in {@link #pending}
 * (chunks this end owns) and handed over once {@value #BATCH} bytes are pending, on
 * {@link #flush()}, before the next {@link #write(ByteBuffer)} (so bytes keep their order), and
 * when the stream's body returns ({@link StreamEnds#flushByteOutputs()}).
 */
final class ByteOutputEnd implements ByteOutput {
    /** Bytes copied through the stream and channel views that are handed over at once. */
    static final int BATCH = 8192;

    private final RunningStream writer;
    private final String name;
    private final boolean discarded;
    private ByteInputPipe[] bytePipes = new ByteInputPipe[0];
    private ItemPipe[] itemPipes = new ItemPipe[0];
    /** Bytes copied from the caller and not yet handed over. */
    private final ByteStream pending = new ByteStream();

    private final OutputStream pendingChunks = pending.asOutputStream();
    /**
     * Bytes handed over to the pipes (or dropped, for a discarded output), for snapshots: a plain
     * field written by the writer's thread alone, once per view; read racily by snapshots, exactly
     * after the run.
     */
    private long written;

    ByteOutputEnd(RunningStream writer, String name, boolean discarded) {
        this.writer = writer;
        this.name = name;
        this.discarded = discarded;
    }

    /** Set once, while wiring. */
    void writeTo(ByteInputPipe[] bytePipes, ItemPipe[] itemPipes) {
        this.bytePipes = bytePipes;
        this.itemPipes = itemPipes;
    }

    @Override
    public void write(ByteBuffer view) {
        if (view == null) {
            throw new NullPointerException(
                    "stream '" + writer.name + "' wrote a null view to byte output '" + name + "'");
        }
        flush();
        deliver(view);
    }

    @Override
    public void flush() {
        while (!pending.isEmpty()) {
            deliver(pending.readView());
        }
    }

    private void deliver(ByteBuffer view) {
        if (!view.hasRemaining()) {
            return;
        }
        written += view.remaining();
        boolean delivered = false;
        for (ByteInputPipe pipe : bytePipes) {
            delivered |= pipe.write(view);
        }
        for (ItemPipe pipe : itemPipes) {
            delivered |= pipe.put(view.slice().order(view.order()));
        }
        if (!delivered) {
            dropped();
        }
    }

    /** No pipe took the view: it was discarded, or every reader of this output has ended. */
    private void dropped() {
        if (discarded) {
            writer.checkNotStopping();
        } else {
            writer.checkPipesAlive();
        }
    }

    /** Copies {@code src}'s remaining bytes into {@link #pending}, without moving its position. */
    private void copy(ByteBuffer src) {
        int n = src.remaining();
        if (n >= BATCH) {
            // Large: one exact copy, one view.
            flush();
            deliver(ByteBuffer.allocate(n).put(0, src, src.position(), n));
            return;
        }
        try {
            if (src.hasArray()) {
                pendingChunks.write(src.array(), src.arrayOffset() + src.position(), n);
            } else {
                byte[] bytes = new byte[n];
                src.get(src.position(), bytes);
                pendingChunks.write(bytes);
            }
        } catch (IOException e) {
            throw new AssertionError("a ByteStream's OutputStream does not throw", e);
        }
        flushIfBatched();
    }

    private void flushIfBatched() {
        if (pending.byteCount() >= BATCH) {
            flush();
        }
    }

    @Override
    public OutputStream asOutputStream() {
        return new OutputStream() {
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                checkOpen();
                pendingChunks.write(b);
                flushIfBatched();
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                checkOpen();
                copy(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public void flush() throws IOException {
                checkOpen();
                ByteOutputEnd.this.flush();
            }

            @Override
            public void close() {
                if (!closed) {
                    ByteOutputEnd.this.flush();
                    closed = true;
                }
            }

            private void checkOpen() throws IOException {
                if (closed) {
                    throw new IOException("this OutputStream of byte output '" + name
                            + "' was closed; the output itself stays open until its stream returns");
                }
            }
        };
    }

    @Override
    public WritableByteChannel asChannel() {
        return new WritableByteChannel() {
            private boolean open = true;

            @Override
            public int write(ByteBuffer src) throws IOException {
                if (!open) {
                    throw new ClosedChannelException();
                }
                int n = src.remaining();
                copy(src);
                src.position(src.position() + n);
                return n;
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                if (open) {
                    ByteOutputEnd.this.flush();
                    open = false;
                }
            }
        };
    }

    /** Bytes handed over so far; from another thread, about that. */
    long written() {
        return written;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
