package io.mimo.runtime.engine;

import io.mimo.runtime.WorkflowSnapshot;
import io.mimo.runtime.WorkflowSnapshot.PipeSnapshot;
import io.mimo.runtime.WorkflowSnapshot.PortCount;
import io.mimo.runtime.WorkflowSnapshot.State;
import io.mimo.runtime.WorkflowSnapshot.StreamSnapshot;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * {@code Execution.snapshot()}: reads what the run counts anyway, or counts on its owners' threads
 * alone (see {@link RunningStream#itemWaitNanos}, {@link ItemOutputEnd}, {@link FusedOutputEnd},
 * {@link ItemPipe#crossed()}), without the run's lock and without stopping anyone: each number is
 * read as it is, so numbers read while the run goes on are of slightly different instants, and
 * exact once it has ended (every count was written before its stream counted itself out).
 */
final class Snapshots {
    private Snapshots() {}

    static WorkflowSnapshot take(
            String workflow, WorkflowGraph graph, RunningStream[] streams, long startNanos, long now, boolean done) {
        // Per thread, what its streams waited so far (under way included): busy is the rest of its life.
        long[] threadWaits = new long[streams.length];
        long[][] waits = new long[streams.length][];
        for (RunningStream stream : streams) {
            waits[index(stream)] = waits(stream, now);
        }
        for (RunningStream stream : streams) {
            long[] w = waits[index(stream)];
            threadWaits[index(stream.host)] += w[0] + w[1];
        }
        List<StreamSnapshot> streamSnapshots = new ArrayList<>();
        for (RunningStream stream : streams) {
            int index = index(stream);
            StepView step = graph.steps().get(index);
            ThreadedStream host = stream.host;
            long life = (host.finished ? host.endNanos : now) - startNanos;
            long busy = Math.max(0, life - threadWaits[index(host)]);
            List<String> waitingOn = new ArrayList<>();
            State state = state(stream, waitingOn);
            List<PortCount> inputs = new ArrayList<>();
            for (PortView port : step.inputs()) {
                inputs.add(new PortCount(port.toString(), unit(port), stream.ends.taken(port.index()), false));
            }
            List<PortCount> outputs = new ArrayList<>();
            for (PortView port : step.outputs()) {
                outputs.add(
                        new PortCount(port.toString(), unit(port), stream.ends.pushed(port.index()), port.discarded()));
            }
            streamSnapshots.add(new StreamSnapshot(
                    index,
                    stream.name,
                    index(host),
                    state,
                    waitingOn,
                    inputs,
                    outputs,
                    Duration.ofNanos(busy),
                    Duration.ofNanos(waits[index][0]),
                    Duration.ofNanos(waits[index][1]),
                    stream.expected));
        }
        IdentityHashMap<PipeView, Pipe> running = new IdentityHashMap<>();
        for (RunningStream stream : streams) {
            for (Pipe pipe : stream.writes) {
                running.put(pipe.view, pipe);
            }
        }
        List<PipeSnapshot> pipes = new ArrayList<>();
        for (PipeView view : graph.pipes()) {
            Pipe pipe = running.get(view);
            int writer = view.from().step();
            int reader = view.to().step();
            String unit = view.to().bytes() ? "bytes" : "items";
            if (pipe == null) {
                // Fused: the reader's handler is called; what it was called with crossed.
                long crossed = streams[reader].ends.taken(view.to().index());
                pipes.add(new PipeSnapshot(
                        view.toString(),
                        view.from().toString(),
                        view.to().toString(),
                        writer,
                        reader,
                        unit,
                        true,
                        0,
                        0,
                        crossed,
                        0));
            } else {
                pipes.add(new PipeSnapshot(
                        pipe.name,
                        view.from().toString(),
                        view.to().toString(),
                        writer,
                        reader,
                        pipe.unit(),
                        false,
                        pipe.capacity(),
                        Math.max(0, pipe.size()),
                        pipe.crossed(),
                        pipe.growths));
            }
        }
        // By writer, in wiring order: a parallel step's pipes come where it does.
        pipes.sort(Comparator.comparingInt(PipeSnapshot::writer));
        return new WorkflowSnapshot(
                workflow, Duration.ofNanos(Math.max(0, now - startNanos)), done, streamSnapshots, pipes);
    }

    /** The stream's index in the run's graph (its step's). */
    private static int index(RunningStream stream) {
        return stream.index;
    }

    private static String unit(PortView port) {
        return port.bytes() ? "bytes" : "items";
    }

    /** Nanoseconds {@code stream} waited for items and for room, the wait under way included. */
    private static long[] waits(RunningStream stream, long now) {
        long items = stream.itemWaitNanos;
        long room = stream.roomWaitNanos;
        Blocker blocker = stream.waitingOn;
        if (blocker != null && !ended(stream)) {
            // The volatile read of waitingOn makes the wait's start visible (written before it).
            long under = Math.max(0, now - stream.waitStartNanos);
            if (blocker instanceof Pipe) {
                room += under;
            } else {
                items += under;
            }
        }
        return new long[] {items, room};
    }

    private static boolean ended(RunningStream stream) {
        return stream.host.finished || (stream instanceof FusedStep fused && fused.hasEnded());
    }

    /** What {@code stream} does now; what it waits on goes to {@code waitingOn}. */
    private static State state(RunningStream stream, List<String> waitingOn) {
        if (stream.failed) {
            return State.FAILED;
        }
        if (ended(stream)) {
            return State.ENDED;
        }
        Blocker blocker = stream.waitingOn;
        if (blocker == null) {
            return State.RUNNING;
        }
        if (blocker instanceof Pipe pipe) {
            waitingOn.add(pipe.name);
            return State.WAITING_FOR_ROOM;
        }
        if (blocker instanceof Select select) {
            waitingOn.addAll(select.openInputs());
        } else {
            waitingOn.add(blocker.toString());
        }
        return State.WAITING_FOR_ITEM;
    }
}
