package io.mimo.runtime;

import io.mimo.runtime.engine.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a run of a workflow looks like at one instant ({@link Execution#snapshot()}): each stream's
 * state, counts and times, and each pipe's capacity, fill and traffic. Immutable; taken without
 * stopping the run, so numbers of different streams are read at slightly different moments while
 * it runs, and exact once it has ended.
 *
 * <p>The streams are the run's, not the workflow's steps: an element step fused into its feeder is
 * a stream of its own (on its feeder's thread), and a parallel step is its dealer ({@code "x
 * (deal)"}), its copies (each named {@code "x"}) and its merger ({@code "x (merge)"}).
 *
 * @param workflow the workflow's name
 * @param elapsed time since the run started, up to this snapshot or to the run's end
 * @param done whether every stream had ended when the snapshot was taken
 * @param streams every stream of the run, in wiring order; {@link PipeSnapshot#writer()} and
 *     {@link PipeSnapshot#reader()} index this list
 * @param pipes every pipe of the run, fused ones (no buffer: the writer calls the reader) included
 */
public record WorkflowSnapshot(
        String workflow, Duration elapsed, boolean done, List<StreamSnapshot> streams, List<PipeSnapshot> pipes) {

    public WorkflowSnapshot {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(elapsed, "elapsed");
        streams = List.copyOf(streams);
        pipes = List.copyOf(pipes);
    }

    /** What a stream does at the instant of the snapshot. */
    public enum State {
        /** Working: in its own code, or in mimo without waiting (it may sleep or block elsewhere). */
        RUNNING,
        /** Waiting for an item (or bytes) on an input, or on any of several ({@code Inputs.select}). */
        WAITING_FOR_ITEM,
        /** Waiting for room in a full pipe it writes to. */
        WAITING_FOR_ROOM,
        /** Ended normally, or quietly (the run stopped, or every reader of its outputs ended). */
        ENDED,
        /** Threw: the failure that stopped the run, or a later one. */
        FAILED
    }

    /**
     * Items (or bytes) that crossed one port.
     *
     * @param port {@code "stream.port"}
     * @param unit {@code "items"} or {@code "bytes"}
     * @param count for an input, what the stream took from it; for an output, what it pushed (or
     *     wrote) to it, whether or not a reader was still there to take it; {@code -1} for the ports
     *     of a fused pipe when the run does not count them ({@link Workflow#counting(boolean)})
     * @param discarded whether the output is discarded (its items go nowhere)
     */
    public record PortCount(String port, String unit, long count, boolean discarded) {}

    /**
     * One stream at the instant of the snapshot.
     *
     * @param index its place in {@link #streams()}
     * @param name its name (the step's; a parallel step's copies share it)
     * @param thread the index of the stream whose thread runs it: its own, or for a fused step
     *     the head of its chain
     * @param state what it does
     * @param waitingOn what it waits on: the input (or inputs, for a select) it waits for an item
     *     on, {@code "stream.port"}, or the pipe it waits for room in, {@code "a.out -> b.in"};
     *     empty unless it waits
     * @param inputs items taken per input port, in port order
     * @param outputs items pushed per output port, in port order
     * @param busy time its thread was neither waiting for an item nor for room (the yields of a
     *     few microseconds before a wait count as busy); the streams on one thread share it
     * @param waitingForItems time it waited for items (its own waits only)
     * @param waitingForRoom time it waited for room (its own waits only)
     * @param expected what it declared it will write in all, items or bytes
     *     ({@link Context#expect(long)}), or {@code -1}
     */
    public record StreamSnapshot(
            int index,
            String name,
            int thread,
            State state,
            List<String> waitingOn,
            List<PortCount> inputs,
            List<PortCount> outputs,
            Duration busy,
            Duration waitingForItems,
            Duration waitingForRoom,
            long expected) {

        public StreamSnapshot {
            waitingOn = List.copyOf(waitingOn);
            inputs = List.copyOf(inputs);
            outputs = List.copyOf(outputs);
        }

        /** What it has written so far over all its outputs, items and bytes alike (counts not kept count 0). */
        public long written() {
            long sum = 0;
            for (PortCount output : outputs) {
                sum += Math.max(0, output.count());
            }
            return sum;
        }

        /** Whether it has ended or failed. */
        public boolean ended() {
            return state == State.ENDED || state == State.FAILED;
        }

        /** Its state in words: {@code waiting for room on 'a.out -> b.in'}. */
        public String describeState() {
            return switch (state) {
                case RUNNING -> "running";
                case ENDED -> "ended";
                case FAILED -> "failed";
                case WAITING_FOR_ROOM -> "waiting for room on " + quoted(waitingOn);
                case WAITING_FOR_ITEM ->
                    (waitingOn.size() > 1 ? "waiting for an item on any of " : "waiting for an item on ")
                            + quoted(waitingOn);
            };
        }
    }

    /**
     * One pipe at the instant of the snapshot.
     *
     * @param name {@code "a.out -> b.in"}
     * @param from the writing port, {@code "a.out"}
     * @param to the reading port, {@code "b.in"}
     * @param writer the index of the writing stream in {@link #streams()}
     * @param reader the index of the reading stream in {@link #streams()}
     * @param unit {@code "items"} or {@code "bytes"}
     * @param fused whether the pipe runs fused: no buffer, the writer calls the reader (capacity
     *     and fill 0)
     * @param capacity what it holds when full, after any growth
     * @param fill what it holds now
     * @param crossed what the reader took from it (what it dropped after it ended is not counted);
     *     {@code -1} for a fused pipe when the run does not count ({@link Workflow#counting(boolean)})
     * @param growths how many times deadlock resolution doubled it
     */
    public record PipeSnapshot(
            String name,
            String from,
            String to,
            int writer,
            int reader,
            String unit,
            boolean fused,
            long capacity,
            long fill,
            long crossed,
            int growths) {}

    /**
     * The stream that holds the others back, if one does. Decided on this snapshot alone, so the
     * same snapshot always gives the same answer. Streams on one thread (a stream and the element
     * steps fused into it) count as one, named by the stream that heads them, and only pipes
     * between threads count. A thread is the bottleneck when:
     *
     * <ol>
     *   <li>it has not ended and none of its streams waits (it is busy: working, or sleeping or
     *       blocking outside mimo);</li>
     *   <li>every stream of another thread, not ended, that writes to it through a pipe waits for
     *       room on such a pipe;</li>
     *   <li>every stream of another thread, not ended, that reads from it through a pipe waits for
     *       an item on the input that pipe feeds (alone or in a select); and</li>
     *   <li>at least one such writer or reader exists: so a source whose readers all wait for its
     *       items, or a sink whose writers all wait for room, qualifies, as the only busy one on a
     *       path whose others wait on it.</li>
     * </ol>
     *
     * Among several such threads, the one with the most writers and readers waiting on it wins,
     * then the first in {@link #streams()}. Empty when none qualifies (everyone busy, nobody
     * waiting on a busy one, or the run has ended). A snapshot is an instant: poll a few to see a
     * steady bottleneck.
     */
    public Optional<StreamSnapshot> bottleneck() {
        int n = streams.size();
        // Per thread (by the index of the stream heading it): whether one of its streams waits,
        // how many streams of other threads wait on it, and whether one of them does not.
        boolean[] waits = new boolean[n];
        int[] waiters = new int[n];
        boolean[] notHeldBack = new boolean[n];
        for (StreamSnapshot stream : streams) {
            if (stream.state() == State.WAITING_FOR_ITEM || stream.state() == State.WAITING_FOR_ROOM) {
                waits[stream.thread()] = true;
            }
        }
        for (PipeSnapshot pipe : pipes) {
            StreamSnapshot writer = streams.get(pipe.writer());
            StreamSnapshot reader = streams.get(pipe.reader());
            if (pipe.fused() || writer.thread() == reader.thread()) {
                continue;
            }
            if (!writer.ended()) {
                if (writer.state() == State.WAITING_FOR_ROOM
                        && writer.waitingOn().contains(pipe.name())) {
                    waiters[reader.thread()]++;
                } else {
                    notHeldBack[reader.thread()] = true;
                }
            }
            if (!reader.ended()) {
                if (reader.state() == State.WAITING_FOR_ITEM
                        && reader.waitingOn().contains(pipe.to())) {
                    waiters[writer.thread()]++;
                } else {
                    notHeldBack[writer.thread()] = true;
                }
            }
        }
        StreamSnapshot best = null;
        for (StreamSnapshot head : streams) {
            int t = head.index();
            if (head.thread() == t
                    && !head.ended()
                    && !waits[t]
                    && !notHeldBack[t]
                    && waiters[t] > 0
                    && (best == null || waiters[t] > waiters[best.index()])) {
                best = head;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The busy share of a stream's time so far, 0 to 1. */
    private double busyShare(StreamSnapshot stream) {
        long total = elapsed.toNanos();
        return total <= 0 ? 0 : Math.min(1, (double) stream.busy().toNanos() / total);
    }

    /**
     * The share of the run done, between 0 and 1, by what the streams that {@linkplain
     * Context#expect(long) declared} how much they will write have written of it: the sum of each
     * one's {@link StreamSnapshot#written()} (at most what it expected; all of it once it ended)
     * over the sum of what they expected. Empty when none declared anything (or only 0).
     */
    public OptionalDouble progress() {
        long expected = 0;
        long done = 0;
        for (StreamSnapshot stream : streams) {
            if (stream.expected() > 0) {
                expected += stream.expected();
                done += stream.ended() ? stream.expected() : Math.min(stream.written(), stream.expected());
            }
        }
        return expected == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) done / expected);
    }

    /**
     * The snapshot as a table, like the workflow's picture ({@code Workflow.toString()}) with numbers
     * on it: a line per stream (state, items in and out per port, busy share and waits) and per
     * pipe (fill of capacity, what crossed, growths), and the bottleneck. A count the run did not
     * keep ({@link Workflow#counting(boolean)}) shows as {@code ?}.
     */
    @Override
    public String toString() {
        Optional<StreamSnapshot> bottleneck = bottleneck();
        StringBuilder out = new StringBuilder("workflow '")
                .append(workflow)
                .append("' ")
                .append(done ? "done" : "running")
                .append(" after ")
                .append(time(elapsed))
                .append(": ")
                .append(streams.size())
                .append(streams.size() == 1 ? " stream, " : " streams, ")
                .append(pipes.size())
                .append(pipes.size() == 1 ? " pipe" : " pipes")
                .append(bottleneck.map(b -> ", bottleneck '" + b.name() + "'").orElse(""));
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"stream", "state", "in", "out", "busy", "wait item", "wait room"});
        for (StreamSnapshot stream : streams) {
            String name = stream.thread() == stream.index()
                    ? stream.name()
                    : stream.name() + " (fused into "
                            + streams.get(stream.thread()).name() + ")";
            rows.add(new String[] {
                name,
                stream.describeState(),
                counts(stream.inputs()),
                counts(stream.outputs()),
                percent(busyShare(stream)),
                time(stream.waitingForItems()),
                time(stream.waitingForRoom())
            });
        }
        Engine.appendTable(out, "streams", rows);
        rows = new ArrayList<>();
        rows.add(new String[] {"pipe", "fill", "crossed", "grown"});
        for (PipeSnapshot pipe : pipes) {
            rows.add(new String[] {
                pipe.name(),
                pipe.fused() ? "fused" : pipe.fill() + "/" + pipe.capacity() + " " + pipe.unit(),
                count(pipe.crossed()),
                pipe.growths() == 0 ? "-" : pipe.growths() + "x"
            });
        }
        if (!pipes.isEmpty()) {
            Engine.appendTable(out, "pipes", rows);
        }
        return out.toString();
    }

    /**
     * The run's graph in Graphviz's DOT language, drawn as {@code Workflow.toDot()} draws the
     * workflow's (fused chains in clusters, fused pipes bold, byte pipes dashed, discarded outputs
     * dotted), but with the run's streams (a parallel step as its dealer, copies and merger) and
     * numbers: each box filled the deeper orange the busier its thread was, with its state; each
     * arrow labelled with what crossed and the fill, red where its writer waits for room on it,
     * blue where its reader waits for an item on it; the bottleneck outlined in red.
     */
    public String toDot() {
        int bottleneck = bottleneck().map(StreamSnapshot::index).orElse(-1);
        StringBuilder dot =
                new StringBuilder("digraph ").append(Engine.dotQuote(workflow)).append(" {\n");
        dot.append("  rankdir=LR;\n");
        dot.append("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\"];\n");
        dot.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (StreamSnapshot stream : streams) {
            double busy = busyShare(stream);
            dot.append("  s")
                    .append(stream.index())
                    .append(" [label=")
                    .append(Engine.dotQuote(stream.name() + "\n" + percent(busy) + " busy, " + stream.describeState()))
                    .append(", fillcolor=\"")
                    .append(String.format(Locale.ROOT, "0.080 %.3f 1.000", 0.85 * busy))
                    .append('"');
            if (stream.index() == bottleneck) {
                dot.append(", color=red, penwidth=3");
            }
            dot.append("];\n");
        }
        List<List<StreamSnapshot>> fusedOnto = new ArrayList<>();
        for (int i = 0; i < streams.size(); i++) {
            fusedOnto.add(new ArrayList<>());
        }
        for (StreamSnapshot stream : streams) {
            if (stream.thread() != stream.index()) {
                fusedOnto.get(stream.thread()).add(stream);
            }
        }
        for (StreamSnapshot head : streams) {
            List<StreamSnapshot> chain = fusedOnto.get(head.index());
            if (!chain.isEmpty()) {
                Engine.appendDotCluster(
                        dot,
                        head.index(),
                        head.name(),
                        chain.stream().mapToInt(StreamSnapshot::index).toArray());
            }
        }
        for (PipeSnapshot pipe : pipes) {
            StreamSnapshot writer = streams.get(pipe.writer());
            StreamSnapshot reader = streams.get(pipe.reader());
            String ports = portName(pipe.from()) + " → " + portName(pipe.to());
            String numbers = pipe.fused()
                    ? "fused, " + count(pipe.crossed()) + " " + pipe.unit()
                    : pipe.crossed() + " " + pipe.unit() + ", " + pipe.fill() + "/" + pipe.capacity()
                            + (pipe.growths() == 0 ? "" : ", grown " + pipe.growths() + "x");
            dot.append("  s")
                    .append(pipe.writer())
                    .append(" -> s")
                    .append(pipe.reader())
                    .append(" [label=")
                    .append(Engine.dotQuote(ports + "\n" + numbers));
            if (pipe.fused()) {
                dot.append(", style=bold");
            } else if (pipe.unit().equals("bytes") || byteOutput(writer, pipe.from())) {
                dot.append(", style=dashed");
            }
            if (writer.state() == State.WAITING_FOR_ROOM && writer.waitingOn().contains(pipe.name())) {
                dot.append(", color=red, fontcolor=red, penwidth=2");
            } else if (reader.state() == State.WAITING_FOR_ITEM
                    && reader.waitingOn().contains(pipe.to())) {
                dot.append(", color=blue, fontcolor=blue");
            }
            dot.append("];\n");
        }
        for (StreamSnapshot stream : streams) {
            for (int i = 0; i < stream.outputs().size(); i++) {
                PortCount output = stream.outputs().get(i);
                if (output.discarded()) {
                    String sink = "d" + stream.index() + "_" + i;
                    dot.append("  ").append(sink).append(" [shape=point, label=\"\"];\n");
                    dot.append("  s")
                            .append(stream.index())
                            .append(" -> ")
                            .append(sink)
                            .append(" [label=")
                            .append(Engine.dotQuote(
                                    portName(output.port()) + " (discarded)\n" + output.count() + " " + output.unit()))
                            .append(", style=dotted];\n");
                }
            }
        }
        return dot.append("}\n").toString();
    }

    private static boolean byteOutput(StreamSnapshot writer, String port) {
        for (PortCount output : writer.outputs()) {
            if (output.port().equals(port)) {
                return output.unit().equals("bytes");
            }
        }
        return false;
    }

    /** {@code "out"} of {@code "step.out"}: a port's own name (a step's name may hold dots, a port's does not). */
    private static String portName(String port) {
        return port.substring(port.lastIndexOf('.') + 1);
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "'" + n + "'").toList());
    }

    private static String counts(List<PortCount> ports) {
        if (ports.isEmpty()) {
            return "-";
        }
        List<String> parts = new ArrayList<>();
        for (PortCount port : ports) {
            parts.add(portName(port.port()) + " " + count(port.count())
                    + (port.unit().equals("bytes") ? " B" : ""));
        }
        return String.join(", ", parts);
    }

    /** A count, or {@code ?} for one the run did not keep (-1). */
    private static String count(long count) {
        return count < 0 ? "?" : String.valueOf(count);
    }

    private static String percent(double share) {
        return Math.round(100 * share) + "%";
    }

    /** {@code 0.4 ms}, {@code 15 ms}, {@code 2.3 s}. */
    private static String time(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 10_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        return nanos < 1_000_000_000 ? duration.toMillis() + " ms" : String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
