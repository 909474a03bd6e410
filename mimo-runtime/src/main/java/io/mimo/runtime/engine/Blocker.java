package io.mimo.runtime.engine;

/**
 * What a stream can block on: room in a pipe, or an item (or the end) on an input. Every kind of
 * pipe blocks through {@link RunningStream#await(Blocker)} with one of these, so waiting, waking,
 * stopping and deadlock detection work the same for all of them.
 */
interface Blocker {

    /**
     * Whether the waiting stream could go on now. Called by the waiting stream itself, after it
     * has published that it waits; reads only state that the waker publishes before waking it.
     */
    boolean ready();

    /**
     * Whether the waiting stream could go on now with a batch of work, not a single item or slot:
     * what it waits for while it yields, before it announces its wait ({@link RunningStream#await}).
     * The two sides of an item pipe that took turns item by item would both write the same cache
     * lines of slots, a transfer between cores per item; waiting a little for a batch (or until
     * the other side waits too, or ends, when no batch will come) lets each side work through
     * several lines of slots alone. Called by the waiting stream itself; changes nothing; the
     * answer may be stale. By default, {@link #ready()}.
     */
    default boolean readyForBatch() {
        return ready();
    }

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

    /**
     * Whether a stream waiting on this blocker waits, among other things, for data on
     * {@code input}, a reading end: so that a writer to {@code input} wakes it. By default, no
     * (a blocker waits for itself alone); a {@link Select} waits for each of its inputs.
     */
    default boolean waitsFor(Blocker input) {
        return false;
    }

    /** For deadlock messages, completing "'join' …": {@code "waits for an item on 'join.right'"}. */
    String describeWait();
}
