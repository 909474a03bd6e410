package io.mimo.runtime.engine;

import io.mimo.runtime.ElementStep;
import io.mimo.runtime.Output;

/**
 * The writing end of an item output whose only reader is one fused element step, with no pipe:
 * {@link #push(Object)} calls the step's handler, on the writer's thread, as
 * {@link FusedStep#deliver(Object)} does for an {@link ItemOutputEnd} that also feeds others.
 *
 * <h2>A copy per handler class</h2>
 * The JIT inlines a call whose receiver has had one class (or two) at that call site, and only
 * calls through the class's method table otherwise. One class serving every fused output would
 * make its handler call see every element step's handler, and a fused chain would cost a
 * non-inlined call, and the boxing and allocations the JIT could have removed, per item and step.
 * So {@link FusedOutputEnds#of} makes each output of this kind an instance of a copy of this class, a hidden
 * class defined from this class's own bytes, one per class of handler: its handler call sees one
 * class, and so does the {@code push} call of the step before it (its own code calls this output
 * only), and a chain inlines into one loop, like a chain of {@code java.util.stream} stages. The
 * copies live as long as their handler's class ({@link ClassValue}). Where this class's bytes
 * cannot be read or defined again, this class itself serves (correct, only slower).
 *
 * <p>The copies share nothing with this class but its code: it must stay a top-level class with
 * no lambda, no string concatenation and no nested class (those would refer to the original).
 */
final class FusedOutputEnd<T> implements Output<T>, FusedOutputEnds.Cut {
    private final RunningStream writer;
    private final String name;
    private final FusedStep step;
    /**
     * The step's handler, until the step ends: then {@link RunningStream#ENDED}, which throws
     * {@link Signal.BrokenPipe}, so that the fast path needs no test of its own for the end. Written
     * and read on the host's thread only.
     */
    private ElementStep.ItemHandler<Object> handler;
    /** The run, when the writer has a thread of its own (the head of the chain); {@code null} for a fused writer. */
    private final Scheduler root;
    /**
     * Items pushed, for snapshots: a plain field of the host's thread alone, one increment per item
     * on this object's line, which the push reads anyway (no fence, no allocation; the JIT keeps it
     * in a register across an inlined chain's loop at best, and stores it once per item at worst).
     * Read racily by snapshots, exactly after the run, whose threads are joined.
     */
    private long pushed;
    /** Host's thread: {@link #pushed} when the step ended ({@link #cut()}), or -1 while it takes items. */
    private long pushedAtCut = -1;

    FusedOutputEnd(RunningStream writer, String name, FusedStep step, ElementStep.ItemHandler<Object> handler) {
        this.writer = writer;
        this.name = name;
        this.step = step;
        this.handler = handler;
        this.root = writer instanceof ThreadedStream ? writer.scheduler : null;
    }

    @Override
    public void push(T item) {
        if (item == null) {
            throw ItemOutputEnd.nullItem(writer, name);
        }
        // A chain that never blocks must still stop when the run does. Every item of a chain
        // enters at its head, so only the head's output looks (a volatile read per item there).
        if (root != null && root.stopping) {
            throw Signal.Stopped.INSTANCE;
        }
        pushed++;
        try {
            handler.accept(item);
            return;
        } catch (Throwable t) {
            // Returns only if the step has died (SIGPIPE rule), or had ended: it drops the item.
            step.threw(t);
        }
        writer.checkPipesAlive();
    }

    @Override
    public boolean offer(T item) {
        if (item == null) {
            throw ItemOutputEnd.nullItem(writer, name);
        }
        if (!step.roomForOne()) {
            return false;
        }
        push(item);
        return true;
    }

    @Override
    public void cut() {
        handler = FusedStep.ENDED;
        pushedAtCut = pushed;
    }

    @Override
    public long pushed() {
        return pushed;
    }

    @Override
    public long delivered() {
        long atCut = pushedAtCut;
        return atCut < 0 ? pushed : atCut;
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
