package io.mimo.runtime.engine;

import io.mimo.runtime.WorkflowListener;
import io.mimo.runtime.WorkflowSnapshot;
import io.mimo.runtime.engine.events.StallEvent;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The watcher of one run: a virtual thread of the run's own ({@code "<workflow>/watch"}) that calls
 * the listeners, serially, with what the streams {@link #post posted} (in order), a snapshot every
 * period, and the run's end; and that notices stalls. It never touches a stream's fast path: streams
 * post only on slow paths (an end, a failure, a growth, a deadlock), and only when someone listens.
 *
 * <h2>Stalls</h2>
 * A run stalls when, for the stall timeout, nothing has crossed any pipe (the counts that
 * {@link Scheduler#traffic()} adds up have not moved) and, when the watcher looks, no stream runs:
 * every live one waits, on a pipe or outside mimo (a lock, a socket, a sleep). A stream whose
 * thread runs (or waits for a carrier) is working, however slowly, and is no stall; a run in which
 * every live stream waits on a pipe is a deadlock, which the scheduler resolves or fails by itself.
 * A stall is reported once, to the listeners (or, with none, logged through {@link System.Logger}),
 * and as a JFR {@code io.mimo.Stall} event; again only after something has crossed since.
 */
final class Watcher implements Runnable {
    private static final System.Logger LOG = System.getLogger("io.mimo.runtime");
    /** The longest the watcher sleeps between two looks at the run's traffic. */
    private static final long MAX_TICK_NANOS = 1_000_000_000L;

    private final Scheduler run;
    private final List<WorkflowListener> listeners;
    /** Per listener: whether it has thrown yet (the first exception is logged louder). */
    private final boolean[] threw;

    private final long snapshotEveryNanos;
    private final long stallNanos;
    /** What the streams posted, for the listeners: a few per stream and pipe at most. */
    private final ConcurrentLinkedQueue<Posted> posted = new ConcurrentLinkedQueue<>();
    /** Set once, before any stream starts. */
    private Thread thread;

    private record Posted(String call, Consumer<WorkflowListener> delivery) {}

    Watcher(Scheduler run, Watch watch) {
        this.run = run;
        this.listeners = watch.listeners();
        this.threw = new boolean[listeners.size()];
        this.snapshotEveryNanos = watch.snapshotEvery().toNanos();
        this.stallNanos = watch.stallTimeout().toNanos();
    }

    /** Makes the watcher's thread, not started: before the streams start, so they may wake it. */
    Thread thread() {
        thread = Thread.ofVirtual().name(run.workflow() + "/watch").unstarted(this);
        return thread;
    }

    /** Whether anyone listens: if not, streams post nothing. */
    boolean listened() {
        return !listeners.isEmpty();
    }

    /** Any thread: queues {@code delivery} (the listener call {@code call}) for the watcher, and wakes it. */
    void post(String call, Consumer<WorkflowListener> delivery) {
        if (listened()) {
            posted.add(new Posted(call, delivery));
            LockSupport.unpark(thread);
        }
    }

    /** The run's last stream has ended: the watcher delivers what is left and ends. */
    void runEnded() {
        LockSupport.unpark(thread);
    }

    @Override
    public void run() {
        if (listened()) {
            WorkflowSnapshot first = run.snapshot();
            deliver("started", l -> l.started(first));
        }
        long now = System.nanoTime();
        long nextSnapshot = now + snapshotEveryNanos;
        long traffic = run.traffic();
        long quietSince = now;
        boolean reported = false;
        while (!run.isDone()) {
            drain();
            now = System.nanoTime();
            if (listened() && now - nextSnapshot >= 0) {
                WorkflowSnapshot snapshot = run.snapshot();
                deliver("snapshot", l -> l.snapshot(snapshot));
                nextSnapshot = now + snapshotEveryNanos;
            }
            long seen = run.traffic();
            if (seen != traffic) {
                traffic = seen;
                quietSince = now;
                reported = false;
            } else if (!reported && now - quietSince >= stallNanos) {
                reported = stalled(now - quietSince);
            }
            long sleep = Math.min(MAX_TICK_NANOS, Math.max(1_000_000L, stallNanos / 4));
            if (listened()) {
                sleep = Math.min(sleep, Math.max(0, nextSnapshot - now));
            }
            LockSupport.parkNanos(this, Math.max(1_000_000L, sleep));
        }
        // Every stream has ended: what they posted is all in the queue.
        drain();
        if (listened()) {
            WorkflowSnapshot last = run.snapshot();
            deliver("ended", l -> l.ended(last));
        }
    }

    /**
     * Nothing crossed for {@code quiet} nanoseconds: reports a stall if no stream runs and the run
     * neither stops nor deadlocked; whether it did (if not, a stream works: look again later).
     */
    private boolean stalled(long quiet) {
        String message = run.stallMessage(quiet);
        if (message == null) {
            return false;
        }
        StallEvent event = new StallEvent();
        if (event.isEnabled()) {
            event.workflow = run.workflow();
            event.stalledFor = quiet;
            event.message = message;
            event.commit();
        }
        if (listened()) {
            WorkflowSnapshot snapshot = run.snapshot();
            deliver("stalled", l -> l.stalled(message, snapshot));
        } else {
            LOG.log(Level.WARNING, message);
        }
        return true;
    }

    private void drain() {
        for (Posted next = posted.poll(); next != null; next = posted.poll()) {
            deliver(next.call(), next.delivery());
        }
    }

    /** Calls every listener; what one throws is logged and goes no further. */
    private void deliver(String call, Consumer<WorkflowListener> delivery) {
        for (int i = 0; i < listeners.size(); i++) {
            WorkflowListener listener = listeners.get(i);
            try {
                delivery.accept(listener);
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable t) {
                Level level = threw[i] ? Level.DEBUG : Level.WARNING;
                threw[i] = true;
                LOG.log(
                        level,
                        () -> "workflow '" + run.workflow() + "': listener " + listener + " threw from " + call
                                + "; the run goes on, and the listener is still called",
                        t);
            }
        }
    }
}
