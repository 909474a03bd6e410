package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.ByteSteps.ByteSink;
import io.mimo.runtime.ByteSteps.ByteSource;
import io.mimo.runtime.FusionTest.Collect;
import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import io.mimo.runtime.WorkflowSnapshot.PipeSnapshot;
import io.mimo.runtime.WorkflowSnapshot.State;
import io.mimo.runtime.WorkflowSnapshot.StreamSnapshot;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Execution#snapshot()}: states, counts, times, the bottleneck, and the pictures. */
@Timeout(120)
class WorkflowSnapshotTest {

    private static StreamSnapshot stream(WorkflowSnapshot snapshot, String name) {
        List<StreamSnapshot> named =
                snapshot.streams().stream().filter(s -> s.name().equals(name)).toList();
        assertEquals(1, named.size(), () -> "one stream named '" + name + "' in\n" + snapshot);
        return named.get(0);
    }

    private static PipeSnapshot pipe(WorkflowSnapshot snapshot, String name) {
        return snapshot.pipes().stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no pipe '" + name + "' in\n" + snapshot));
    }

    private static long in(StreamSnapshot stream, int port) {
        return stream.inputs().get(port).count();
    }

    private static long out(StreamSnapshot stream, int port) {
        return stream.outputs().get(port).count();
    }

    /** Takes snapshots until one satisfies {@code wanted}; the test's timeout bounds it. */
    private static WorkflowSnapshot pollUntil(Execution run, Predicate<WorkflowSnapshot> wanted)
            throws InterruptedException {
        while (true) {
            WorkflowSnapshot snapshot = run.snapshot();
            if (wanted.test(snapshot)) {
                return snapshot;
            }
            Thread.sleep(5);
        }
    }

    @Test
    void afterAFusedChainEveryPortCountsExactlyWhatCrossedIt() {
        Workflow wf = new Workflow("fused").counting(true);
        var source = wf.add(range("source", 0, 1000));
        var square = wf.add(FusionTest.map("square", (Integer x) -> x * x));
        var evens = wf.add(FusionTest.map("evens", (Integer x) -> x % 2 == 0 ? x : null));
        var sink = wf.add(new Collect<Integer>("sink"));
        source.pipe(square).pipe(evens).pipe(sink);
        Execution run = wf.start();
        run.await();

        WorkflowSnapshot snapshot = run.snapshot();

        assertTrue(snapshot.done());
        assertEquals(1000, out(stream(snapshot, "source"), 0));
        assertEquals(1000, in(stream(snapshot, "square"), 0));
        assertEquals(1000, out(stream(snapshot, "square"), 0));
        assertEquals(1000, in(stream(snapshot, "evens"), 0));
        assertEquals(500, out(stream(snapshot, "evens"), 0));
        assertEquals(500, in(stream(snapshot, "sink"), 0));
        assertEquals(500, sink.items.size());
        PipeSnapshot last = pipe(snapshot, "evens.out -> sink.in");
        assertTrue(last.fused());
        assertEquals(500, last.crossed());
        int thread = stream(snapshot, "source").index();
        for (StreamSnapshot stream : snapshot.streams()) {
            assertEquals(State.ENDED, stream.state(), stream::toString);
            assertEquals(thread, stream.thread(), "every step runs on source's thread");
        }
        assertEquals(Optional.empty(), snapshot.bottleneck());
    }

