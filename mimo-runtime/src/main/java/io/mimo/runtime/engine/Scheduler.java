package io.mimo.runtime.engine;

import io.mimo.runtime.Execution;
import io.mimo.runtime.WorkflowException;
import io.mimo.runtime.WorkflowSnapshot;
import io.mimo.runtime.engine.events.WorkflowRunEvent;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scheduler of one run of a workflow: its streams, their threads, and the scheduler state that only slow paths
 * touch (who is blocked, why the run stopped). The fast paths of pipes never take {@link #lock}.
 *
 * <p>Fused element steps ({@link FusedStep}) are streams without a thread: they run on
 * their host's, are not counted as live (a thread is), and may be the ones that wait, fail and
 * are named in messages.
 */
final class Scheduler implements Execution {
    private final String workflow;
    /** The graph that runs: parallel steps expanded, so a step per stream, by index. */
    private final WorkflowGraph graph;

    private final RunningStream[] streams;
    /**
     * When the run started ({@link System#nanoTime()}), once wired, right before {@link #start()}:
     * final, so a snapshot from a thread the run was handed to racily still sees it.
     */
    private final long startNanos;
    /** When its last stream ended: written before {@link #ended} counts down to zero. */
    private volatile long endNanos;
    /** The JFR event of the whole run, begun at its start, committed when its last stream ends. */
    private WorkflowRunEvent runEvent;

    /** The streams with a thread of their own: every stream but the fused steps. */
    private final ThreadedStream[] threaded;

    private final CountDownLatch ended;

    /** A ReentrantLock, not synchronized: virtual threads must not pin their carrier while waiting. */
    private final ReentrantLock lock = new ReentrantLock();
    /** Guarded by lock: streams with a thread, started and not ended. */
    private int live;
    /** Guarded by lock: live streams whose wait is confirmed. */
    private int blocked;
    /** Guarded by lock: why the run stopped first; {@code null} while it runs or once it succeeded. */
    private Stop stop;
    /** Guarded by lock: genuine failures after the first stop, reported as suppressed. */
    private final List<Throwable> laterFailures = new ArrayList<>();
    /** Set (under lock) together with {@link #stop}, before any stream is interrupted. */
    volatile boolean stopping;

    private record Stop(String message, String stream, Throwable cause) {}

    /**
     * Whether fused outputs count their items for snapshots ({@code Workflow.counting}): read by
     * {@link FusedStep#open()}, which picks the kind of {@link FusedOutputEnd} by it.
     */
    final boolean counting;

    /** Calls the listeners and notices stalls, on a thread of its own. */
    private final Watcher watcher;
    /** The watcher's thread: made before the streams start, joined with theirs. */
    private Thread watcherThread;

    Scheduler(WorkflowGraph graph, Fusion fusion, Watch watch) {
        this.counting = watch.counting();
        this.watcher = new Watcher(this, watch);
        this.workflow = graph.name();
        this.graph = graph;
        this.streams = Wiring.wire(this, graph, fusion);
        List<ThreadedStream> withThreads = new ArrayList<>();
        for (RunningStream stream : streams) {
            if (stream instanceof ThreadedStream threaded) {
                withThreads.add(threaded);
            }
        }
        this.threaded = withThreads.toArray(ThreadedStream[]::new);
        this.ended = new CountDownLatch(threaded.length);
        this.live = threaded.length;
        this.startNanos = System.nanoTime();
    }

    /** The workflow's name. */
    String workflow() {
        return workflow;
    }

    /** Every pipe of the run, for statistics. */
    List<Pipe> pipes() {
        List<Pipe> pipes = new ArrayList<>();
        for (RunningStream stream : streams) {
            pipes.addAll(stream.writes);
        }
        return pipes;
    }

    void start() {
        runEvent = FlightEvents.beginRun();
        FlightEvents.started(this);
        watcherThread = watcher.thread();
        for (ThreadedStream stream : threaded) {
            stream.thread =
                    Thread.ofVirtual().name(workflow + "/" + stream.name).unstarted(stream);
        }
        for (RunningStream stream : streams) {
            if (stream instanceof FusedStep) {
                stream.thread = stream.host.thread;
            }
        }
        for (ThreadedStream stream : threaded) {
            try {
                stream.thread.start();
            } catch (Throwable t) {
                // The stream never ran: end it here, as its own thread would have, so that nobody
                // waits for it.
                streamEnded(stream, t);
            }
        }
        // Last: its first call, started, sees every stream's thread started.
        watcherThread.start();
    }

    /**
     * What has crossed so far, in all: the sum of every pipe's crossed units and of every output's
     * pushed ones (those counted). Only its changes mean anything: the watcher's sign of life.
     */
    long traffic() {
        long sum = 0;
        for (RunningStream stream : streams) {
            for (Pipe pipe : stream.writes) {
                sum += pipe.crossed();
            }
            for (PortView port : graph.steps().get(stream.index).outputs()) {
                sum += Math.max(0, stream.ends.pushed(port.index()));
            }
        }
        return sum;
    }

    /**
     * The watcher found nothing crossing for {@code quiet} nanoseconds: the stall's message, naming
     * who waits on what as {@link #deadlockMessage()} does, or {@code null} if it is no stall: the
     * run stops or ended, or a stream runs (it works, slowly), or every live stream waits on a pipe
     * (a deadlock, which is the scheduler's to resolve).
     */
    String stallMessage(long quiet) {
        List<String> waits = new ArrayList<>();
        boolean outside = false;
        lock.lock();
        try {
            if (stopping || live == 0) {
                return null;
            }
            for (ThreadedStream stream : threaded) {
                if (stream.finished) {
                    continue;
                }
                RunningStream waiting = stream.waitingOn != null ? stream : null;
                for (FusedStep fused : stream.fusedOnThread) {
                    if (fused.waitingOn != null) {
                        waiting = fused;
                    }
                }
                Blocker blocker = waiting == null ? null : waiting.waitingOn;
                if (blocker != null) {
                    waits.add(waiting.who() + " " + blocker.describeWait());
                    continue;
                }
                Thread thread = stream.thread;
                Thread.State state = thread.getState();
                if (state == Thread.State.RUNNABLE || state == Thread.State.NEW) {
                    return null;
                }
                if (state != Thread.State.TERMINATED) {
                    waits.add(stream.who() + " waits outside mimo (" + state + ")" + waitsIn(thread));
                    outside = true;
                }
            }
        } finally {
            lock.unlock();
        }
        if (!outside) {
            return null;
        }
        return "stall in workflow '" + workflow + "': nothing has crossed a pipe for "
                + Duration.ofNanos(quiet).toMillis() / 1000.0 + " s and no stream runs: " + String.join("; ", waits)
                + ". If a stream may rightly wait that long, raise Workflow.stallTimeout";
    }

    /**
     * Where {@code thread} waits: the call into the JDK it waits in and the frame of the step's
     * code that made it ({@code " in java.util.concurrent.CountDownLatch.await, called from
     * com.example.Fetch.run(Fetch.java:42)"}), or nothing when its stack does not tell.
     */
    private static String waitsIn(Thread thread) {
        String jdkCall = null;
        for (StackTraceElement frame : thread.getStackTrace()) {
            String name = frame.getClassName();
            if (name.startsWith("java.") || name.startsWith("jdk.") || name.startsWith("sun.")) {
                jdkCall = name + "." + frame.getMethodName();
            } else {
                String at = name + "." + frame.getMethodName() + "(" + frame.getFileName() + ":" + frame.getLineNumber()
                        + ")";
                return (jdkCall == null ? " in " : " in " + jdkCall + ", called from ") + at;
            }
        }
        return jdkCall == null ? "" : " in " + jdkCall;
    }

    // ---- called by streams, on their own threads ----------------------------------------------

    /** The stream's body returned or threw: report, disconnect, and count it out. */
    void streamEnded(RunningStream stream, Throwable thrown) {
        try {
            if (thrown != null && !endsQuietly(thrown)) {
                failed(stream, thrown);
            }
            // After the failure is recorded: readers then see a stopping run, not an early end.
            stream.disconnect();
        } finally {
            if (stream instanceof ThreadedStream threadedStream) {
                threadedStream.endNanos = System.nanoTime();
                threadedStream.finished = true;
            }
            boolean deadlocked;
            boolean last;
            String outcome;
            lock.lock();
            try {
                live--;
                deadlocked = resolveDeadlock();
                last = live == 0;
                outcome = stop == null ? "succeeded" : stop.message();
            } finally {
                lock.unlock();
            }
            if (deadlocked) {
                interruptAll();
            }
            if (last) {
                endNanos = System.nanoTime();
                FlightEvents.ended(this);
                FlightEvents.endRun(runEvent, workflow, threaded.length, outcome);
            }
            if (stream instanceof ThreadedStream threadedStream && watcher.listened()) {
                postEnded(threadedStream);
            }
            ended.countDown();
            if (last) {
                watcher.runEnded();
            }
        }
    }

    /** Tells the listeners that {@code stream} and the steps fused into it have ended, but for those that failed. */
    private void postEnded(ThreadedStream stream) {
        for (FusedStep fused : stream.fusedOnThread) {
            if (!fused.failed) {
                watcher.post("streamEnded", l -> l.streamEnded(fused.name));
            }
        }
        if (!stream.failed) {
            watcher.post("streamEnded", l -> l.streamEnded(stream.name));
        }
    }

    /** {@code stream} (one with a thread, or a fused step on its host's) threw {@code thrown}, a genuine failure. */
    void failed(RunningStream stream, Throwable thrown) {
        stream.failed = true;
        watcher.post("streamFailed", l -> l.streamFailed(stream.name, thrown));
        String reason = thrown.getMessage() != null
                ? thrown.getMessage()
                : thrown.getClass().getName();
        if (stop(new Stop("stream '" + stream.name + "' failed: " + reason, stream.name, thrown))) {
            FlightEvents.failed(workflow, stream.name, thrown, true);
            return;
        }
        FlightEvents.failed(workflow, stream.name, thrown, false);
        lock.lock();
        try {
            laterFailures.add(thrown);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether a stream that threw {@code thrown} ended as it should: through an engine signal
     * (even wrapped by user code), or through an interruption the stopping run caused.
     */
    private boolean endsQuietly(Throwable thrown) {
        return signalIn(thrown) != null;
    }

    /**
     * The engine signal that {@code thrown} is or wraps ({@link Signal.Stopped} for an interruption
     * the stopping run caused), or {@code null} when it is a genuine failure.
     */
    Signal signalIn(Throwable thrown) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = thrown; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof Signal signal) {
                return signal;
            }
            if (stopping
                    && (t instanceof InterruptedException
                            || t instanceof InterruptedIOException
                            || t instanceof ClosedByInterruptException)) {
                return Signal.Stopped.INSTANCE;
            }
        }
        return null;
    }

    /**
     * {@code stream} found {@code blocker} not ready after publishing that it waits on it: counts
     * it as blocked unless someone woke it meanwhile, and handles the deadlock if it was the last
     * one running.
     *
     * @return {@code false} if it was woken meanwhile, or it found the deadlock that stops the run,
     *     and must not park: nobody might wake it (a thread whose stream waits on itself, alone or
     *     through steps fused into it)
     */
    boolean confirmBlocked(RunningStream stream, Blocker blocker) {
        boolean deadlocked;
        lock.lock();
        try {
            if (stream.waitingOn != blocker) {
                return false;
            }
            stream.confirmed = true;
            blocked++;
            deadlocked = resolveDeadlock();
            if (deadlocked) {
                release(stream, blocker);
            }
        } finally {
            lock.unlock();
        }
        if (deadlocked) {
            interruptAll();
        }
        return !deadlocked;
    }

    /** {@code stream} stops waiting on {@code blocker} by itself: it is stopping, or found the blocker ready. */
    void cancelWait(RunningStream stream, Blocker blocker) {
        lock.lock();
        try {
            release(stream, blocker);
        } finally {
            lock.unlock();
        }
    }

    /** {@code waker} made {@code blocker} ready: wakes {@code stream} if it still waits on it. */
    void wake(RunningStream stream, Blocker blocker) {
        boolean woken;
        lock.lock();
        try {
            woken = release(stream, blocker);
        } finally {
            lock.unlock();
        }
        if (woken) {
            LockSupport.unpark(stream.thread);
        }
    }

    /** Lock held: ends {@code stream}'s wait on {@code blocker}, uncounting it; whether it waited. */
    private boolean release(RunningStream stream, Blocker blocker) {
        if (!stream.clearWait(blocker)) {
            return false;
        }
        if (stream.confirmed) {
            stream.confirmed = false;
            blocked--;
        }
        return true;
    }

    /**
     * Lock held: if every live stream is blocked, grows the smallest full pipe a writer waits on
     * (Parks' bounded scheduling: the deadlock was artificial, caused by bounded pipes) and wakes
     * its writer; when there is none, or none can grow past its limit, stops the run. Item pipes
     * and byte pipes count in units that do not compare, so "smallest" means the smallest
     * fraction of its own kind's growth limit (among pipes of one kind: the smallest capacity).
     *
     * @return whether the run stopped, so that the caller interrupts the streams after unlocking
     */
    private boolean resolveDeadlock() {
        if (stopping || live == 0 || blocked < live) {
            return false;
        }
        // Every live stream is counted blocked, and every write any of them made before it counted
        // itself is visible here, through this lock. A stream whose blocker is ready all the same
        // lost its wake-up to an item pipe's fast path (see RunningStream.await): wake it, no deadlock.
        boolean woke = false;
        for (RunningStream stream : streams) {
            Blocker blocker = stream.waitingOn;
            if (stream.confirmed && blocker != null && blocker.readyUnseen() && release(stream, blocker)) {
                LockSupport.unpark(stream.thread);
                woke = true;
            }
        }
        if (woke) {
            return false;
        }
        Pipe smallest = null;
        for (RunningStream stream : streams) {
            if (stream.confirmed
                    && stream.waitingOn instanceof Pipe pipe
                    && pipe.capacity() < pipe.growthLimit
                    && (smallest == null
                            || (long) pipe.capacity() * smallest.growthLimit
                                    < (long) smallest.capacity() * pipe.growthLimit)) {
                smallest = pipe;
            }
        }
        long before = smallest == null ? 0 : smallest.capacity();
        if (smallest != null && smallest.grow(smallest.growthLimit)) {
            FlightEvents.grew(workflow, smallest, before);
            String grown = smallest.name;
            long after = smallest.capacity();
            watcher.post("pipeGrew", l -> l.pipeGrew(grown, before, after));
            if (release(smallest.writer, smallest)) {
                LockSupport.unpark(smallest.writer.thread);
            }
            return false;
        }
        stop = new Stop(deadlockMessage(), null, null);
        stopping = true;
        FlightEvents.deadlocked(workflow, stop.message());
        String message = stop.message();
        watcher.post("deadlocked", l -> l.deadlocked(message));
        return true;
    }

    /** Lock held, every live stream blocked: who waits on what. */
    private String deadlockMessage() {
        StringBuilder message = new StringBuilder("deadlock in workflow '")
                .append(workflow)
                .append("': every running stream is blocked on a pipe: ");
        Pipe fullItemPipe = null;
        Pipe fullBytePipe = null;
        boolean waitsForBytes = false;
        String separator = "";
        for (RunningStream stream : streams) {
            Blocker blocker = stream.waitingOn;
            if (stream.confirmed && blocker != null) {
                message.append(separator).append(stream.who()).append(' ').append(blocker.describeWait());
                separator = "; ";
                if (blocker instanceof ByteInputPipe pipe) {
                    fullBytePipe = pipe;
                } else if (blocker instanceof Pipe pipe) {
                    fullItemPipe = pipe;
                }
                waitsForBytes |= blocker instanceof ByteInputEnd;
            }
        }
        if (fullItemPipe != null && fullBytePipe != null) {
            message.append(". The full pipes cannot grow past the growth limits of ")
                    .append(fullItemPipe.growthLimit)
                    .append(" items and ")
                    .append(fullBytePipe.growthLimit)
                    .append(
                            " bytes: raise them with"
                                    + " Workflow.growthLimit and Workflow.byteGrowthLimit, or read the inputs in another order");
        } else if (fullItemPipe != null) {
            message.append(". The full pipes cannot grow past the growth limit of ")
                    .append(fullItemPipe.growthLimit)
                    .append(" items: raise it with Workflow.growthLimit, or read the inputs in another order");
        } else if (fullBytePipe != null) {
            message.append(". The full pipes cannot grow past the byte growth limit of ")
                    .append(fullBytePipe.growthLimit)
                    .append(" bytes: raise it with Workflow.byteGrowthLimit, or read the inputs in another order");
        } else {
            message.append(". No pipe is full, so larger pipes would not help: the streams wait for ")
                    .append(waitsForBytes ? "data" : "items")
                    .append(" from one another");
        }
        return message.toString();
    }

    private void interruptAll() {
        Thread self = Thread.currentThread();
        for (ThreadedStream stream : threaded) {
            if (stream.thread != self) {
                stream.thread.interrupt();
            }
        }
    }

    /**
     * Stops the run for {@code reason} unless it already stopped or ended: every stream is
     * interrupted and blocking calls throw {@link Signal.Stopped}.
     *
     * @return whether this call stopped it
     */
    private boolean stop(Stop reason) {
        lock.lock();
        try {
            if (stop != null || live == 0) {
                return false;
            }
            stop = reason;
            stopping = true;
        } finally {
            lock.unlock();
        }
        interruptAll();
        return true;
    }

    // ---- Execution ----------------------------------------------------------------------------

    @Override
    public void await() {
        checkNotAStream();
        try {
            ended.await();
        } catch (InterruptedException e) {
            interruptedWhileAwaiting(e);
            return;
        }
        joinAll();
        throwIfFailed();
    }

    @Override
    public boolean await(Duration timeout) {
        checkNotAStream();
        try {
            if (!ended.await(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            interruptedWhileAwaiting(e);
            return true;
        }
        joinAll();
        throwIfFailed();
        return true;
    }

    /** A stream awaiting its own workflow would wait for itself forever. */
    private void checkNotAStream() {
        Thread self = Thread.currentThread();
        if (self == watcherThread) {
            throw new IllegalStateException("a listener of workflow '" + workflow
                    + "' awaits its run: the run ends after its listeners return, so it would wait for itself forever");
        }
        for (ThreadedStream stream : threaded) {
            if (stream.thread == self) {
                throw new IllegalStateException("stream '" + stream.name + "' awaits its own workflow '" + workflow
                        + "': it would wait for itself forever");
            }
        }
    }

    @Override
    public void cancel() {
        stop(new Stop("workflow '" + workflow + "' was cancelled", null, null));
    }

    @Override
    public boolean isDone() {
        return ended.getCount() == 0;
    }

    @Override
    public WorkflowSnapshot snapshot() {
        // Read before the streams: a run seen done has every stream's counts and times visible.
        boolean done = isDone();
        long now = done ? endNanos : System.nanoTime();
        return Snapshots.take(workflow, graph, streams, startNanos, now, done);
    }

    /**
     * The awaiting thread was interrupted: cancels the run, waits for every thread, and throws
     * with the interruption as the cause (or, if something else stopped the run first, that, with
     * the interruption suppressed). Returns normally only if the run had succeeded anyway. The
     * interrupt flag stays set.
     */
    private void interruptedWhileAwaiting(InterruptedException interruption) {
        boolean cancelledHere = stop(new Stop(
                "workflow '" + workflow + "' was cancelled: a thread awaiting it was interrupted", null, interruption));
        boolean done = false;
        while (!done) {
            try {
                ended.await();
                done = true;
            } catch (InterruptedException again) {
                // Keep waiting: no thread may outlive the run.
            }
        }
        joinAll();
        Thread.currentThread().interrupt();
        WorkflowException outcome = outcome();
        if (outcome != null && !cancelledHere) {
            outcome.addSuppressed(interruption);
        }
        if (outcome != null) {
            throw outcome;
        }
    }

    /**
     * Every stream has counted itself out; its thread has at most a few instructions left. The
     * watcher's thread ends once the listeners have heard the end.
     */
    private void joinAll() {
        boolean interrupted = false;
        List<Thread> threads = new ArrayList<>();
        for (ThreadedStream stream : threaded) {
            threads.add(stream.thread);
        }
        threads.add(watcherThread);
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void throwIfFailed() {
        WorkflowException outcome = outcome();
        if (outcome != null) {
            throw outcome;
        }
    }

    /** A fresh exception per call, so that each awaiting thread gets its own stack trace. */
    private WorkflowException outcome() {
        lock.lock();
        try {
            if (stop == null) {
                return null;
            }
            WorkflowException exception = new WorkflowException(stop.message(), stop.stream(), stop.cause());
            laterFailures.forEach(exception::addSuppressed);
            return exception;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "run of workflow '" + workflow + "' (" + (isDone() ? "done" : "running") + ")";
    }
}
