package io.mimo.runtime.engine;

import io.mimo.runtime.engine.events.PipeWaitEvent;
import io.mimo.runtime.graph.StepView;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One stream of a run, as the scheduler and the pipes see it: its name, its ports' ends, its
 * pipes, and what it waits on. A {@link ThreadedStream} runs on a virtual thread of its own; a
 * {@link FusedStep} is an element step called on the thread of the stream at the head of its
 * chain, its {@link #host}, and waits, fails and ends as itself all the same.
 */
abstract sealed class RunningStream permits ThreadedStream, FusedStep {
    private static final VarHandle WAITING_ON;

    static {
        try {
            WAITING_ON = MethodHandles.lookup().findVarHandle(RunningStream.class, "waitingOn", Blocker.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Scheduler scheduler;
    final String name;
    /** Its step's index in the graph that runs (parallel steps expanded). */
    final int index;
    /** The ends of its ports, which its body or handler reads and writes. */
    final StreamEnds ends;
    /** Every pipe out of this stream, of every kind: closed when it ends. */
    final List<Pipe> writes = new ArrayList<>();
    /** Every pipe into this stream, of every kind: killed when it ends. */
    final List<Pipe> reads = new ArrayList<>();
    /** The thread it runs on (its host's, for a fused step). Set once, before any thread starts. */
    Thread thread;

    /**
     * What this stream waits on, or {@code null} while it runs. Set by the stream itself; cleared
     * by compare-and-set, so that a late waker cannot clear a newer wait of the same stream with
     * another blocker; cleared under the scheduler's lock once the wait is {@link #confirmed}.
     */
    volatile Blocker waitingOn;
    /**
     * What this stream waits for while it yields before announcing a wait ({@link #await}) or for a
     * batch ({@link #awaitBatch}), or {@code null}: to the scheduler it is still running, but the
     * other side of a pipe need not wait for it to make a batch ({@link #threadWaits()}). Volatile,
     * read by other streams; written twice per wait, never per item.
     */
    volatile Blocker yieldingOn;
    /** Guarded by the scheduler's lock: {@code waitingOn} is confirmed and counted as blocked. */
    boolean confirmed;

    // Time waited, for snapshots: plain fields written by the owner's thread alone, and only on the
    // slow path of a wait (after the yields), so an item that does not wait pays nothing; a
    // snapshot reads them racily (a wait under way shows a little late) and exactly after the run,
    // whose threads are joined.
    /** Owner's thread: nanoseconds waited for items (or bytes) on inputs, waits under way excluded. */
    long itemWaitNanos;
    /** Owner's thread: nanoseconds waited for room in pipes, waits under way excluded. */
    long roomWaitNanos;
    /**
     * Owner's thread: when the wait under way began. Written before {@link #waitingOn} is published,
     * so a snapshot that sees the wait (a volatile read) sees when it began.
     */
    long waitStartNanos;
    /** Set once, when it threw a genuine failure (not an engine signal): for snapshots. */
    volatile boolean failed;

    /** What it declared it will write in all ({@code Context.expect}), or -1: for snapshots. */
    volatile long expected = -1;

    /** The item pipes among {@link #writes}: their readers may have missed a wake-up (see {@link ItemPipe}). */
    private final List<Pipe> itemWrites = new ArrayList<>();

    /**
     * Pipes out of this stream whose reader is still running, plus one per discarded output, plus
     * one per element step fused into its outputs that has not died.
     */
    private final AtomicInteger livePipes = new AtomicInteger();

    /** Element steps fused into this stream's outputs, in wiring order. */
    final List<FusedStep> fusedTargets = new ArrayList<>();

    RunningStream(Scheduler scheduler, StepView step) {
        this.scheduler = scheduler;
        this.name = step.name();
        this.index = step.index();
        this.ends = new StreamEnds(this, step);
    }

    /** The stream whose thread runs this one: itself, or for a fused step the head of its chain. Set while wiring. */
    ThreadedStream host;

    /** Wiring: {@code target}, an element step, is fused into one of this stream's outputs. */
    final void feeds(FusedStep target) {
        fusedTargets.add(target);
        livePipes.incrementAndGet();
    }

    /** Wiring: a discarded output, which pushes reach forever. */
    void addDiscardedOutput() {
        livePipes.incrementAndGet();
    }

    /** Wiring: this stream writes to {@code pipe}. */
    void writesTo(Pipe pipe) {
        writes.add(pipe);
        if (pipe instanceof ItemPipe) {
            itemWrites.add(pipe);
        }
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

    /** On this stream's thread: throws if the workflow is stopping or the thread was interrupted. */
    void checkNotStopping() {
        boolean interrupted = Thread.currentThread().isInterrupted();
        // The run sets stopping before it interrupts, and an interrupt happens-before its
        // detection, so an interrupt from the run is always seen together with stopping.
        if (scheduler.stopping) {
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
     * <p>First we yield a little ({@link #yieldForBatch}): the partner is most likely running
     * and about to make the blocker ready, and parking and waking cost microseconds. Then we wait.
     *
     * <p>Race-freedom. The deadlock detector must never count a stream as blocked while a wake-up
     * for it is under way, and no wake-up may be lost. (1) We publish {@code waitingOn} (volatile)
     * and then re-check {@code blocker.ready()}; a waker publishes its change and then reads
     * {@code waitingOn}. When the change is a synchronization action (a volatile index or flag, a
     * lock), volatile accesses being totally ordered, either we see its change and do not block,
     * or it sees us waiting and wakes us (Dekker). An item pipe's fast path publishes with a mere
     * release store, so its waker may miss us: see (4). (2) A waker clears {@code waitingOn}, and
     * uncounts us, under the run's lock, before it unparks us and while it is itself running: the
     * wake-up is counted before we resume, and a running waker is never counted as blocked.
     * (3) We count ourselves blocked, under the same lock, only if {@code waitingOn} is still set
     * after the re-check failed. (4) A wake-up missed by an item pipe's fast path is made good
     * three ways: the waker pays what it may owe before it blocks itself ({@link #wakePartners});
     * the deadlock detector, when it finds every live stream counted blocked, looks again (under
     * the lock, which makes every write made before any of them counted itself visible) at each
     * blocker and wakes a stream whose blocker is ready ({@link Blocker#readyUnseen}), so that
     * "blocked == live" is a deadlock only when every live stream waits for something nobody
     * running can give, which is a true deadlock; and we look again ourselves now and then while
     * we park (a release store becomes visible eventually), for a waker that goes on running
     * without pushing, blocking or ending.
     */
    void await(Blocker blocker) {
        checkOwnThread(blocker);
        checkNotStopping();
        // Before we stop making progress: a partner parked on a pipe we made ready must not wait
        // through our yields (it may be what we wait for, as a writer broadcasting to us twice).
        wakePartners();
        if (yieldForBatch(blocker, YIELDS) || blocker.ready()) {
            return;
        }
        long start = System.nanoTime();
        waitStartNanos = start;
        try {
            park(blocker);
        } finally {
            waited(blocker, start);
        }
    }

    /** {@link #await}, after the yields: publishes the wait, and parks unless the blocker is ready. */
    private void park(Blocker blocker) {
        waitingOn = blocker;
        if (blocker.ready()) {
            // Not confirmed, so not counted: no lock needed. If a waker got here first, it already
            // cleared the wait (its unpark leaves a permit: a later park returns early, harmlessly).
            WAITING_ON.compareAndSet(this, blocker, null);
            return;
        }
        if (!scheduler.confirmBlocked(this, blocker)) {
            return;
        }
        PipeWaitEvent event = FlightEvents.beginWait();
        try {
            long recheck = FIRST_RECHECK_NANOS;
            while (waitingOn == blocker) {
                LockSupport.parkNanos(blocker, recheck);
                if (Thread.currentThread().isInterrupted() || scheduler.stopping) {
                    scheduler.cancelWait(this, blocker);
                    checkNotStopping();
                } else if (waitingOn == blocker && blocker.ready()) {
                    // A wake-up an item pipe's fast path missed (4): take it ourselves.
                    scheduler.cancelWait(this, blocker);
                    return;
                }
                recheck = Math.min(2 * recheck, LAST_RECHECK_NANOS);
            }
        } finally {
            FlightEvents.endWait(event, this, blocker);
        }
    }

    /**
     * On this stream's thread: waits until {@code blocker} is ready, someone who made it ready wakes
     * us, or {@code nanos} have passed. Unlike {@link #await}, the wait is never counted as
     * blocked: a stream that goes on by itself when the time is up is no part of a deadlock. It is
     * published all the same ({@link #waitingOn}), so that a waker unparks us at once; what a
     * waker's fast path misses, we see at our next look (we park for a short while at a time).
     */
    void awaitTimed(Blocker blocker, long nanos) {
        checkOwnThread(blocker);
        checkNotStopping();
        wakePartners();
        long start = System.nanoTime();
        long deadline = start + nanos;
        waitStartNanos = start;
        waitingOn = blocker;
        PipeWaitEvent event = FlightEvents.beginWait();
        try {
            long recheck = FIRST_RECHECK_NANOS;
            while (waitingOn == blocker && !blocker.ready()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                LockSupport.parkNanos(blocker, Math.min(left, recheck));
                if (Thread.currentThread().isInterrupted() || scheduler.stopping) {
                    checkNotStopping();
                }
                recheck = Math.min(2 * recheck, LAST_RECHECK_NANOS);
            }
        } finally {
            // Never confirmed, so never counted: clearing needs no lock. A waker that cleared it
            // first left an unpark permit, which makes a later park return early, harmlessly.
            WAITING_ON.compareAndSet(this, blocker, null);
            FlightEvents.endWait(event, this, blocker);
            waited(blocker, start);
        }
    }

    /** Owner's thread, at the end of a wait that began at {@code start}: adds it up by kind. */
    private void waited(Blocker blocker, long start) {
        long nanos = System.nanoTime() - start;
        if (blocker instanceof Pipe) {
            roomWaitNanos += nanos;
        } else {
            itemWaitNanos += nanos;
        }
    }

    private void checkOwnThread(Blocker blocker) {
        if (Thread.currentThread() != thread) {
            throw new IllegalStateException(
                    "'" + blocker + "' belongs to stream '" + name + "': use it on the stream's own thread only");
        }
    }

    /** Owner's thread: where the next {@link Select} among {@code n} inputs starts looking, one further each time. */
    int nextSelectStart(int n) {
        int start = Math.floorMod(selectRound, n);
        selectRound++;
        return start;
    }

    /** Owner's thread only: counts {@link Select}s, for their fairness. */
    private int selectRound;

    /**
     * Whether one more item pushed to this stream's outputs would find room everywhere it goes
     * without waiting: in every live pipe out of it, and (for the steps fused into it, which it
     * would call) in theirs. For {@code Output.offer}; a step that pushes several items for one
     * may still wait.
     */
    boolean roomForOne() {
        for (int i = 0, n = writes.size(); i < n; i++) {
            Pipe pipe = writes.get(i);
            if (!pipe.dead() && !pipe.hasRoom()) {
                return false;
            }
        }
        for (int i = 0, n = fusedTargets.size(); i < n; i++) {
            if (!fusedTargets.get(i).roomForOne()) {
                return false;
            }
        }
        return true;
    }

    /** How long a waiting stream parks before it first looks again by itself; doubled each time, up to the last. */
    private static final long FIRST_RECHECK_NANOS = 100_000;

    private static final long LAST_RECHECK_NANOS = 100_000_000;

    /** How many times a stream yields, looking again each time, before it announces a wait ({@link #await}). */
    private static final int YIELDS = 32;

    /**
     * Before announcing a wait, or while waiting for a batch: looks at {@code blocker} again up to
     * {@code times} times, giving the carrier to another virtual thread between looks. The partner is most likely running, on another carrier
     * or waiting for this one, and about to make the blocker ready; parking and being woken costs
     * microseconds (a lock, a timer, an unpark), about what these yields cost when nobody else
     * runs. Spinning in place (onSpinWait) was measured slower: each look pulls the partner's
     * index's cache line away from it, while a yield lets it work through a batch meanwhile.
     * It waits for a batch ({@link Blocker#readyForBatch()}); the caller settles for less after
     * the last yield. Nothing is published but {@link #yieldingOn}: to the run this stream is
     * still running, so nobody needs to wake it.
     *
     * @return whether a batch was ready
     */
    @SuppressWarnings("ThreadPriorityCheck") // measured: a yield beats parking and spinning here, as said above
    private boolean yieldForBatch(Blocker blocker, int times) {
        yieldingOn = blocker;
        try {
            for (int i = 0; i < times; i++) {
                Thread.yield();
                if (blocker.readyForBatch()) {
                    return true;
                }
            }
            return false;
        } finally {
            yieldingOn = null;
        }
    }

    /**
     * On this stream's thread, which found fewer items than a batch on {@code blocker} while their
     * writer is at work: yields a few times, until the writer has written a batch or waits itself
     * ({@link Blocker#readyForBatch()}). Announces no wait: to the others this stream still runs.
     * The caller takes what there is afterwards, a batch or not, so an item waits at most a few
     * yields for the ones after it.
     */
    void awaitBatch(Blocker blocker) {
        checkNotStopping();
        wakePartners();
        yieldForBatch(blocker, BATCH_YIELDS);
    }

    /** How many times a stream yields at most while waiting for a batch ({@link #awaitBatch}). */
    private static final int BATCH_YIELDS = 4;

    /**
     * Whether the thread this stream runs on waits in mimo now, yielding or parked, as its own
     * stream or as a step fused onto it: then it adds to (or takes from) none of its pipes until
     * someone else moves. Read by the other side of a pipe waiting for a batch
     * ({@link Blocker#readyForBatch()}); a stale answer only delays that side by a few yields.
     */
    boolean threadWaits() {
        ThreadedStream thread = host;
        if (thread.waits()) {
            return true;
        }
        for (int i = 0, n = thread.fusedOnThread.size(); i < n; i++) {
            if (thread.fusedOnThread.get(i).waits()) {
                return true;
            }
        }
        return false;
    }

    /** Whether this stream yields for, or waits on, a blocker now. */
    final boolean waits() {
        return yieldingOn != null || waitingOn != null;
    }

    /**
     * On this stream's thread, before it waits: wakes each partner that waits on a pipe this
     * stream made ready, which its fast path may have missed (an item pipe's), or whose wake-up it
     * deferred (a reader wakes a waiting writer only once it has read half its pipe,
     * {@link Pipe#afterRead}). Each pipe's index is first stored again with a volatile store (a
     * full fence), so this is a true Dekker pair with a partner that announces its wait and then
     * re-checks: either we see it waiting here, or it sees what we did. So what we owe is paid,
     * or not owed, from here on, as long as we neither push nor take, which is the case while we
     * yield and wait.
     */
    private void wakePartners() {
        // A fused step pushes on its host's thread, so the thread that waits owes its steps' wake-ups too.
        ThreadedStream thread = host;
        for (int i = 0, n = thread.reads.size(); i < n; i++) {
            thread.reads.get(i).wakeWriterIfRoom();
        }
        thread.wakeItemReaders();
        for (int i = 0, n = thread.fusedOnThread.size(); i < n; i++) {
            thread.fusedOnThread.get(i).wakeItemReaders();
        }
    }

    final void wakeItemReaders() {
        for (int i = 0, n = itemWrites.size(); i < n; i++) {
            itemWrites.get(i).wakeReaderIfData();
        }
    }

    /** Clears the wait on {@code blocker} if it is still this stream's; whether it was. */
    boolean clearWait(Blocker blocker) {
        return WAITING_ON.compareAndSet(this, blocker, null);
    }

    /**
     * This stream's thread, at its end: closes its outputs and kills its inputs, waking who waits;
     * the steps fused into its outputs end too.
     */
    void disconnect() {
        writes.forEach(Pipe::close);
        reads.forEach(Pipe::kill);
        fusedTargets.forEach(FusedStep::end);
    }

    /**
     * Who runs on this stream's thread, for messages: {@code 'range'}, or for a fused step the
     * thread's stream and the fused steps under way, {@code 'range' (running 'square', 'inc' fused)}.
     */
    String who() {
        if (!(this instanceof FusedStep)) {
            return "'" + name + "'";
        }
        Deque<String> path = new ArrayDeque<>();
        for (RunningStream step = this; step instanceof FusedStep fused; step = fused.feeder) {
            path.addFirst("'" + step.name + "'");
        }
        return "'" + host.name + "' (running " + String.join(", ", path) + " fused)";
    }

    @Override
    public String toString() {
        return name;
    }
}