    @Test
    void withoutCountingAFusedPipeShowsMinusOneAndEveryOtherCountStaysExact() {
        Workflow wf = new Workflow("uncounted", 8);
        var source = wf.add(range("source", 0, 1000));
        var square = wf.add(FusionTest.map("square", (Integer x) -> x * x));
        var evens = wf.add(FusionTest.map("evens", (Integer x) -> x % 2 == 0 ? x : null));
        var sink = wf.add(new Collect<Integer>("sink"));
        // evens has two readers, so its output is a broadcast: counted on the slow path, free
        var other = wf.add(new Sink<Integer>("other"));
        source.pipe(square).pipe(evens).pipe(sink);
        evens.onlyOutput().pipe(other);
        Execution run = wf.start();
        run.await();

        WorkflowSnapshot snapshot = run.snapshot();

        assertFalse(wf.counting());
        assertEquals(-1, out(stream(snapshot, "source"), 0), "fused, so not counted");
        assertEquals(-1, in(stream(snapshot, "square"), 0));
        assertEquals(-1, pipe(snapshot, "source.out -> square.in").crossed());
        assertTrue(
                snapshot.toString().lines().anyMatch(l -> l.matches("    source\\.out -> square\\.in +fused +\\? +-")),
                snapshot::toString);
        assertEquals(500, out(stream(snapshot, "evens"), 0), "a broadcast counts always");
        assertEquals(500, in(stream(snapshot, "other"), 0), "a pipe's index counts what crossed it");
        assertEquals(500, pipe(snapshot, "evens.out -> other.in").crossed());
    }

    @Test
    void afterARunWithFanInBroadcastAndAnEarlyEndCountsAreExact() {
        Workflow wf = new Workflow("unfused", 8).fusion(false);
        var a = wf.add(range("a", 0, 300));
        var b = wf.add(range("b", 0, 200));
        var relay = wf.add(TestSteps.<Integer>copy("relay"));
        var all = wf.add(new Sink<Integer>("all"));
        var few = wf.add(new Sink<Integer>("few", in -> {
            for (int i = 0; i < 10; i++) {
                in.pop();
            }
        }));
        a.out.pipe(relay.in);
        b.out.pipe(relay.in);
        relay.out.pipe(all.in);
        relay.out.pipe(few.in);
        Execution run = wf.start();
        run.await();

        WorkflowSnapshot snapshot = run.snapshot();

        assertEquals(300, out(stream(snapshot, "a"), 0));
        assertEquals(200, out(stream(snapshot, "b"), 0));
        assertEquals(500, in(stream(snapshot, "relay"), 0));
        assertEquals(500, out(stream(snapshot, "relay"), 0));
        assertEquals(500, in(stream(snapshot, "all"), 0));
        assertEquals(10, in(stream(snapshot, "few"), 0), "what the pipe dropped at the reader's end did not cross");
        assertEquals(300, pipe(snapshot, "a.out -> relay.in").crossed());
        assertEquals(200, pipe(snapshot, "b.out -> relay.in").crossed());
        assertEquals(10, pipe(snapshot, "relay.out -> few.in").crossed());
        assertEquals(8, pipe(snapshot, "relay.out -> all.in").capacity());
        assertEquals(0, pipe(snapshot, "relay.out -> all.in").fill());
        for (StreamSnapshot stream : snapshot.streams()) {
            assertEquals(State.ENDED, stream.state(), stream::toString);
            assertEquals(stream.index(), stream.thread());
        }
    }

    @Test
    void afterAParallelStepItsDealerCopiesAndMergerCountBatchesAndItems() {
        Workflow wf = new Workflow("parallel", 16).counting(true);
        var source = wf.add(range("source", 0, 1000));
        var inc = wf.parallel(wf.add(FusionTest.map("inc", (Integer x) -> x + 1)), 3);
        var sink = wf.add(new Collect<Integer>("sink"));
        source.pipe(inc).pipe(sink);
        Execution run = wf.start();
        run.await();

        WorkflowSnapshot snapshot = run.snapshot();

        StreamSnapshot deal = stream(snapshot, "inc (deal)");
        StreamSnapshot merge = stream(snapshot, "inc (merge)");
        List<StreamSnapshot> copies =
                snapshot.streams().stream().filter(s -> s.name().equals("inc")).toList();
        assertEquals(3, copies.size());
        assertEquals(1000, in(deal, 0));
        long dealt = deal.outputs().stream().mapToLong(p -> p.count()).sum();
        long copiesIn = copies.stream().mapToLong(c -> in(c, 0)).sum();
        long copiesOut = copies.stream().mapToLong(c -> out(c, 0)).sum();
        long merged = merge.inputs().stream().mapToLong(p -> p.count()).sum();
        assertTrue(dealt >= 1000 / 64, "batches of at most 64: " + dealt);
        assertEquals(dealt, copiesIn);
        assertEquals(copiesIn, copiesOut);
        assertEquals(copiesOut, merged);
        assertEquals(1000, out(merge, 0));
        assertEquals(1000, in(stream(snapshot, "sink"), 0));
        assertEquals(merge.index(), stream(snapshot, "sink").thread(), "the sink runs fused into the merger");
    }

