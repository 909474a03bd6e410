package io.mimo.runtime;

/**
 * Hears what happens in a run of a workflow ({@link Workflow#listener(WorkflowListener)}): its start,
 * each stream's end or failure, pipes growing, stalls, a deadlock, a snapshot every
 * {@link Workflow#snapshotEvery() period}, and its end. Every method does nothing unless overridden.
 *
 * <h2>Which thread</h2>
 * Every call is made by one thread of the run's own, its watcher (a virtual thread named
 * {@code "<workflow>/watch"}), never by a stream: so a listener is called serially, in the order
 * things happened, and a slow listener slows no stream (events wait for it in a queue: a few per
 * stream, and one per growth of a pipe). The watcher starts with the run and ends after {@link #ended} returns; the run's
 * {@code await()} returns only then, so a listener has heard everything when the run is over.
 *
 * <h2>Exceptions</h2>
 * What a listener throws does not reach the run, which goes on as if the call had returned: the
 * first exception of each listener is logged through {@link System.Logger} (logger
 * {@code io.mimo.runtime}, level {@code WARNING}, naming the workflow, the listener and the call),
 * later ones at level {@code DEBUG}; the listener is still called afterwards.
 */
public interface WorkflowListener {

    /** The run has started: every stream's thread is started. {@code snapshot} shows its streams and pipes. */
    default void started(WorkflowSnapshot snapshot) {}

    /** Stream {@code stream} has ended normally, or quietly (the run stopped, or its readers all ended). */
    default void streamEnded(String stream) {}

    /** Stream {@code stream} threw {@code failure}: the first failure stops the run, later ones come too. */
    default void streamFailed(String stream, Throwable failure) {}

    /**
     * Deadlock resolution doubled pipe {@code pipe} ({@code "a.out -> b.in"}) from {@code from} to
     * {@code to} items (or bytes).
     */
    default void pipeGrew(String pipe, long from, long to) {}

    /**
     * Nothing has crossed any pipe for {@link Workflow#stallTimeout() the stall timeout} while no
     * stream was running, and the run is not deadlocked: some stream waits outside mimo (on a lock,
     * a socket, a sleep, a latch). {@code message} names who waits on what, as a deadlock's does;
     * {@code snapshot} is the run at that instant. Called once per stall: again only after
     * something has crossed a pipe since.
     */
    default void stalled(String message, WorkflowSnapshot snapshot) {}

    /** The run deadlocked and stops; {@code message} is the one its {@link WorkflowException} carries. */
    default void deadlocked(String message) {}

    /** The run now, every {@link Workflow#snapshotEvery() period} while it runs. */
    default void snapshot(WorkflowSnapshot snapshot) {}

    /** The run has ended (every stream's thread has); {@code snapshot} has its exact final counts. */
    default void ended(WorkflowSnapshot snapshot) {}
}
