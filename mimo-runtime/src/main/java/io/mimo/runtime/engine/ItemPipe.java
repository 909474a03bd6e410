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
 */
final class ItemPipe extends Pipe {
    private static final VarHandle PRODUCER_INDEX;
    private static final VarHandle CONSUMER_INDEX;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            PRODUCER_INDEX = lookup.findVarHandle(ItemPipe.class, "producerIndex", long.class);
            CONSUMER_INDEX = lookup.findVarHandle(ItemPipe.class, "consumerIndex", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    // Changed only by grow(), while both sides are parked; see Pipe.grow for why plain fields are safe.
    private Object[] buffer;
    private long[] stamps;
    private int mask;
    private int capacity;

    /** Shared by the pipes of one fan-in input; {@code null} when the input has this pipe only. */
    private final AtomicLong sequence;

    private long producerIndex;
    /** Writer-only cache: the writer may write below this index without looking at the reader. */
    private long producerLimit;
    private long consumerIndex;
    /** Reader-only cache: the reader may read below this index without looking at the writer. */
    private long producedSeen;

    ItemPipe(StreamRun writer, StreamRun reader, String name, int capacity, int growthLimit, AtomicLong sequence) {
        super(writer, reader, name, growthLimit);
        this.capacity = capacity;
        this.sequence = sequence;
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
                afterWrite();
                return true;
            }
            awaitRoom();
        }
        return false;
    }

    private boolean offer(Object item) {
        long p = producerIndex;
        if (p >= producerLimit) {
            // Acquire: the reader nulled the slots below its index before publishing it, so our
            // write to a freed slot cannot be overwritten by its stale null.
            producerLimit = (long) CONSUMER_INDEX.getVolatile(this) + capacity;
            if (p >= producerLimit) {
                return false;
            }
        }
        int slot = (int) p & mask;
        buffer[slot] = item;
        if (sequence != null) {
            stamps[slot] = sequence.getAndIncrement();
        }
        // Volatile, not just release: it publishes the item (release) and orders this store before
        // afterWrite()'s read of the reader's waitingOn (store-load), the writer's half of the
        // Dekker pair that guarantees a waiting reader is never missed.
        PRODUCER_INDEX.setVolatile(this, p + 1);
        return true;
    }

    /** Reader's thread: takes the head item, or returns {@code null} when none is buffered. */
    Object poll() {
        long c = consumerIndex;
        if (!available(c)) {
            return null;
        }
        int slot = (int) c & mask;
        Object item = buffer[slot];
        buffer[slot] = null;
        // Volatile: releases the slot to the writer and orders this store before afterRead()'s
        // read of the writer's waitingOn (the reader's half of the Dekker pair).
        CONSUMER_INDEX.setVolatile(this, c + 1);
        afterRead();
        return item;
    }

    /** Reader's thread: the head item without taking it, or {@code null} when none is buffered. */
    Object peek() {
        long c = consumerIndex;
        return available(c) ? buffer[(int) c & mask] : null;
    }

    /** Reader's thread, when {@link #peek()} found an item: the stamp that orders it among sibling pipes. */
    long headStamp() {
        return stamps[(int) consumerIndex & mask];
    }

    private boolean available(long c) {
        if (c < producedSeen) {
            return true;
        }
        // Acquire: makes the item (and its stamp) written before the index visible.
        producedSeen = (long) PRODUCER_INDEX.getVolatile(this);
        return c < producedSeen;
    }

    @Override
    boolean hasRoom() {
        // Volatile: the writer's half of the Dekker pair when it re-checks after publishing that it
        // waits (StreamRun.await); the reader's index must not come from a stale cache here.
        return producerIndex - (long) CONSUMER_INDEX.getVolatile(this) < capacity;
    }

    @Override
    boolean hasData() {
        return available(consumerIndex);
    }

    @Override
    void dropData() {
        // Acquire the writer's index, so every slot below it holds what it wrote; release ours, so
        // a writer that has not yet seen the pipe dead finds room and does not wait.
        long p = (long) PRODUCER_INDEX.getVolatile(this);
        for (long c = consumerIndex; c < p; c++) {
            buffer[(int) c & mask] = null;
        }
        CONSUMER_INDEX.setVolatile(this, p);
    }

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
        return (long) PRODUCER_INDEX.getVolatile(this) - (long) CONSUMER_INDEX.getVolatile(this);
    }

    @Override
    int capacity() {
        return capacity;
    }

    @Override
    String unit() {
        return "items";
    }
}
