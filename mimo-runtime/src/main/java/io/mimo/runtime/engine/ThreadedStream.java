package io.mimo.runtime.engine;

import io.mimo.runtime.graph.StepView;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A stream with a virtual thread of its own: it runs its step's body once, and with it the element
 * steps fused into its outputs (directly or through one another), whose pushes it makes.
 */
final class ThreadedStream extends RunningStream implements Runnable {
    private final StepView step;
    /** The element steps fused onto this thread, in the order they were wired. */
    final List<FusedStep> fusedOnThread = new ArrayList<>();
    /** When it ended ({@link System#nanoTime()}): written once, before {@link #finished}. */
    long endNanos;
    /** Set once, when it has ended and disconnected: for snapshots. */
    volatile boolean finished;

    ThreadedStream(Scheduler scheduler, StepView step) {
        super(scheduler, step);
        this.step = step;
        this.host = this;
    }

    /**
     * The thread's body: opens the fused steps, runs the step's body, and hands over what its byte
     * outputs and theirs still hold. Whatever it throws, {@link Error}s included, is reported to
     * the scheduler, which tells a failure from an engine signal; the stream then ends.
     */
    @Override
    public void run() {
        Throwable thrown = null;
        try {
            if (!scheduler.stopping) {
                List<FusedStep> chain = fusedChain();
                // Downstream first, so that what an open pushes finds its fused readers open.
                for (int i = chain.size() - 1; i >= 0; i--) {
                    chain.get(i).open();
                }
                step.run(ends);
                ends.flushByteOutputs();
                for (FusedStep fused : chain) {
                    fused.flush();
                }
            }
        } catch (Throwable t) {
            thrown = t;
        }
        scheduler.streamEnded(this, thrown);
    }

    /** The steps fused into this stream, directly or through one another, upstream first (depth first). */
    private List<FusedStep> fusedChain() {
        List<FusedStep> chain = new ArrayList<>();
        Deque<FusedStep> todo = new ArrayDeque<>();
        pushReversed(fusedTargets, todo);
        while (!todo.isEmpty()) {
            FusedStep next = todo.pop();
            chain.add(next);
            pushReversed(next.fusedTargets, todo);
        }
        return chain;
    }

    private static void pushReversed(List<FusedStep> steps, Deque<FusedStep> todo) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            todo.push(steps.get(i));
        }
    }
}
