package io.mimo.runtime.bytes;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded, thread-safe pipe of bytes between threads, built on a {@link ByteStream}: views go in
 * at the {@link Sink} and come out of the {@link Source} without being copied, and the writer
 * blocks while the pipe is full, the reader while it is empty.
 *
 * <h2>Capacity</h2>
 * {@link Sink#write(ByteBuffer)} waits while the pipe holds {@code capacity} bytes or more, then
 * takes the whole view, however large: a view bigger than the capacity is accepted as soon as the
 * pipe holds less than the capacity (splitting it would not save memory, it is all in memory
 * already; refusing it would deadlock). So the pipe holds at most {@code capacity - 1} bytes plus
 * the last view written; while {@link Source#readLine(int)} waits for the rest of a line, the start
 * of that line (at most its {@code maxLength + 1} bytes, plus one view) is not counted, so that
 * lines longer than the capacity still get through.
 *
 * <h2>End and failure</h2>
 * {@link Sink#close()} ends the stream: the reader gets what was written, then the end
 * ({@code null} or -1). {@link Sink#fail(Throwable)} fails it: the reader's next call, or the one
 * it is blocked in, throws an {@link IOException} whose cause is the failure, and bytes not yet
 * read are dropped (they would be an incomplete stream). The other way round,
 * {@link Source#fail(Throwable)} makes the writer's calls throw an {@code IOException} with that
 * cause, and {@link Source#close()} (the reader stops reading) makes them throw
 * {@link PipeClosedException}: a writer blocked on a full pipe is released either way, and never
 * writes into a pipe nobody reads. On each side the first of close and fail counts; later ones do
 * nothing. Using a side after it closed throws {@link PipeClosedException}.
 *
 * <h2>Threads</h2>
 * Any number of threads may write and read; each call is atomic, so a reader takes a view or a
 * line whole, and one writer's views arrive in the order written. A call that blocks responds to
 * {@link Thread#interrupt()} by throwing {@link InterruptedIOException}, with the thread's
 * interrupt status set again.
 *
 * <h2>Waiting in a way of one's own</h2>
 * Each blocking call has a try-operation that makes one attempt and never waits:
 * {@link Sink#tryWrite(ByteBuffer)}, {@link Source#tryReadView()}, {@link Source#tryRead(ByteBuffer)},
 * {@link Source#tryReadLine(int)}. The blocking calls are these same attempts made in a loop that
 * waits on the pipe's lock; a caller with its own scheduler (mimo's workflow engine is one) makes
 * them itself and, after an attempt that found no room or nothing to read, waits until
 * {@link Sink#ready()} or {@link Source#ready()} says that another may succeed. Every call takes
 * the pipe's lock, so a change made by one side is seen by the other's next call.
 */
public final class BytePipe {

    /** A side of the pipe, for messages. */
    private enum Side {
        WRITER,
        READER
    }

    /** An attempt's answer when it must wait and try again. */
    private static final Object NOT_READY = new Object();

    private final String name;
    /** Guarded by {@link #lock}; changed by {@link #setCapacity(long)}. */
    private long capacity;

    private final Sink sink = new Sink();
    private final Source source = new Source();

    // One lock guards every field below, and nothing reads them without it. Its unlock (by a
    // writer after it appended a view) and lock (by the reader that takes the view) are the
    // happens-before edge that makes the bytes the writer put in the view before write() visible
    // to the reader; so the views need no fences of their own and no field needs to be volatile.
    // A ReentrantLock rather than synchronized: on JDK 21 a virtual thread waiting in a
    // synchronized block pins its carrier thread, one waiting on a Condition does not.
    private final ReentrantLock lock = new ReentrantLock();
    /** Signalled when bytes arrive or a side ends: readers wait on it. */
    private final Condition readable = lock.newCondition();
    /** Signalled when bytes leave or a side ends: writers wait on it. */
    private final Condition writable = lock.newCondition();

    private final ByteStream buffer = new ByteStream();
    /** Head bytes of {@link #buffer} that a waiting readLine found to hold no {@code \n}; not counted against the capacity. */
    private long lineStart;

    private boolean writerClosed;
    private Throwable writerFailure;
    private boolean readerClosed;
    private Throwable readerFailure;

    /** A pipe holding about {@code capacity} bytes (see the class doc), named "byte pipe" in errors. */
    public BytePipe(long capacity) {
        this("byte pipe", capacity);
    }

    /**
     * A pipe holding about {@code capacity} bytes (see the class doc).
     *
     * @param name names the pipe in errors, such as the port it serves: {@code "parse.bytes"}
     */
    public BytePipe(String name, long capacity) {
        this.name = Objects.requireNonNull(name, "name");
        if (capacity <= 0) throw new IllegalArgumentException(name + ": capacity must be positive, was " + capacity);
        this.capacity = capacity;
    }

    /** The writing side. */
    public Sink sink() {
        return sink;
    }

    /** The reading side. */
    public Source source() {
        return source;
    }

    /** The name given at construction. */
    public String name() {
        return name;
    }

    /** The capacity in bytes: as given at construction, or as last {@link #setCapacity(long) set}. */
    public long capacity() {
        lock.lock();
        try {
            return capacity;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Changes the capacity, from any thread: a larger one lets waiting writers go on at once, a
     * smaller one makes later writes wait until the pipe holds less than it.
     *
     * @throws IllegalArgumentException if {@code capacity} is not positive
     */
    public void setCapacity(long capacity) {
        if (capacity <= 0) throw new IllegalArgumentException(name + ": capacity must be positive, was " + capacity);
        lock.lock();
        try {
            this.capacity = capacity;
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Bytes written and not yet read, at this instant. */
    public long byteCount() {
        lock.lock();
        try {
            return buffer.byteCount();
        } finally {
            lock.unlock();
        }
    }

    /** {@code BytePipe[parse.bytes, 120 of 65536 bytes]}. */
    @Override
    public String toString() {
        lock.lock();
        try {
            return "BytePipe[" + name + ", " + buffer.byteCount() + " of " + capacity + " bytes]";
        } finally {
            lock.unlock();
        }
    }

    /** The writing end. Thread-safe. */
    public final class Sink implements Closeable {
        private Sink() {}

        /**
         * Hands {@code view}'s remaining bytes to the pipe (no copy; the caller must not change
         * them afterwards, and its position is not moved), waiting while the pipe holds its
         * capacity or more. An empty view is dropped.
         *
         * @throws PipeClosedException when this side closed or the reading side did
         * @throws IOException with the reader's failure as cause when the reading side failed
         * @throws InterruptedIOException when interrupted while waiting; nothing was written
         */
        public void write(ByteBuffer view) throws IOException {
            Objects.requireNonNull(view, "view");
            await(Side.WRITER, writable, () -> attemptWrite(view));
        }

        /**
         * Writes as {@link #write(ByteBuffer)} does, but never waits: returns {@code false}, having
         * taken nothing, when the pipe holds its capacity or more. For callers that wait in a way
         * of their own, such as a workflow engine: {@link #ready()} tells when to try again.
         *
         * @return whether the view was taken (an empty view always is, and is dropped)
         * @throws PipeClosedException as {@link #write(ByteBuffer)}
         * @throws IOException as {@link #write(ByteBuffer)}
         */
        public boolean tryWrite(ByteBuffer view) throws IOException {
            Objects.requireNonNull(view, "view");
            lock.lock();
            try {
                return attemptWrite(view) != NOT_READY;
            } finally {
                lock.unlock();
            }
        }

        /**
         * Whether a write now would not wait: the pipe holds less than its capacity, or a side has
         * ended (the write would then throw at once).
         */
        public boolean ready() {
            lock.lock();
            try {
                return writerClosed
                        || writerFailure != null
                        || readerClosed
                        || readerFailure != null
                        || buffer.byteCount() - lineStart < capacity;
            } finally {
                lock.unlock();
            }
        }

        /** One try at a write. Lock held. */
        private Object attemptWrite(ByteBuffer view) throws IOException {
            checkWriter();
            if (!view.hasRemaining()) return true;
            if (buffer.byteCount() - lineStart >= capacity) return NOT_READY;
            buffer.writeView(view);
            readable.signalAll();
            return true;
        }

        /**
         * Ends the stream: the reader reads what was written, then the end. Does nothing when this
         * side already closed or failed.
         */
        @Override
        public void close() {
            lock.lock();
            try {
                if (writerClosed || writerFailure != null) return;
                writerClosed = true;
                readable.signalAll();
                writable.signalAll(); // writers still waiting must now fail
            } finally {
                lock.unlock();
            }
        }

        /**
         * Fails the stream with {@code cause}: the reader's calls throw an {@link IOException}
         * carrying it, and bytes not yet read are dropped. Does nothing when this side already
         * closed or failed.
         */
        public void fail(Throwable cause) {
            Objects.requireNonNull(cause, "cause");
            lock.lock();
            try {
                if (writerClosed || writerFailure != null) return;
                writerFailure = cause;
                discard();
            } finally {
                lock.unlock();
            }
        }

        /**
         * This side as an {@link OutputStream}. It copies the caller's bytes into chunks of 8 KiB
         * and hands each full chunk to the pipe; {@link OutputStream#flush()} hands over the
         * chunk so far, and {@link OutputStream#close()} flushes and then closes this side.
         */
        public OutputStream asOutputStream() {
            return new OutputStream() {
                private final ByteStream pending = new ByteStream();
                private final OutputStream chunks = pending.asOutputStream();

                @Override
                public void write(int b) throws IOException {
                    chunks.write(b);
                    if (pending.byteCount() >= ByteStream.CHUNK_SIZE) flush();
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    chunks.write(b, off, len);
                    if (pending.byteCount() >= ByteStream.CHUNK_SIZE) flush();
                }

                @Override
                public void flush() throws IOException {
                    while (!pending.isEmpty()) Sink.this.write(pending.readView());
                }

                @Override
                public void close() throws IOException {
                    // Not in a finally: a flush that failed must not pass for a complete stream.
                    flush();
                    Sink.this.close();
                }
            };
        }

        /**
         * This side as a {@link WritableByteChannel}: each write copies the caller's remaining
         * bytes (the caller may reuse its buffer) and hands them over, blocking as
         * {@link #write(ByteBuffer)} does. Closing it closes this side.
         */
        public WritableByteChannel asChannel() {
            return new WritableByteChannel() {
                @Override
                public int write(ByteBuffer src) throws IOException {
                    int n = src.remaining();
                    ByteBuffer copy = ByteBuffer.allocate(n).order(src.order()).put(0, src, src.position(), n);
                    Sink.this.write(copy);
                    src.position(src.position() + n);
                    return n;
                }

                @Override
                public boolean isOpen() {
                    lock.lock();
                    try {
                        return !writerClosed && writerFailure == null;
                    } finally {
                        lock.unlock();
                    }
                }

                @Override
                public void close() {
                    Sink.this.close();
                }
            };
        }

        @Override
        public String toString() {
            return name + " (writing side)";
        }
    }

    /** The reading end. Thread-safe. */
    public final class Source implements Closeable {
        private Source() {}

        /**
         * Takes the next view as written (or what is left of it after smaller reads), no copy,
         * waiting while the pipe is empty; {@code null} at the end of the stream.
         *
         * @throws IOException with the writer's failure as cause when the writing side failed
         * @throws PipeClosedException when this side closed
         * @throws InterruptedIOException when interrupted while waiting; nothing was read
         */
        public ByteBuffer readView() throws IOException {
            return (ByteBuffer) await(Side.READER, readable, this::attemptReadView);
        }

        /**
         * Copies bytes into {@code dst}, advancing its position: at least one, waiting while the
         * pipe is empty, and as many as are there and fit. Returns the count, -1 at the end of the
         * stream, 0 when {@code dst} has no room. Throws as {@link #readView()} does.
         */
        public int read(ByteBuffer dst) throws IOException {
            return (Integer) await(Side.READER, readable, () -> attemptRead(dst));
        }

        /**
         * Takes the next line without its terminator, as {@link ByteStream#readLine(int)} does (a
         * slice when it lies in one view), waiting until a whole line or the end is there. At the
         * end, the bytes after the last terminator are the last line; then {@code null}.
         *
         * @throws LineTooLongException once the pipe holds a line longer than {@code maxLength};
         *     nothing is consumed then
         * @throws IOException as {@link #readView()} does
         */
        public ByteBuffer readLine(int maxLength) throws IOException {
            checkMaxLength(maxLength);
            return (ByteBuffer) await(Side.READER, readable, () -> attemptReadLine(maxLength, false));
        }

        /** As {@link #readLine(int)}, but the line keeps its terminator; a last line without one comes as it is. */
        public ByteBuffer readLineWithTerminator(int maxLength) throws IOException {
            checkMaxLength(maxLength);
            return (ByteBuffer) await(Side.READER, readable, () -> attemptReadLine(maxLength, true));
        }

        // The try-operations: one attempt each, never waiting. They are the same attempts the
        // blocking calls above make in a loop, for callers that wait in a way of their own (a
        // workflow engine): after an attempt that found nothing, ready() tells when to try again.

        /**
         * Reads as {@link #readView()} does, but never waits.
         *
         * @return the next view; an empty buffer when nothing is held yet; {@code null} at the end
         * @throws IOException as {@link #readView()} does
         */
        public ByteBuffer tryReadView() throws IOException {
            Object result = attempt(this::attemptReadView);
            return result == NOT_READY ? ByteBuffer.allocate(0) : (ByteBuffer) result;
        }

        /**
         * Reads as {@link #read(ByteBuffer)} does, but never waits: like a non-blocking channel, 0
         * when nothing is held yet (or {@code dst} has no room), -1 at the end.
         */
        public int tryRead(ByteBuffer dst) throws IOException {
            Object result = attempt(() -> attemptRead(dst));
            return result == NOT_READY ? 0 : (Integer) result;
        }

        /**
         * Reads as {@link #readLine(int)} does, but never waits.
         *
         * @return the next line; {@code null} when no whole line is held yet, and at the end:
         *     {@link #atEnd()} tells which
         * @throws LineTooLongException as {@link #readLine(int)}
         */
        public ByteBuffer tryReadLine(int maxLength) throws IOException {
            checkMaxLength(maxLength);
            Object result = attempt(() -> attemptReadLine(maxLength, false));
            return result == NOT_READY ? null : (ByteBuffer) result;
        }

        /** As {@link #tryReadLine(int)}, but the line keeps its terminator, as {@link #readLineWithTerminator(int)}. */
        public ByteBuffer tryReadLineWithTerminator(int maxLength) throws IOException {
            checkMaxLength(maxLength);
            Object result = attempt(() -> attemptReadLine(maxLength, true));
            return result == NOT_READY ? null : (ByteBuffer) result;
        }

        /**
         * Whether a read that just found nothing could find something now: bytes are held beyond
         * the start of a line that a {@code readLine} found incomplete, or a side has ended or
         * failed (the read then returns the end or throws at once).
         */
        public boolean ready() {
            lock.lock();
            try {
                return buffer.byteCount() > lineStart
                        || writerClosed
                        || writerFailure != null
                        || readerClosed
                        || readerFailure != null;
            } finally {
                lock.unlock();
            }
        }

        /** Whether the writing side closed and every byte written has been read. */
        public boolean atEnd() {
            lock.lock();
            try {
                return writerClosed && buffer.isEmpty();
            } finally {
                lock.unlock();
            }
        }

        private Object attempt(Attempt attempt) throws IOException {
            lock.lock();
            try {
                return attempt.tryNow();
            } finally {
                lock.unlock();
            }
        }

        /** One try at a {@link #readView()}. Lock held. */
        private Object attemptReadView() throws IOException {
            checkReader();
            if (!buffer.isEmpty()) {
                ByteBuffer view = buffer.readView();
                consumed(view.remaining());
                return view;
            }
            return writerClosed ? null : NOT_READY;
        }

        /** One try at a {@link #read(ByteBuffer)}. Lock held. */
        private Object attemptRead(ByteBuffer dst) throws IOException {
            checkReader();
            if (!dst.hasRemaining()) return 0;
            if (!buffer.isEmpty()) {
                int n = buffer.readInto(dst);
                consumed(n);
                return n;
            }
            return writerClosed ? -1 : NOT_READY;
        }

        /** One try at a {@link #readLine(int)}. Lock held. */
        private Object attemptReadLine(int maxLength, boolean withTerminator) throws IOException {
            checkReader();
            long before = buffer.byteCount();
            ByteBuffer line = buffer.readLine(maxLength, withTerminator, name);
            if (line == null) {
                if (!writerClosed) {
                    // No whole line yet, so all bytes held begin one line: stop counting them
                    // against the capacity, or a line longer than the capacity would deadlock.
                    if (lineStart < before) {
                        lineStart = before;
                        writable.signalAll();
                    }
                    return NOT_READY;
                }
                if (buffer.isEmpty()) return null;
                line = buffer.takeLastLine(maxLength, name);
            }
            consumed(before - buffer.byteCount());
            return line;
        }

        /** One byte as {@link InputStream#read()} returns it. */
        private int readByte() throws IOException {
            return (Integer) await(Side.READER, readable, () -> {
                checkReader();
                if (!buffer.isEmpty()) {
                    int b = buffer.getByte(0) & 0xff;
                    buffer.skip(1);
                    consumed(1);
                    return b;
                }
                return writerClosed ? -1 : NOT_READY;
            });
        }

        /**
         * Stops reading: bytes held are dropped, and the writer's calls, blocked or later, throw
         * {@link PipeClosedException}. Does nothing when this side already closed or failed.
         */
        @Override
        public void close() {
            end(null);
        }

        /**
         * Fails the reading side with {@code cause}: bytes held are dropped, and the writer's calls,
         * blocked or later, throw an {@link IOException} carrying it. Does nothing when this side
         * already closed or failed.
         */
        public void fail(Throwable cause) {
            end(Objects.requireNonNull(cause, "cause"));
        }

        private void end(Throwable cause) {
            lock.lock();
            try {
                if (readerClosed || readerFailure != null) return;
                if (cause == null) readerClosed = true;
                else readerFailure = cause;
                discard();
            } finally {
                lock.unlock();
            }
        }

        /**
         * This side as a blocking {@link InputStream}: reads wait while the pipe is empty and
         * return -1 at the end. Closing it closes this side.
         */
        public InputStream asInputStream() {
            return new InputStream() {
                @Override
                public int read() throws IOException {
                    return readByte();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    Objects.checkFromIndexSize(off, len, b.length);
                    return len == 0 ? 0 : Source.this.read(ByteBuffer.wrap(b, off, len));
                }

                @Override
                public int available() {
                    return (int) Math.min(byteCount(), Integer.MAX_VALUE);
                }

                @Override
                public void close() {
                    Source.this.close();
                }
            };
        }

        /** This side as a blocking {@link ReadableByteChannel}, reading as {@link #read(ByteBuffer)}. Closing it closes this side. */
        public ReadableByteChannel asChannel() {
            return new ReadableByteChannel() {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    return Source.this.read(dst);
                }

                @Override
                public boolean isOpen() {
                    lock.lock();
                    try {
                        return !readerClosed && readerFailure == null;
                    } finally {
                        lock.unlock();
                    }
                }

                @Override
                public void close() {
                    Source.this.close();
                }
            };
        }

        @Override
        public String toString() {
            return name + " (reading side)";
        }
    }

    // ------------------------------------------------------------------------------ internals

    /** One try at a call, made with the lock held: a result, or {@link #NOT_READY} to wait and try again. */
    @FunctionalInterface
    private interface Attempt {
        Object tryNow() throws IOException;
    }

    /**
     * Runs {@code attempt} under the lock until it has a result, waiting on {@code condition}
     * between tries.
     */
    private Object await(Side side, Condition condition, Attempt attempt) throws IOException {
        lock.lock();
        try {
            while (true) {
                Object result = attempt.tryNow();
                if (result != NOT_READY) return result;
                try {
                    condition.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // keep the status for the code above ours
                    InterruptedIOException interrupted =
                            new InterruptedIOException(name + ": interrupted while waiting "
                                    + (side == Side.WRITER ? "for room to write" : "for bytes to read"));
                    interrupted.initCause(e);
                    throw interrupted;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private static void checkMaxLength(int maxLength) {
        if (maxLength < 0) throw new IllegalArgumentException("maxLength must not be negative, was " + maxLength);
    }

    /** Throws if the writer may not write now. Lock held. */
    private void checkWriter() throws IOException {
        if (writerClosed || writerFailure != null) {
            throw new PipeClosedException(name + ": write after the writing side was "
                    + (writerClosed ? "closed" : "failed") + "; write nothing after close() or fail()");
        }
        if (readerFailure != null) throw failed("reading", readerFailure);
        if (readerClosed) {
            throw new PipeClosedException(
                    name + ": the reading side closed, so nothing written would be read; stop writing");
        }
    }

    /** Throws if the reader may not read now. Lock held. */
    private void checkReader() throws IOException {
        if (readerClosed || readerFailure != null) {
            throw new PipeClosedException(name + ": read after the reading side was "
                    + (readerClosed ? "closed" : "failed") + "; read nothing after close() or fail()");
        }
        if (writerFailure != null) throw failed("writing", writerFailure);
    }

    private IOException failed(String side, Throwable cause) {
        return new IOException(name + ": the " + side + " side failed: " + cause, cause);
    }

    /** Accounts for {@code n} bytes read from the head. Lock held. */
    private void consumed(long n) {
        lineStart = Math.max(0, lineStart - n);
        // Writers wait while the pipe holds its capacity or more.
        if (buffer.byteCount() - lineStart < capacity) writable.signalAll();
    }

    /** Drops every byte held and wakes every waiting call, to see the side that ended. Lock held. */
    private void discard() {
        buffer.truncate(0);
        lineStart = 0;
        readable.signalAll();
        writable.signalAll();
    }
}
