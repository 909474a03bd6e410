package io.mimo.runtime;

import java.time.Duration;

/** A workflow started with {@link Workflow#start()}: await it, time it out, or cancel it. */
public interface Execution {

    /**
     * Blocks until every stream has ended.
     *
     * @throws WorkflowException if a stream failed, the workflow deadlocked or was cancelled, or the
     *     waiting thread was interrupted (the workflow is then cancelled)
     * @throws IllegalStateException if called by a stream of this workflow, which would wait for itself
     */
    void await();

    /**
     * As {@link #await()}, for at most {@code timeout}.
     *
     * @return {@code true} if the workflow ended in time, {@code false} if it is still running
     */
    boolean await(Duration timeout);

    /** Interrupts every stream; {@link #await()} then throws. Does nothing once the workflow has ended. */
    void cancel();

    /** Whether every stream has ended. */
    boolean isDone();

    /**
     * What the run looks like now: each stream's state, counts and times, each pipe's fill and
     * traffic, and the {@linkplain WorkflowSnapshot#bottleneck() bottleneck}. Safe from any thread,
     * while the run goes on (it is not stopped or slowed; the numbers are read as they are) and
     * after it ended (then they are exact). A fused pipe is counted only when the run is watched
     * ({@link Workflow#counting(boolean)}, or a listener); otherwise its counts are {@code -1}.
     */
    WorkflowSnapshot snapshot();
}
