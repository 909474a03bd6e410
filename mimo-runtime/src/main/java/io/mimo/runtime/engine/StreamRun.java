package io.mimo.runtime.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/** One stream of a run: its body, its thread, its ports' ends, and what it waits on. */
final class StreamRun implements Runnable {
    private static final VarHandle WAITING_ON;

    static {
        try {
            WAITING_ON = MethodHandles.lookup().findVarHandle(StreamRun.class, "waitingOn", Blocker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Run run;
    final String name;
    private final Plan.Body body;
    final StreamContext context;
    /** Every pipe out of this stream, of every kind: closed when it ends. */
    private final List<Pipe> writes = new ArrayList<>();
    /** Every pipe into this stream, of every kind: killed when it ends. */
    private final List<Pipe> reads = new ArrayList<>();
    /** Set once, before any thread starts. */
    Thread thread;

    /**
     * What this stream waits on, or {@code null} while it runs. Set by the stream itself; cleared
     * by compare-and-set, so that a late waker cannot clear a newer wait of the same stream with
     * another blocker; cleared under the run's lock once the wait is {@link #confirmed}.
     */
    volatile Blocker waitingOn;
    /** Guarded by the run's lock: {@code waitingOn} is confirmed and counted as blocked. */
    boolean confirmed;

    /** Pipes into this stream whose writer it owes a wake-up, due before it blocks. */
    private final List<Pipe> deferredWakes = new ArrayList<>();

    /** Pipes out of this stream whose reader is still running, plus one per discarded output. */
    private final AtomicInteger livePipes = new AtomicInteger();

    StreamRun(Run run, Plan.Node node) {
        this.run = run;
        this.name = node.name();
        this.body = node.body();
        this.context = new StreamContext(this, node);
    }

    /** Wiring: a discarded output, which pushes reach forever. */
    void addDiscardedOutput() {
        livePipes.incrementAndGet();
    }

    /** Wiring: this stream writes to {@code pipe}. */
    void writesTo(Pipe pipe) {
        writes.add(pipe);
        livePipes.incrementAndGet();
    }

    /** Wiring: this stream reads from {@code pipe}. */
    void readsFrom(Pipe pipe) {
        reads.add(pipe);
    }

    /** A reader of one of this stream's pipes has ended. */
    void pipeDied() {
        livePipes.decrementAndGet();
    }

    /** After a push reached no pipe: ends the stream quietly if no push ever can again. */
    void checkPipesAlive() {
        if (livePipes.get() == 0) {
            throw Signal.BrokenPipe.INSTANCE;
        }
    }

    /** On this stream's thread: {@code pipe}'s writer waits for room; wake it before blocking. */
    void deferWake(Pipe pipe) {
        deferredWakes.add(pipe);
    }

    /** On this stream's thread: throws if the workflow is stopping or the thread was interrupted. */
    void checkNotStopping() {
        boolean interrupted = Thread.currentThread().isInterrupted();
        // The run sets stopping before it interrupts, and an interrupt happens-before its
        // detection, so an interrupt from the run is always seen together with stopping.
        if (run.stopping) {
            throw Signal.Stopped.INSTANCE;
        }
        if (interrupted) {
            Thread.interrupted();
            throw new IllegalStateException("stream '" + name
                    + "' was interrupted while the workflow was running; only the workflow stops its streams");
        }
    }

    /**
     * On this stream's thread: waits until {@code blocker} is ready, or someone who made it ready
     * wakes us. Callers loop on their own condition, so returning early is harmless.
     *
     * <p>Race-freedom. The deadlock detector must never count a stream as blocked while a wake-up
     * for it is under way, and no wake-up may be lost. (1) We publish {@code waitingOn} (volatile)
     * and then re-check {@code blocker.ready()}; a waker publishes its change (a volatile index or
     * flag) and then reads {@code waitingOn}. Volatile accesses are totally ordered, so either we
     * see its change and do not block, or it sees us waiting and wakes us (Dekker). (2) A waker
     * clears {@code waitingOn}, and uncounts us, under the run's lock, before it unparks us and
     * while it is itself running: the wake-up is counted before we resume, and a running waker is
     * never counted as blocked. (3) We count ourselves blocked, under the same lock, only if
     * {@code waitingOn} is still set after the re-check failed. So "blocked == live" under the lock
     * means every live stream re-checked and found nothing to do, and nobody running could change
     * that: a true deadlock.
     */
    void await(Blocker blocker) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException("'" + blocker + "' belongs to stream '" + name
                    + "': use it on the stream's own thread only");
        }
        checkNotStopping();
        if (!deferredWakes.isEmpty()) {
            deferredWakes.forEach(Pipe::wakeWriter);
            deferredWakes.clear();
        }
        waitingOn = blocker;
        if (blocker.ready()) {
            // Not confirmed, so not counted: no lock needed. If a waker got here first, it already
            // cleared the wait (its unpark leaves a permit: a later park returns early, harmlessly).
            WAITING_ON.compareAndSet(this, blocker, null);
            return;
        }
        if (!run.confirmBlocked(this, blocker)) {
            return;
        }
        while (waitingOn == blocker) {
            LockSupport.park(blocker);
            if (Thread.currentThread().isInterrupted() || run.stopping) {
                run.cancelWait(this, blocker);
                checkNotStopping();
            }
        }
    }

    /** Clears the wait on {@code blocker} if it is still this stream's; whether it was. */
    boolean clearWait(Blocker blocker) {
        return WAITING_ON.compareAndSet(this, blocker, null);
    }

    @Override
    public void run() {
        Throwable thrown = null;
        try {
            if (!run.stopping) {
                body.run(context);
                context.flushByteOutputs();
            }
        } catch (Throwable t) {
            thrown = t;
        }
        run.streamEnded(this, thrown);
    }

    /** This stream's thread, at its end: closes its outputs and kills its inputs, waking who waits. */
    void disconnect() {
        writes.forEach(Pipe::close);
        reads.forEach(Pipe::kill);
    }

    @Override
    public String toString() {
        return name;
    }
}