    @Test
    void afterARunOfBytesPortsCountBytes() {
        Workflow wf = new Workflow("bytes");
        var writer = wf.add(new ByteSource("writer", out -> {
            for (int i = 0; i < 5; i++) {
                out.write(ByteBuffer.allocate(100));
            }
        }));
        var reader = wf.add(new ByteSink("reader"));
        writer.out.pipe(reader.in, 256);
        Execution run = wf.start();
        run.await();

        WorkflowSnapshot snapshot = run.snapshot();

        assertEquals(500, out(stream(snapshot, "writer"), 0));
        assertEquals("bytes", stream(snapshot, "writer").outputs().get(0).unit());
        assertEquals(500, in(stream(snapshot, "reader"), 0));
        assertEquals(500, pipe(snapshot, "writer.out -> reader.in").crossed());
        assertEquals(500, reader.bytes.size());
    }

    /**
     * A diamond of pipes of 4 whose join reads its left input to the end first: the pipes on the
     * right grow, at least four times, for {@link #DIAMOND_ITEMS} items.
     */
    static Workflow growingDiamond() {
        Workflow wf = new Workflow("diamond", 4);
        var source = wf.add(range("source", 0, DIAMOND_ITEMS));
        var a = wf.add(TestSteps.<Integer>copy("a"));
        var b = wf.add(TestSteps.<Integer>copy("b"));
        var c = wf.add(DeadlockTest.leftThenRight("c"));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(a);
        source.pipe(b);
        a.out.pipe(c.left);
        b.out.pipe(c.right);
        c.pipe(sink);
        return wf;
    }

    private static final int DIAMOND_ITEMS = 100;

    @Test
    void aPipeThatDeadlockResolutionGrewCountsItsGrowths() {
        int items = DIAMOND_ITEMS;
        Execution run = growingDiamond().start();
        run.await();

        WorkflowSnapshot snapshot = run.snapshot();

        int growths = snapshot.pipes().stream().mapToInt(PipeSnapshot::growths).sum();
        assertTrue(growths >= 4, "from 4 to at least 64 items somewhere on b's side: " + snapshot);
        for (PipeSnapshot pipe : snapshot.pipes()) {
            assertEquals(4L << pipe.growths(), pipe.capacity(), pipe::toString);
            assertEquals(pipe.reader() == stream(snapshot, "sink").index() ? 2 * items : items, pipe.crossed());
        }
        assertTrue(snapshot.toString().lines().anyMatch(l -> l.matches(".* items +\\d+ +\\d+x")), snapshot::toString);
    }

