package io.mimo.runtime.engine;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.bytes.BytePipe;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.util.Objects;

/**
 * The reading end of a byte input: exactly one {@link ByteInputPipe} (the workflow refuses a
 * byte input fed by several pipes). It is the {@link Blocker} its stream waits on while the pipe
 * has nothing new for it: each read makes one attempt on the pipe, and waits only when that found
 * nothing (or no whole line).
 */
final class ByteInputEnd implements ByteInput, Blocker {
    private final RunningStream reader;
    private final String name;
    /** Set once, while wiring. */
    private ByteInputPipe pipe;

    private BytePipe.Source source;

    ByteInputEnd(RunningStream reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    /** Set once, while wiring. */
    void readFrom(ByteInputPipe pipe) {
        this.pipe = pipe;
        this.source = pipe.source();
        pipe.readBy(this);
    }

    @Override
    public ByteBuffer readView() {
        while (true) {
            ByteBuffer view;
            try {
                view = source.tryReadView();
            } catch (IOException e) {
                throw unexpected(e);
            }
            if (view == null) {
                return atEnd(null);
            }
            if (view.hasRemaining()) {
                pipe.afterRead();
                return view;
            }
            reader.await(this);
        }
    }

    @Override
    public int read(ByteBuffer dst) {
        if (!dst.hasRemaining()) {
            return 0;
        }
        while (true) {
            int n;
            try {
                n = source.tryRead(dst);
            } catch (IOException e) {
                throw unexpected(e);
            }
            if (n < 0) {
                return atEnd(-1);
            }
            if (n > 0) {
                pipe.afterRead();
                return n;
            }
            reader.await(this);
        }
    }

    @Override
    public ByteBuffer readLine(int maxLength) {
        return readLine(maxLength, false);
    }

    @Override
    public ByteBuffer readLineWithTerminator(int maxLength) {
        return readLine(maxLength, true);
    }

    private ByteBuffer readLine(int maxLength, boolean withTerminator) {
        while (true) {
            ByteBuffer line;
            try {
                line = withTerminator ? source.tryReadLineWithTerminator(maxLength) : source.tryReadLine(maxLength);
            } catch (IOException e) {
                throw unexpected(e);
            }
            // Also when no line came: the bytes of the line begun no longer count against the
            // capacity, so the writer may have room now.
            pipe.afterRead();
            if (line != null) {
                return line;
            }
            if (source.atEnd()) {
                return atEnd(null);
            }
            reader.await(this);
        }
    }

    /** The pipe has ended: but a workflow that is stopping may have closed it early, which is no end. */
    private <R> R atEnd(R end) {
        reader.checkNotStopping();
        return end;
    }

    private IllegalStateException unexpected(IOException e) {
        // The engine never fails a side of the pipe, and closes the reading side only once this
        // stream has ended: a read now comes from a thread that should not have this input.
        return new IllegalStateException(
                "byte input '" + name + "' was read after its stream '" + reader.name + "' ended: " + e.getMessage(),
                e);
    }

    @Override
    public InputStream asInputStream() {
        return new InputStream() {
            private final ByteBuffer one = ByteBuffer.allocate(1);
            private boolean closed;

            @Override
            public int read() throws IOException {
                checkOpen();
                one.clear();
                return ByteInputEnd.this.read(one) < 0 ? -1 : one.get(0) & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                checkOpen();
                return len == 0 ? 0 : ByteInputEnd.this.read(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public int available() throws IOException {
                checkOpen();
                return (int) Math.min(pipe.size(), Integer.MAX_VALUE);
            }

            @Override
            public long transferTo(OutputStream out) throws IOException {
                checkOpen();
                long total = 0;
                byte[] bounce = null;
                for (ByteBuffer view; (view = readView()) != null; ) {
                    total += view.remaining();
                    if (view.hasArray()) {
                        out.write(view.array(), view.arrayOffset() + view.position(), view.remaining());
                    } else {
                        if (bounce == null) {
                            bounce = new byte[8192];
                        }
                        while (view.hasRemaining()) {
                            int n = Math.min(bounce.length, view.remaining());
                            view.get(bounce, 0, n);
                            out.write(bounce, 0, n);
                        }
                    }
                }
                return total;
            }

            @Override
            public void close() {
                closed = true;
            }

            private void checkOpen() throws IOException {
                if (closed) {
                    throw new IOException("this InputStream of byte input '" + name
                            + "' was closed; the input itself stays readable (by readView, or a new asInputStream())");
                }
            }
        };
    }

    @Override
    public ReadableByteChannel asChannel() {
        return new ReadableByteChannel() {
            private boolean open = true;

            @Override
            public int read(ByteBuffer dst) throws IOException {
                if (!open) {
                    throw new ClosedChannelException();
                }
                return ByteInputEnd.this.read(dst);
            }

            @Override
            public boolean isOpen() {
                return open;
            }

            @Override
            public void close() {
                open = false;
            }
        };
    }

    /** Bytes read so far, for snapshots: what the pipe counts already. From another thread, about that. */
    long taken() {
        return pipe == null ? 0 : pipe.crossed();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean ready() {
        return source.ready() || pipe.closed();
    }

    @Override
    public String describeWait() {
        return "waits for bytes on '" + name + "'";
    }

    @Override
    public String toString() {
        return name;
    }
}
