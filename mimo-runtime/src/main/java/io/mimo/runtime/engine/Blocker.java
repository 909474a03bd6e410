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

    /** For deadlock messages, completing "'join' …": {@code "waits for an item on 'join.right'"}. */
    String describeWait();
}
