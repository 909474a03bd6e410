package io.mimo.runtime.engine;

import io.mimo.runtime.ElementStep;
import io.mimo.runtime.Output;
import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;

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
 * <h2>Counting, or not</h2>
 * Each copy also carries, as its class data, whether it counts the items pushed for snapshots
 * ({@link #COUNTING}): a static final of the copy, so the JIT folds the test away and a copy that
 * does not count pays nothing per item, not even the test. Counting costs a store per item and step
 * on the fused chain's hot loop (a fifth of a five-step chain's time, measured), so a run counts
 * only when it is watched ({@code Workflow.counting}, or a listener). This class itself, serving
 * where copies cannot be made, always counts.
 *
 * <p>The copies share nothing with this class but its code: it must stay a top-level class with
 * no lambda, no string concatenation and no nested class (those would refer to the original).
 */
final class FusedOutputEnd<T> implements Output<T>, FusedOutputEnds.Cut {
    /**
     * Whether this class counts {@link #pushed}: the class data {@link FusedOutputEnds} gave this
     * copy, or {@code true} for the original class, which has none.
     */
    private static final boolean COUNTING = counting();

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
     * Items pushed, for snapshots, when this copy {@link #COUNTING counts}: a plain field of the
     * host's thread alone, one increment per item on this object's line, which the push reads
     * anyway. The memory order is that of every count a snapshot reads: plain stores by one owner
     * thread, read racily (a little late) while the run goes on, and exactly after it, whose
     * threads are joined (the join orders every store before the read).
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
        if (COUNTING) {
            pushed++;
        }
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
        return COUNTING ? pushed : -1;
    }

    @Override
    public long delivered() {
        long atCut = pushedAtCut;
        return !COUNTING ? -1 : atCut < 0 ? pushed : atCut;
    }

    private static boolean counting() {
        try {
            Boolean counting =
                    MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, Boolean.class);
            return counting == null || counting;
        } catch (IllegalAccessException e) {
            // Not a copy with class data: the original, which counts.
            return true;
        }
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
