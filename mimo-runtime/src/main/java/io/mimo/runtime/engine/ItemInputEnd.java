package io.mimo.runtime.engine;

import io.mimo.runtime.Input;
import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * The reading end of an item input: one pipe, or several merged in arrival order. It is the
 * {@link Blocker} its stream waits on while every pipe is empty and some is still open.
 */
final class ItemInputEnd<T> implements Input<T>, Blocker {
    private final RunningStream reader;
    private final String name;
    /** Set while wiring; an input is never left unpiped (the workflow refuses that). */
    private ItemPipe[] pipes = new ItemPipe[0];
    /** The only pipe, when there is one: no merge, so no need to remember what was peeked. */
    private ItemPipe single;
    /** With several pipes: the pipe whose head {@link #peek()} returned, so the next take returns that same item. */
    private ItemPipe peeked;

    ItemInputEnd(RunningStream reader, String name) {
        this.reader = reader;
        this.name = name;
    }

    /** Set once, while wiring. */
    void readFrom(ItemPipe[] pipes) {
        this.pipes = pipes;
        this.single = pipes.length == 1 ? pipes[0] : null;
        for (ItemPipe pipe : pipes) {
            pipe.readBy(this);
        }
    }

    @Override
    public T pop() {
        T item = poll();
        if (item == null) {
            throw new NoSuchElementException("input '" + name + "' has ended: every output piped into it has closed");
        }
        return item;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T poll() {
        ItemPipe one = single;
        if (one != null) {
            Object item = one.poll();
            if (item != null) {
                return (T) item;
            }
            if (one.hasData()) {
                // Fewer than a batch, and the writer at work: give it a moment to write more.
                reader.awaitBatch(this);
            } else if (next() == null) {
                return null;
            }
            // Now there is an item to take (none is taken but here).
            return (T) one.pollAny();
        }
        ItemPipe head = peeked != null ? peeked : next();
        if (head == null) {
            return null;
        }
        peeked = null;
        return (T) head.pollAny();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T peek() {
        ItemPipe one = single;
        if (one != null) {
            Object item = one.peek();
            return item != null || next() == null ? (T) item : (T) one.peek();
        }
        ItemPipe head = peeked;
        if (head == null) {
            head = next();
            if (head == null) {
                return null;
            }
            peeked = head;
        }
        return (T) head.peek();
    }

    @Override
    @SuppressWarnings("unchecked")
    public T poll(Duration timeout) {
        long nanos = nanos(timeout);
        // No clock read for a zero timeout: a dealer of a parallel step asks so once per item.
        long deadline = nanos == 0 ? 0 : System.nanoTime() + nanos;
        while (true) {
            ItemPipe head = peeked != null ? peeked : earliest();
            if (head == null && allClosed()) {
                // Closing follows a pipe's last write, so what was written before it is visible now.
                head = earliest();
                if (head == null) {
                    reader.checkNotStopping();
                    return null;
                }
            }
            if (head != null) {
                peeked = null;
                return (T) head.pollAny();
            }
            long left = nanos == 0 ? 0 : deadline - System.nanoTime();
            if (left <= 0) {
                reader.checkNotStopping();
                return null;
            }
            reader.awaitTimed(this, left);
        }
    }

    /** A timeout in nanoseconds, saturated: {@code Duration.toNanos} throws past about 292 years. */
    private static long nanos(Duration timeout) {
        try {
            return Math.max(0, timeout.toNanos());
        } catch (ArithmeticException e) {
            return timeout.isNegative() ? 0 : Long.MAX_VALUE / 2;
        }
    }

    @Override
    public boolean isEnded() {
        return peeked == null && allClosed() && earliest() == null;
    }

    /** Reader's thread: whether an item can be taken now without waiting. */
    boolean hasItem() {
        return peeked != null || earliest() != null;
    }

    /**
     * Whether a writer has put an item in a pipe of this input, by a volatile look at its index:
     * the re-check of a waiting {@link Select}, as {@link #ready()} is one's own.
     */
    boolean holdsItems() {
        for (ItemPipe pipe : pipes) {
            if (pipe.holdsItems()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Items taken so far, for snapshots: what the pipes' consumer indices already count (less what
     * was dropped at the end), so the reader pays nothing per item. From another thread, about that.
     */
    long taken() {
        long taken = 0;
        for (ItemPipe pipe : pipes) {
            taken += pipe.crossed();
        }
        return taken;
    }

    /** The stream that reads this input. */
    RunningStream reader() {
        return reader;
    }

    @Override
    public String name() {
        return name;
    }

    /** The pipe holding the next item in arrival order, waiting for one; {@code null} at the end. */
    private ItemPipe next() {
        while (true) {
            ItemPipe head = earliest();
            if (head != null) {
                return head;
            }
            if (allClosed()) {
                // Closing follows a pipe's last write, so what was written before it is visible now.
                head = earliest();
                if (head != null) {
                    return head;
                }
                // A workflow that is stopping may have closed pipes early: that is no end of data.
                reader.checkNotStopping();
                return null;
            }
            reader.await(this);
        }
    }

    /**
     * The non-empty pipe whose head arrived first. A pipe that looked empty is looked at again once
     * another was found non-empty: an item that arrived before the one found (its push returned
     * before the other's began) is visible by then, so arrival order holds.
     */
    private ItemPipe earliest() {
        if (pipes.length == 1) {
            return pipes[0].hasData() ? pipes[0] : null;
        }
        ItemPipe best = null;
        boolean sawEmpty = false;
        for (int pass = 0; pass < 2; pass++) {
            for (ItemPipe pipe : pipes) {
                if (!pipe.hasData()) {
                    sawEmpty = true;
                } else if (best == null || pipe.headStamp() < best.headStamp()) {
                    best = pipe;
                }
            }
            if (best == null || !sawEmpty) {
                break;
            }
        }
        return best;
    }

    boolean allClosed() {
        for (ItemPipe pipe : pipes) {
            if (!pipe.closed()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean ready() {
        // Volatile reads of the writers' indices (holdsItems), not the cached ones: this is the
        // re-check after publishing our wait, the reader's half of the Dekker pair with a writer's
        // republishWrites or close (see ItemPipe, "Lost wake-ups").
        return holdsItems() || allClosed();
    }

    @Override
    public boolean readyForBatch() {
        for (ItemPipe pipe : pipes) {
            if (pipe.hasData() && pipe.holdsBatch()) {
                return true;
            }
        }
        return allClosed();
    }

    @Override
    public boolean readyUnseen() {
        return ready(); // changes nothing, reads what the lock made visible
    }

    @Override
    public String describeWait() {
        return "waits for an item on '" + name + "'";
    }

    @Override
    public String toString() {
        return name;
    }
}
