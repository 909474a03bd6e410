package io.mimo.runtime.engine;

import io.mimo.runtime.ElementStep;
import io.mimo.runtime.Output;
import io.mimo.runtime.graph.ElementStepView;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * An element step that runs fused ({@link Fusion}): no thread and no pipe in; its {@link #feeder}'s
 * output calls {@link #deliver(Object)} for each item, on the thread of its {@link #host}, the
 * stream at the head of its chain. That thread opens the fused steps before its body starts and
 * ends them when its body ends (their outputs close), so a fused step's failure, death (the
 * SIGPIPE rule) and end are its own, reached on the host's thread:
 *
 * <ul>
 *   <li>What its open or handler throws is classified at the call ({@link #threw(Throwable)}): a
 *       failure is reported under its name and the host stops through the usual stop signal; its
 *       death by SIGPIPE ends it and uncounts it from its feeder's live targets, which drops what it
 *       pushes to it from then on.</li>
 *   <li>Waiting: a fused step blocks on its own pipes through {@link #await(Blocker)} with its own
 *       {@link #waitingOn}, while its host's is {@code null}; a thread blocks on one blocker at a
 *       time, so the scheduler still counts one blocked thread per live thread. It shares its
 *       host's deferred wake-ups, which are due whenever that thread blocks.</li>
 * </ul>
 */
final class FusedStep extends RunningStream {
    /** What a fused step's {@link FusedOutputEnd} calls once the step has ended: it drops the item. */
    static final ElementStep.ItemHandler<Object> ENDED = item -> {
        throw Signal.BrokenPipe.INSTANCE;
    };

    private final ElementStepView step;
    /** The stream whose output calls it. Set once, while wiring. */
    RunningStream feeder;
    /** Host's thread only: the handler, once opened. */
    private ElementStep.ItemHandler<Object> handler;
    /** Host's thread only: ended (its outputs closed) or died; it takes no more items. */
    private boolean ended;
    /**
     * When it is the only reader of its feeder's output: that output's index and its end, which
     * {@link #open()} replaces with a {@link FusedOutputEnd} calling the handler directly.
     */
    private int soleReaderOfPort = -1;

    private ItemOutputEnd<?> soleReaderOf;
    /** The {@link FusedOutputEnd} that calls this step's handler, if {@link #open()} made one. */
    private FusedOutputEnds.Cut fusedEnd;
    /**
     * Items handed to the handler by {@link #deliver(Object)} (a broadcast), for snapshots: a plain
     * field of the host's thread alone, one increment per item; read racily by snapshots. What a
     * {@link FusedOutputEnd} hands over directly, it counts itself.
     */
    private long delivered;

    FusedStep(Scheduler scheduler, ElementStepView step) {
        super(scheduler, step);
        this.step = step;
    }

    /** An ended step drops what it is given: there is always room. */
    @Override
    boolean roomForOne() {
        return ended || super.roomForOne();
    }

    /**
     * Items its handler was called with so far, for snapshots (from another thread, about that);
     * -1 if its feeder's output calls it directly and the run does not count.
     */
    long itemsIn() {
        FusedOutputEnds.Cut end = fusedEnd;
        long direct = end == null ? 0 : end.delivered();
        return direct < 0 ? -1 : delivered + direct;
    }

    /** Whether it has ended (or died), for snapshots; from another thread, about that. */
    boolean hasEnded() {
        return ended;
    }

    /** The end that replaced its feeder's output, if any: it counts what that output pushed since. */
    FusedOutputEnds.Cut fusedEnd() {
        return fusedEnd;
    }

    /** Wiring: {@code feeder}'s output calls this step. */
    void fedBy(RunningStream feeder) {
        this.feeder = feeder;
        feeder.feeds(this);
    }

    /** Wiring, once every stream exists: runs on the thread of the stream at the head of its chain. */
    void joinHost() {
        RunningStream head = feeder;
        while (head instanceof FusedStep fused) {
            head = fused.feeder;
        }
        host = (ThreadedStream) head;
        host.fusedOnThread.add(this);
    }

    /** Wiring: this step is the only reader of its feeder's output {@code port}, whose end is {@code end}. */
    void soleReaderOf(int port, ItemOutputEnd<?> end) {
        soleReaderOfPort = port;
        soleReaderOf = end;
    }

    /**
     * Fused, on the host's thread before its body starts, and before its feeder opens (or, for the
     * host, runs): opens the handler, and gives the feeder's output an end that calls it directly
     * when this step is its only reader.
     */
    void open() {
        try {
            handler = step.open(ends);
            if (soleReaderOf != null && !ended) {
                Output<Object> end = FusedOutputEnds.of(feeder, soleReaderOf.name(), this, handler, scheduler.counting);
                feeder.ends.replaceOutput(soleReaderOfPort, end);
                fusedEnd = (FusedOutputEnds.Cut) end;
            }
        } catch (Throwable t) {
            threw(t);
        }
    }

    /**
     * Fused, called by the feeder's output on the host's thread: hands {@code item} to the handler.
     *
     * @return {@code false} if this step has died and dropped the item
     */
    boolean deliver(Object item) {
        if (ended) {
            return false;
        }
        // A chain that never blocks (it ends in a fused sink or discarded outputs) must still stop;
        // its items all enter at its head.
        if (feeder instanceof ThreadedStream && scheduler.stopping) {
            throw Signal.Stopped.INSTANCE;
        }
        delivered++;
        try {
            handler.accept(item);
            return true;
        } catch (Throwable t) {
            threw(t);
            return false;
        }
    }

    /** Fused, on the host's thread once its body has returned normally: flushes byte outputs, as a stream does at its end. */
    void flush() {
        if (!ended) {
            try {
                ends.flushByteOutputs();
            } catch (Throwable t) {
                threw(t);
            }
        }
    }

    /**
     * Fused, on the host's thread: this step's open, handler or flush threw {@code thrown}. Returns
     * if it died by the SIGPIPE rule (every reader of its outputs has ended): it ends, and its
     * feeder drops what it pushes to it. Otherwise it throws {@link Signal.Stopped} to unwind the
     * host: the run is stopping, and, unless that is what {@code thrown} said, {@code thrown} is
     * reported as this step's failure.
     */
    void threw(Throwable thrown) {
        if (ended && thrown == Signal.BrokenPipe.INSTANCE) {
            // ENDED: its feeder, which reads other outputs too, pushes on.
            return;
        }
        Signal signal = scheduler.signalIn(thrown);
        if (signal instanceof Signal.BrokenPipe) {
            if (!ended) {
                end();
                feeder.pipeDied();
            }
            return;
        }
        if (signal == null) {
            scheduler.failed(this, thrown);
        }
        throw Signal.Stopped.INSTANCE;
    }

    /** Fused, on the host's thread: takes no more items and closes its outputs, and so ends the steps fused into them. */
    void end() {
        // A loop, not a recursion: a chain may be as deep as Fusion lets it be.
        Deque<FusedStep> todo = new ArrayDeque<>();
        todo.push(this);
        while (!todo.isEmpty()) {
            FusedStep step = todo.pop();
            if (!step.ended) {
                step.ended = true;
                if (step.fusedEnd != null) {
                    step.fusedEnd.cut();
                }
                step.writes.forEach(Pipe::close);
                step.fusedTargets.forEach(todo::push);
            }
        }
    }
}