    @Test
    void aSlowMiddleStreamIsTheBottleneck() throws Exception {
        Workflow wf = new Workflow("slow middle", 16);
        var source = wf.add(range("source", 0, 1_000_000));
        var slow = wf.add(new Relay<Integer, Integer>("slow", (in, out) -> {
            for (Integer item : in) {
                Thread.sleep(1);
                out.push(item);
            }
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(slow).pipe(sink);
        Execution run = wf.start();
        try {
            WorkflowSnapshot snapshot = pollUntil(
                    run, s -> s.bottleneck().map(b -> b.name().equals("slow")).orElse(false));

            StreamSnapshot writer = stream(snapshot, "source");
            StreamSnapshot reader = stream(snapshot, "sink");
            assertEquals(State.RUNNING, stream(snapshot, "slow").state());
            assertEquals(State.WAITING_FOR_ROOM, writer.state(), snapshot::toString);
            assertEquals(List.of("source.out -> slow.in"), writer.waitingOn());
            assertEquals(State.WAITING_FOR_ITEM, reader.state(), snapshot::toString);
            assertEquals(List.of("sink.in"), reader.waitingOn());
            assertTrue(snapshot.toString().contains("bottleneck 'slow'"), snapshot::toString);
            assertTrue(snapshot.toDot().contains("color=red, penwidth=3"), snapshot::toDot);
            // The slow stream sleeps: its readers wait, they are not busy.
            WorkflowSnapshot later =
                    pollUntil(run, s -> stream(s, "sink").waitingForItems().toMillis() >= 50);
            assertTrue(later.streams().get(reader.index()).busy().compareTo(later.elapsed()) < 0);
            StreamSnapshot slowLater = stream(later, "slow");
            assertTrue(
                    slowLater.busy().toNanos() >= 0.8 * later.elapsed().toNanos(),
                    "sleeping is busy to mimo: " + later);
        } finally {
            run.cancel();
            assertThrows(WorkflowException.class, run::await);
        }
    }

    @Test
    void aSlowSinkIsTheBottleneckOfWhatFeedsIt() throws Exception {
        Workflow wf = new Workflow("slow sink", 16).fusion(false);
        var source = wf.add(range("source", 0, 1_000_000));
        var relay = wf.add(TestSteps.<Integer>copy("relay"));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            for (Integer ignored : in) {
                Thread.sleep(1);
            }
        }));
        source.pipe(relay).pipe(sink);
        Execution run = wf.start();
        try {
            WorkflowSnapshot snapshot = pollUntil(
                    run, s -> s.bottleneck().map(b -> b.name().equals("sink")).orElse(false));

            assertEquals(State.WAITING_FOR_ROOM, stream(snapshot, "relay").state());
            assertEquals(
                    List.of("relay.out -> sink.in"), stream(snapshot, "relay").waitingOn());
        } finally {
            run.cancel();
            assertThrows(WorkflowException.class, run::await);
        }
    }

    @Test
    void noBottleneckWhenNobodyWaitsOnABusyStream() {
        StreamSnapshot busyA = stream(0, State.RUNNING, List.of());
        StreamSnapshot waitingB = stream(1, State.WAITING_FOR_ITEM, List.of("b.other"));
        PipeSnapshot ab = new PipeSnapshot("a.out -> b.in", "a.out", "b.in", 0, 1, "items", false, 4, 0, 0, 0);
        WorkflowSnapshot snapshot =
                new WorkflowSnapshot("w", Duration.ofSeconds(1), false, List.of(busyA, waitingB), List.of(ab));

        assertEquals(Optional.empty(), snapshot.bottleneck(), "b waits, but not on a's pipe");

        StreamSnapshot waitingOnA = stream(1, State.WAITING_FOR_ITEM, List.of("b.in"));
        WorkflowSnapshot now =
                new WorkflowSnapshot("w", Duration.ofSeconds(1), false, List.of(busyA, waitingOnA), List.of(ab));
        assertEquals(Optional.of(busyA), now.bottleneck());

        // a broadcasts to b, which waits on it, and to c, which is busy too: a holds back b alone.
        StreamSnapshot busyC = stream(2, State.RUNNING, List.of());
        PipeSnapshot ac = new PipeSnapshot("a.out -> c.in", "a.out", "c.in", 0, 2, "items", false, 4, 2, 0, 0);
        WorkflowSnapshot broadcast = new WorkflowSnapshot(
                "w", Duration.ofSeconds(1), false, List.of(busyA, waitingOnA, busyC), List.of(ab, ac));
        assertEquals(Optional.empty(), broadcast.bottleneck());
        // Once c has ended, a holds back everyone still there.
        StreamSnapshot endedC = stream(2, State.ENDED, List.of());
        WorkflowSnapshot oneLeft = new WorkflowSnapshot(
                "w", Duration.ofSeconds(1), false, List.of(busyA, waitingOnA, endedC), List.of(ab, ac));
        assertEquals(Optional.of(busyA), oneLeft.bottleneck());
    }

