package io.mimo.runtime.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pipe of items: a bounded single-producer single-consumer ring. The writer owns
 * {@code producerIndex}, the reader owns {@code consumerIndex}; each publishes its own index and
 * reads the other's only when its cached view runs out, so the fast path allocates nothing and
 * touches no shared lock. The ring's array is a power of two at least {@code capacity} long; the
 * bound is {@code capacity}, which may differ from the array length.
 *
 * <p>An input fed by several pipes merges them in arrival order: each write into such a pipe takes
 * a stamp from the input's shared {@code sequence}, stored beside the item, and the reader takes
 * the lowest stamp among the pipes' heads.
 *
 * <p>Lost wake-ups. Each side publishes its index with a release store and then reads whether the
 * other side waits ({@link RunningStream#waitingOn}), with no store-load fence between: a full fence
 * per item would cost more than the rest of the item's way (it waits for the store buffer to
 * drain, cache line transfers included). So a side that announces its wait while the other
 * publishes may see the old index, while the other sees no wait: the wake-up is missed, with the
 * pipe ready. {@link RunningStream#await} makes every such miss good: the side that missed it pays it
 * before it blocks itself (its {@link #republishWrites()}/{@link #republishReads()} store is
 * volatile: a true Dekker pair with the waiter's announce-then-re-check) and ends with volatile
 * stores too ({@link #close()}, {@link #kill()}); the deadlock detector, which sees every write
 * made before the streams counted themselves blocked, wakes a counted stream whose blocker is
 * {@link #readyUnseen() ready}; and a parked stream looks again by itself now and then, for a
 * side that just goes on running. A side that keeps pushing or taking reads the wait again at its
 * next item and wakes the waiter then.
 */
final class ItemPipe extends ItemPipeLayout.Pad2 {
    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(ItemPipeLayout.ProducerFields.class, "producerIndex", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(ItemPipeLayout.ConsumerFields.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    ItemPipe(
            RunningStream writer,
            RunningStream reader,
            String name,
            int capacity,
            int growthLimit,
            AtomicLong sequence) {
        super(writer, reader, name, growthLimit, sequence);
        this.capacity = capacity;
        allocate(capacity);
    }

    /**
     * Writer's thread: puts {@code item} in the pipe, waiting for room.
     *
     * @return {@code false} if the pipe is dead and the item was dropped
     */
    boolean put(Object item) {
        while (!dead()) {
            if (offer(item)) {
                // No store-load fence between offer's release store and afterWrite's read of the
                // reader's wait: it may miss a reader announcing its wait right now; see "Lost
                // wake-ups" in the class comment for how that reader is woken all the same.
                afterWrite();
                return true;
            }
            awaitRoom();
        }
        return false;
    }

    /**
     * Writer's thread: puts {@code item} in the pipe if it has room, waking nobody (that is
     * {@link #put}'s part); whether it did.
     */
    boolean offer(Object item) {
        long p = producerIndex;
        if (p >= producerLimit) {
            // Acquire: the reader nulled the slots below its index before publishing it, so our
            // write to a freed slot cannot be overwritten by its stale null.
            producerLimit = laConsumerIndex() + capacity;
            if (p >= producerLimit) {
                return false;
            }
        }
        int slot = (int) p & mask;
        buffer[slot] = item;
        if (sequence != null) {
            stamps[slot] = sequence.getAndIncrement();
        }
        // Release: publishes the item (and its stamp) to a reader that acquires the index. No
        // fence: on x86 this is a plain store, and the item's cost is no longer bound by draining
        // the store buffer (with the cache line transfers of the slot) once per item.
        srProducerIndex(p + 1);
        return true;
    }

    /**
     * Reader's thread: takes the head item, or returns {@code null} when none is buffered, or when
     * its view of the writer's index ran out and a fresh look finds fewer items than a
     * {@link #batch()} while the writer is still at work ({@link #pollAny()} takes those). A reader
     * that took each item as soon as it was written would chase the writer slot by slot, both
     * writing the same cache lines of slots: a transfer between cores per item.
     */
    Object poll() {
        return afterTake(take(true));
    }

    /** Reader's thread: as {@link #poll()}, but takes even fewer items than a batch. */
    Object pollAny() {
        return afterTake(take(false));
    }

    private Object afterTake(Object item) {
        if (item != null) {
            // No store-load fence between take's release store and afterRead's read of the
            // writer's wait, as in put.
            afterRead();
        }
        return item;
    }

    /**
     * Reader's thread: takes the head item if there is one, or returns {@code null}; never waits
     * and wakes nobody (that is {@link #poll}'s part).
     */
    Object pollQuietly() {
        return take(false);
    }

    private Object take(boolean batched) {
        long c = consumerIndex;
        if (c >= producedSeen && !(refresh(c) && (!batched || holdsBatch()))) {
            return null;
        }
        int slot = (int) c & mask;
        Object item = buffer[slot];
        buffer[slot] = null;
        // Release: the slot's null is written before the writer may reuse it.
        srConsumerIndex(c + 1);
        return item;
    }

    /** Reader's thread: the head item without taking it, or {@code null} when none is buffered. */
    Object peek() {
        long c = consumerIndex;
        return c < producedSeen || refresh(c) ? buffer[(int) c & mask] : null;
    }

    /** Reader's thread, when {@link #peek()} found an item: the stamp that orders it among sibling pipes. */
    long headStamp() {
        return stamps[(int) consumerIndex & mask];
    }

    /** Reader's thread: whether an item is at {@code c}, once the cached view of the writer's index is renewed. */
    private boolean refresh(long c) {
        // Acquire: makes the items (and stamps) written before the index visible.
        producedSeen = laProducerIndex();
        return c < producedSeen;
    }

    @Override
    boolean hasRoom() {
        // Volatile: the writer's re-check after it published that it waits (RunningStream.await); also
        // read by the reader and, under the run's lock, by the deadlock detector. Changes nothing.
        return producerIndex - lvConsumerIndex() < capacity;
    }

    @Override
    boolean hasData() {
        long c = consumerIndex;
        return c < producedSeen || refresh(c);
    }

    /**
     * Whether items are buffered, without touching the reader's cache: on the reader's thread, or
     * under the run's lock while the reader is counted blocked (its index is then visible).
     */
    boolean holdsItems() {
        // Volatile: a synchronization action, so that with the writer's volatile republishWrites
        // it forms a true Dekker pair; makes the items written before the index visible.
        return consumerIndex < lvProducerIndex();
    }

    @Override
    void republishWrites() {
        // Volatile, re-storing the same value: the writer's half of a Dekker pair with a reader that
        // published its wait and then reads this index; see "Lost wake-ups" in the class comment.
        svProducerIndex(producerIndex);
    }

    @Override
    void republishReads() {
        // Volatile, as republishWrites, for a writer waiting for room.
        svConsumerIndex(consumerIndex);
    }

    /** Items (or free slots) worth waiting for: a few cache lines of slots, or half a small pipe. */
    int batch() {
        return Math.max(1, Math.min(capacity / 2, BATCH));
    }

    private static final int BATCH = 64;

    @Override
    public boolean readyForBatch() {
        // Room for a batch, or no more room soon: the reader's thread waits (on something else).
        return dead() || capacity - size() >= batch() || (hasRoom() && reader.threadWaits());
    }

    /**
     * Reader's thread, after a look at the writer's index: whether the pipe holds a batch, or
     * items and no more to come soon (the writer's thread waits, or the writer has closed the pipe).
     */
    boolean holdsBatch() {
        long n = producedSeen - consumerIndex;
        return n >= batch() || (n > 0 && (closed() || writer.threadWaits()));
    }

    @Override
    public boolean readyUnseen() {
        return dead() || hasRoom();
    }

    @Override
    void dropData() {
        // Acquire the writer's index, so every slot below it holds what it wrote; release ours, so
        // a writer that has not yet seen the pipe dead finds room and does not wait.
        long p = lvProducerIndex();
        for (long c = consumerIndex; c < p; c++) {
            buffer[(int) c & mask] = null;
        }
        // Before the index is published: a snapshot that sees the new index sees this too.
        droppedItems = p - consumerIndex;
        svConsumerIndex(p);
    }

    /**
     * Reader's thread, once, when its stream ends: items the reader never took, dropped with the
     * pipe, so that {@link #crossed()} counts what it took, not what the index skipped.
     */
    private long droppedItems;

    @Override
    boolean grow(int limit) {
        if (capacity >= limit) {
            return false;
        }
        int grown = (int) Math.min(2L * capacity, limit);
        if (grown > buffer.length) {
            Object[] oldBuffer = buffer;
            long[] oldStamps = stamps;
            int oldMask = mask;
            allocate(grown);
            for (long i = consumerIndex; i < producerIndex; i++) {
                buffer[(int) i & mask] = oldBuffer[(int) i & oldMask];
                if (stamps != null) {
                    stamps[(int) i & mask] = oldStamps[(int) i & oldMask];
                }
            }
        }
        capacity = grown;
        growths++;
        return true;
    }

    private void allocate(int capacity) {
        int length = Integer.highestOneBit(Math.max(1, capacity));
        if (length < capacity) {
            length <<= 1;
        }
        buffer = new Object[length];
        stamps = sequence == null ? null : new long[length];
        mask = length - 1;
    }

    @Override
    long size() {
        // Volatile reads: called by the reader (deferring a wake-up) and under the run's lock for
        // messages, where either index may belong to the other side.
        return lvProducerIndex() - lvConsumerIndex();
    }

    @Override
    int capacity() {
        return capacity;
    }

    @Override
    long crossed() {
        // The consumer index is what the reader took: no counter of its own per item.
        long taken = lvConsumerIndex();
        return taken - droppedItems;
    }

    /** Items the writer has put in so far (from another thread, about that): its producer index. */
    long produced() {
        return lvProducerIndex();
    }

    @Override
    String unit() {
        return "items";
    }

    // Accessors of the indices, named for their memory order (see ItemPipeLayout).

    private long laProducerIndex() {
        return (long) PRODUCER_INDEX.getAcquire(this);
    }

    private long lvProducerIndex() {
        return (long) PRODUCER_INDEX.getVolatile(this);
    }

    private void srProducerIndex(long value) {
        PRODUCER_INDEX.setRelease(this, value);
    }

    private void svProducerIndex(long value) {
        PRODUCER_INDEX.setVolatile(this, value);
    }

    private long laConsumerIndex() {
        return (long) CONSUMER_INDEX.getAcquire(this);
    }

    private long lvConsumerIndex() {
        return (long) CONSUMER_INDEX.getVolatile(this);
    }

    private void srConsumerIndex(long value) {
        CONSUMER_INDEX.setRelease(this, value);
    }

    private void svConsumerIndex(long value) {
        CONSUMER_INDEX.setVolatile(this, value);
    }
}
