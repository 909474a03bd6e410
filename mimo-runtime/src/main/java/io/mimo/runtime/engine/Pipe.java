package io.mimo.runtime.engine;

import io.mimo.runtime.graph.PipeView;

/**
 * One pipe from one output of a writer stream to one input of a reader stream: the unit of
 * buffering, back-pressure, end of stream and deadlock growth. Each kind of pipe (items, bytes)
 * extends this class and keeps its data structure; this class keeps what all kinds share:
 *
 * <ul>
 *   <li>end of stream: the writer {@link #close() closes} it when its stream ends;</li>
 *   <li>death: the reader {@link #kill() kills} it when its stream ends, after which writes are
 *       dropped (like a closed Unix pipe) and a writer waiting for room is released;</li>
 *   <li>waiting for room: the pipe is the {@link Blocker} its writer waits on
 *       ({@link #awaitRoom()}), and a read wakes it ({@link #afterRead()});</li>
 *   <li>waiting for data: {@link #readerEnd} is what the reader waits on (an input may merge
 *       several pipes), and a write or close wakes it ({@link #afterWrite()}). It must not be the
 *       pipe itself: a stream waiting on a {@code Pipe} is taken to wait for room in it, which
 *       is what deadlock resolution grows.</li>
 * </ul>
 *
 * A kind of pipe implements {@link #hasRoom()}, {@link #hasData()}, {@link #dropData()},
 * {@link #grow(int)}, {@link #size()}, {@link #capacity()} and {@link #unit()} (and may mark the
 * end of its data structure's stream in {@link #closing()}), calls
 * {@code awaitRoom}/{@code afterWrite} around its writes and {@code afterRead} after its reads,
 * and makes its reading end a {@link Blocker} that waits through {@link RunningStream#await(Blocker)}.
 * {@link Wiring} creates it and registers it with {@link RunningStream#writesTo(Pipe)} and
 * {@link RunningStream#readsFrom(Pipe)}, so that its streams close and kill it when they end.
 */
abstract class Pipe implements Blocker {
    final RunningStream writer;
    final RunningStream reader;
    /** {@code "source.out -> join.left"}. */
    final String name;
    /** Units up to which deadlock resolution may grow this pipe: the workflow's limit for its kind. */
    final int growthLimit;
    /** What the reader waits on when it waits for data from this pipe (among others). */
    private Blocker readerEnd;
    /** The graph's pipe this one runs, for snapshots. Set once, while wiring. */
    PipeView view;
    /**
     * Times deadlock resolution grew this pipe: counted in {@link #grow(int)}, under the run's lock;
     * read racily by snapshots (a plain int: growths are rare, and a stale count harms nobody).
     */
    int growths;

    // Both flags are written once, by one side, and read by the other; volatile because each is
    // the store half of a Dekker pair with the other side's RunningStream.waitingOn (see RunningStream.await).
    private volatile boolean closed;
    private volatile boolean dead;

    Pipe(RunningStream writer, RunningStream reader, String name, int growthLimit) {
        this.writer = writer;
        this.reader = reader;
        this.name = name;
        this.growthLimit = growthLimit;
    }

    /** Set once, while wiring, before any stream runs. */
    final void readBy(Blocker readerEnd) {
        this.readerEnd = readerEnd;
    }

    /** What the reader waits on when it waits for data from this pipe. */
    final Blocker readerEnd() {
        return readerEnd;
    }

    /** Whether the writer can write now (at least one item, or one byte). */
    abstract boolean hasRoom();

    /** Whether data is buffered; a reader that saw {@link #closed()} and then no data has seen the end. */
    abstract boolean hasData();

    /** Reader's thread, once its stream has ended: drops what is buffered. */
    abstract void dropData();

    /**
     * Grows the pipe to hold more, at most {@code limit} units in all; {@code false} when it cannot.
     * Called only while every live stream is counted blocked (so neither side changes the pipe),
     * under the run's lock; both sides resume through that lock, which publishes what this changed.
     * A counted side may meanwhile look at its blocker by itself (the timed re-check of
     * {@link RunningStream#await}): that reads indices, flags and the capacity only, and it acts on
     * what it saw only after taking the lock.
     */
    abstract boolean grow(int limit);