    private static StreamSnapshot stream(int index, State state, List<String> waitingOn) {
        return new StreamSnapshot(
                index,
                List.of("a", "b", "c").get(index),
                index,
                state,
                waitingOn,
                List.of(),
                List.of(),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                -1);
    }

    @Test
    void aWaitingStreamNamesThePipeOrThePortItWaitsOn() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Workflow wf = new Workflow("waits", 4).fusion(false);
        var writer = wf.add(range("writer", 0, 100));
        var reader = wf.add(new Sink<Integer>("reader", in -> {
            go.await();
            in.forEach(item -> {});
        }));
        var idle = wf.add(new Source<Integer>("idle", out -> go.await()));
        var waiter = wf.add(new Sink<Integer>("waiter", in -> in.forEach(item -> {})));
        writer.pipe(reader);
        idle.pipe(waiter);
        Execution run = wf.start();

        WorkflowSnapshot snapshot = pollUntil(
                run,
                s -> stream(s, "writer").state() == State.WAITING_FOR_ROOM
                        && stream(s, "waiter").state() == State.WAITING_FOR_ITEM);

        assertEquals(
                List.of("writer.out -> reader.in"), stream(snapshot, "writer").waitingOn());
        assertEquals(
                "waiting for room on 'writer.out -> reader.in'",
                stream(snapshot, "writer").describeState());
        assertEquals(
                "waiting for an item on 'waiter.in'", stream(snapshot, "waiter").describeState());
        assertEquals(4, pipe(snapshot, "writer.out -> reader.in").fill());
        assertEquals(State.RUNNING, stream(snapshot, "reader").state(), "blocked outside mimo: running to us");
        assertFalse(snapshot.done());
        assertTrue(snapshot.toString().contains("waiting for room on 'writer.out -> reader.in'"), snapshot::toString);
        go.countDown();
        run.await();
        WorkflowSnapshot after = run.snapshot();
        assertTrue(after.done());
        assertTrue(stream(after, "writer").waitingForRoom().toNanos() > 0);
        assertTrue(stream(after, "waiter").waitingForItems().toNanos() > 0);
        after.streams().forEach(s -> assertEquals(State.ENDED, s.state(), s::toString));
    }

    @Test
    void aStreamInASelectOrATimedPollWaitsOnItsInputs() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        Workflow wf = new Workflow("select", 4).fusion(false);
        var left = wf.add(new Source<Integer>("left", out -> go.await()));
        var right = wf.add(new Source<Integer>("right", out -> go.await()));
        var picker = wf.add(new TestSteps.Join<Integer, Integer, Integer>("picker", (l, r, out) -> {
            while (Inputs.select(l, r) != null) {
                // nothing comes
            }
        }));
        var timed = wf.add(new Sink<Integer>("timed", in -> {
            while (in.poll(Duration.ofMillis(50)) != null || !in.isEnded()) {
                // polls until the end
            }
        }));
        left.out.pipe(picker.left);
        right.out.pipe(picker.right);
        picker.pipe(timed);
        Execution run = wf.start();

        WorkflowSnapshot snapshot = pollUntil(
                run,
                s -> stream(s, "picker").state() == State.WAITING_FOR_ITEM
                        && stream(s, "timed").state() == State.WAITING_FOR_ITEM);

        assertEquals(
                List.of("picker.left", "picker.right"),
                stream(snapshot, "picker").waitingOn());
        assertEquals(
                "waiting for an item on any of 'picker.left', 'picker.right'",
                stream(snapshot, "picker").describeState());
        assertEquals(List.of("timed.in"), stream(snapshot, "timed").waitingOn());
        // The sources block outside mimo, so to mimo they are busy, and picker waits on each: a tie
        // of one waiter each, which the first in wiring order wins.
        assertEquals("left", snapshot.bottleneck().orElseThrow().name());
        go.countDown();
        run.await();
        assertTrue(run.snapshot().streams().stream().allMatch(StreamSnapshot::ended));
    }

    @Test
    void aStreamThatThrewShowsAsFailedAndTheOthersAsEnded() {
        Workflow wf = new Workflow("fails", 4).fusion(false);
        var source = wf.add(range("source", 0, 100));
        var failing = wf.add(new Relay<Integer, Integer>("failing", (in, out) -> {
            for (Integer item : in) {
                if (item == 5) {
                    throw new IllegalStateException("five");
                }
                out.push(item);
            }
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(failing).pipe(sink);
        Execution run = wf.start();
        assertThrows(WorkflowException.class, run::await);

        WorkflowSnapshot snapshot = run.snapshot();

        assertEquals(State.FAILED, stream(snapshot, "failing").state());
        assertEquals(State.ENDED, stream(snapshot, "source").state());
        assertEquals(State.ENDED, stream(snapshot, "sink").state());
        assertEquals(6, in(stream(snapshot, "failing"), 0));
        assertEquals(5, out(stream(snapshot, "failing"), 0));
        assertTrue(snapshot.toString().contains("failed"), snapshot::toString);
    }

    /** The picture's sample, run: a fused chain, a parallel step, a byte pipe, a discarded output. */
    private static WorkflowSnapshot sampleRun() {
        Workflow wf = WorkflowDiagramTest.sample().counting(true);
        Execution run = wf.start();
        run.await();
        return run.snapshot();
    }

    @Test
    void toStringShowsEveryStreamAndPipeWithTheirNumbers() {
        String text = sampleRun().toString();

        assertTrue(text.startsWith("workflow 'say \"hi\"' done after "), text);
        assertTrue(text.contains("\n  streams\n    stream "), text);
        assertTrue(
                text.lines().anyMatch(l -> l.matches("    square \\(fused into range\\) +ended +in 10 +out 10 .*")),
                text);
        assertTrue(text.contains("hash (deal)"), text);
        assertTrue(text.contains("hash (merge)"), text);
        assertTrue(text.contains("\n  pipes\n    pipe "), text);
        assertTrue(text.contains("inc.out -> hash (deal).in"), text);
        assertTrue(text.lines().anyMatch(l -> l.matches("    range\\.out -> square\\.in +fused +10 +-")), text);
    }

    @Test
    void toDotDrawsTheRunsGraphColouredAndGraphvizRendersIt() throws Exception {
        String text = sampleRun().toDot();

        assertTrue(text.startsWith("digraph \"say \\\"hi\\\"\" {\n  rankdir=LR;"), text);
        assertTrue(text.contains("label=\"range\\n"), text);
        assertTrue(text.contains("fillcolor=\"0.080 "), text);
        assertTrue(text.contains("  subgraph cluster_0 {\n    label=\"on range's thread\";"), text);
        assertTrue(text.contains("  s0 -> s1 [label=\"out → in\\nfused, 10 items\", style=bold];"), text);
        assertTrue(text.contains("style=dashed"), text);
        assertTrue(text.contains("(discarded)\\n0 items\", style=dotted];"), text);
        String svg = WorkflowDiagramTest.renderedWhereGraphvizIs(text);
        if (svg != null) {
            assertTrue(svg.contains("hash (merge)"), svg);
        }
    }
}
