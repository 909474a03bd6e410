package io.mimo.runtime.engine;

import io.mimo.runtime.Output;
import java.nio.ByteBuffer;

/**
 * The writing end of an item output: broadcasts each item to every live pipe, in pipe order,
 * waiting for room in each (the slowest reader sets the pace). A discarded output has no pipes
 * and drops what it is given.
 *
 * <p>An output of {@code ByteBuffer}s may also pipe into byte inputs: each item pushed is then
 * handed to those {@link ByteInputPipe}s as a view (no copy), after the item pipes.
 *
 * <p>Element steps fused into this output ({@link FusedStep#deliver(Object)}) get each item last,
 * by a call on the writer's thread, in wiring order; a dead one no longer counts as delivered to.
 */
final class ItemOutputEnd<T> implements Output<T> {
    private final RunningStream writer;
    private final String name;
    private final boolean discarded;
    private ItemPipe[] pipes = new ItemPipe[0];
    private ByteInputPipe[] bytePipes = new ByteInputPipe[0];
    private FusedStep[] fused = new FusedStep[0];
    /** The only target, when it is one item pipe: the common case, without loops. */
    private ItemPipe single;
    /**
     * Items pushed to several targets (or none), for snapshots. Pushes to a {@link #single} pipe
     * are not counted here: that pipe's producer index counts them already, and {@link #singleDrops}
     * what it refused once dead, so the one-hop fast path stores nothing more per item. A plain
     * field written by the writer's thread alone (a broadcast's index would not do, as its pipes die
     * apart); read racily (a little late) by snapshots, exactly after the run, whose threads are
     * joined (the join orders every store before the read).
     */
    private long pushed;
    /** Writer's thread: items the {@link #single} pipe refused, dead; read as {@link #pushed}. */
    private long singleDrops;

    ItemOutputEnd(RunningStream writer, String name, boolean discarded) {
        this.writer = writer;
        this.name = name;
        this.discarded = discarded;
    }

    /** Set once, while wiring. */
    void writeTo(ItemPipe[] pipes, ByteInputPipe[] bytePipes, FusedStep[] fused) {
        this.pipes = pipes;
        this.bytePipes = bytePipes;
        this.fused = fused;
        this.single = pipes.length == 1 && bytePipes.length == 0 && fused.length == 0 ? pipes[0] : null;
    }

    @Override
    public void push(T item) {
        if (item == null) {
            throw nullItem(writer, name);
        }
        ItemPipe pipe = single;
        if (pipe != null) {
            if (!pipe.put(item)) {
                singleDrops++;
                dropped();
            }
            return;
        }
        pushed++;
        pushToAll(item);
    }

    @Override
    public boolean offer(T item) {
        if (item == null) {
            throw nullItem(writer, name);
        }
        // Offer never waits, so this is where a stream that only offers notices that the workflow stops.
        writer.checkNotStopping();
        for (ItemPipe pipe : pipes) {
            if (!pipe.dead() && !pipe.hasRoom()) {
                return false;
            }
        }
        for (ByteInputPipe pipe : bytePipes) {
            if (!pipe.dead() && !pipe.hasRoom()) {
                return false;
            }
        }
        for (FusedStep step : fused) {
            if (!step.roomForOne()) {
                return false;
            }
        }
        // Every live pipe has room, and only this thread writes to them: the push does not wait.
        push(item);
        return true;
    }

    private void pushToAll(T item) {
        boolean delivered = false;
        for (ItemPipe pipe : pipes) {
            delivered |= pipe.put(item);
        }
        if (bytePipes.length != 0) {
            delivered |= writeBytes(item);
        }
        for (FusedStep step : fused) {
            delivered |= step.deliver(item);
        }
        if (!delivered) {
            dropped();
        }
    }

    /** What pushing {@code null} to output {@code name} of {@code writer} throws. */
    static NullPointerException nullItem(RunningStream writer, String name) {
        return new NullPointerException(
                "stream '" + writer.name + "' pushed null to output '" + name + "': items must not be null");
    }

    private boolean writeBytes(T item) {
        if (!(item instanceof ByteBuffer view)) {
            throw new ClassCastException(
                    "stream '" + writer.name + "' pushed a " + item.getClass().getName() + " to output '" + name
                            + "', which pipes into a byte input: push ByteBuffers only");
        }
        boolean delivered = false;
        for (ByteInputPipe pipe : bytePipes) {
            delivered |= pipe.write(view);
        }
        return delivered;
    }

    /** No pipe took the item: it was discarded, or every reader of this output has ended. */
    private void dropped() {
        if (discarded) {
            // Nothing ever blocks a discarded output, so this is where a stream that only pushes
            // to discarded outputs notices that the workflow stops.
            writer.checkNotStopping();
        } else {
            writer.checkPipesAlive();
        }
    }

    /** Items pushed so far; from another thread, about that. */
    long pushed() {
        ItemPipe pipe = single;
        return pipe == null ? pushed : pipe.produced() + singleDrops;
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
