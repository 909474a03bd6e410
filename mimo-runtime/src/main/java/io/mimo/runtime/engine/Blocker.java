package io.mimo.runtime.engine;

/**
 * What a stream can block on: room in a pipe, or an item (or the end) on an input. Every kind of
 * pipe blocks through {@link StreamRun#await(Blocker)} with one of these, so waiting, waking,
 * stopping and deadlock detection work the same for all of them.
 */
interface Blocker {

    /**
     * Whether the waiting stream could go on now. Called by the waiting stream itself, after it
     * has published that it waits; reads only state that the waker publishes before waking it.
     */
    boolean ready();

    /**
     * Whether the waiting stream could go on now, judged under the run's lock by another stream
     * (the deadlock detector), while the waiting stream is counted blocked: reads nothing that only
     * the waiting stream may read and changes nothing. It matters only for a blocker whose wakers
     * may miss the wait (an item pipe's fast path, see {@link ItemPipe}); for one whose every
     * waker reliably wakes (lock-ordered, like a byte pipe's) it may answer {@code false}.
     */
    default boolean readyUnseen() {
        return false;
    }

    /** For deadlock messages, completing "'join' …": {@code "waits for an item on 'join.right'"}. */
    String describeWait();
}