    /** Units buffered now, for messages. */
    abstract long size();

    /** Units the pipe holds when full. */
    abstract int capacity();

    /** {@code "items"} or {@code "bytes"}. */
    abstract String unit();

    /**
     * Units the reader has taken so far (or about that, read from another thread), for statistics;
     * what was dropped when the reader ended is not counted.
     */
    abstract long crossed();

    /** Whether the writer has closed the pipe: no more data will come. */
    final boolean closed() {
        return closed;
    }

    /** Whether the reader has ended: what is written is dropped. */
    final boolean dead() {
        return dead;
    }

    /** Writer's thread: waits until the pipe has room or is dead. */
    final void awaitRoom() {
        writer.await(this);
    }

    /** Writer's thread, after publishing data: wakes the reader if it waits for data. */
    final void afterWrite() {
        Blocker waiting = reader.waitingOn;
        // Null, the common case, costs one test; a select that includes this input wakes too.
        if (waiting != null && (waiting == readerEnd || waiting.waitsFor(readerEnd))) {
            reader.scheduler.wake(reader, waiting);
        }
    }

    /**
     * Reader's thread, after consuming data: wakes the writer if it waits for room here, once the
     * pipe is half empty, so that a slow reader does not wake its writer for every item. Until
     * then the reader owes the wake-up: it pays it before it blocks itself
     * ({@link #wakeWriterIfRoom()} from {@link RunningStream#await}) or ends ({@link #kill()}), so that
     * the writer is never counted blocked while this pipe has room, and no deadlock is found that
     * is not one.
     */
    final void afterRead() {
        if (writer.waitingOn == this && size() <= capacity() / 2) {
            writer.scheduler.wake(writer, this);
        }
    }

    /** Reader's thread, before it blocks: wakes the writer if it waits for room that there is. */
    final void wakeWriterIfRoom() {
        republishReads();
        if (writer.waitingOn == this && hasRoom()) {
            writer.scheduler.wake(writer, this);
        }
    }

    /** Writer's thread, before it blocks: wakes the reader if it waits for data that there is. */
    final void wakeReaderIfData() {
        republishWrites();
        Blocker waiting = reader.waitingOn;
        if (waiting != null && (waiting == readerEnd || waiting.waitsFor(readerEnd)) && size() > 0) {
            reader.scheduler.wake(reader, waiting);
        }
    }

    /**
     * The side's thread, before {@link #wakeWriterIfRoom()} or {@link #wakeReaderIfData()} read
     * the other side's wait: a kind of pipe whose fast path publishes without a store-load fence
     * (an {@link ItemPipe}) publishes its index again here with one. Nothing for a pipe whose
     * every access is already a synchronization action.
     */
    void republishReads() {}

    /** As {@link #republishReads()}, for the writer's index. */
    void republishWrites() {}

    /** Reader's thread: a waiting writer goes on (the pipe died). */
    final void wakeWriter() {
        if (writer.waitingOn == this) {
            writer.scheduler.wake(writer, this);
        }
    }

    /** Writer's thread, when its stream ends: marks the end of the data. */
    final void close() {
        closing();
        closed = true;
        afterWrite();
    }

    /** Writer's thread, in {@link #close()}, before the pipe is marked closed: nothing follows. */
    void closing() {}

    /** Reader's thread, when its stream ends: later writes are dropped; a waiting writer goes on. */
    final void kill() {
        // Uncounted before marked dead: a writer that sees the pipe dead sees the count too, so
        // the push that first finds every pipe dead is the one that ends it.
        writer.pipeDied();
        dead = true;
        dropData();
        wakeWriter();
    }

    @Override
    public final boolean ready() {
        return dead || hasRoom();
    }

    @Override
    public final String describeWait() {
        return "waits for room on '" + name + "' (" + (hasRoom() ? "" : "full, ") + capacity() + " " + unit() + ")";
    }

    @Override
    public String toString() {
        return name;
    }
}
