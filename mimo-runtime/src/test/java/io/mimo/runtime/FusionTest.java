package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.assertAllEnded;
import static io.mimo.runtime.TestSteps.copy;
import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Element steps fused onto the thread of the stream that feeds them: the same results, failures,
 * ends, back-pressure and deadlock handling as unfused, with fewer threads.
 */
@Timeout(30)
class FusionTest {

    interface Function<A, B> {
        B apply(A item) throws Exception;
    }

    /** A hand-written element step: one item in, what {@code function} returns out, when not {@code null}. */
    static final class Map<A, B> extends ElementStep<A> implements OneOutput<B> {
        final OutPort<B> out = output("out");
        private final Function<A, B> function;
        final AtomicReference<Thread> openedOn = new AtomicReference<>();
        final Set<Thread> calledOn = ConcurrentHashMap.newKeySet();

        Map(String name, Function<A, B> function) {
            super(name, "in");
            this.function = function;
        }

        @Override
        public OutPort<B> onlyOutput() {
            return out;
        }

        @Override
        protected ItemHandler<A> open(Context context) {
            openedOn.set(Thread.currentThread());
            Output<B> output = context.output(out);
            return item -> {
                calledOn.add(Thread.currentThread());
                B result = function.apply(item);
                if (result != null) {
                    output.push(result);
                }
            };
        }
    }

    /** An element step with no output, collecting what it is given. */
    static final class Collect<A> extends ElementStep<A> {
        final List<A> items = Collections.synchronizedList(new ArrayList<>());
        final AtomicReference<Thread> openedOn = new AtomicReference<>();

        Collect(String name) {
            super(name, "in");
        }

        @Override
        protected ItemHandler<A> open(Context context) {
            openedOn.set(Thread.currentThread());
            return items::add;
        }
    }

    static <A, B> Map<A, B> map(String name, Function<A, B> function) {
        return new Map<>(name, function);
    }

    static List<Integer> chainOf(int items, boolean fusion, List<Map<Integer, Integer>> maps) {
        Workflow wf = new Workflow("chain", 16).fusion(fusion);
        var source = wf.add(range("source", 0, items));
        Map<Integer, Integer> plusOne = wf.add(map("plusOne", x -> x + 1));
        Map<Integer, Integer> not3 = wf.add(map("not3", x -> x % 3 != 0 ? x : null));
        Map<Integer, Integer> twice = wf.add(map("twice", x -> x * 2));
        Map<Integer, Integer> not5 = wf.add(map("not5", x -> x % 5 != 0 ? x : null));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(plusOne).pipe(not3).pipe(twice).pipe(not5).pipe(sink);
        maps.addAll(List.of(plusOne, not3, twice, not5));
        wf.run();
        assertAllEnded(source, sink);
        for (Map<Integer, Integer> map : maps) {
            Thread expected = fusion ? source.thread.get() : map.openedOn.get();
            assertEquals(Set.of(expected), map.calledOn, () -> "the threads of " + map.name());
        }
        return sink.items;
    }

    @Test
    void aFusedChainGivesWhatTheUnfusedOneGivesOnTheSourcesThread() {
        int items = 100_000;
        List<Integer> expected = new ArrayList<>();
        for (int x = 0; x < items; x++) {
            int a = x + 1;
            if (a % 3 != 0 && (a * 2) % 5 != 0) {
                expected.add(a * 2);
            }
        }
        List<Map<Integer, Integer>> fusedMaps = new ArrayList<>();
        List<Map<Integer, Integer>> unfusedMaps = new ArrayList<>();

        assertEquals(expected, chainOf(items, true, fusedMaps));
        assertEquals(expected, chainOf(items, false, unfusedMaps));

        for (Map<Integer, Integer> map : unfusedMaps) {
            assertTrue(
                    map.openedOn.get().getName().equals("chain/" + map.name()),
                    map.openedOn.get().getName());
        }
        assertEquals(1, fusedMaps.stream().map(m -> m.openedOn.get()).distinct().count(), "one thread opens them all");
        assertTrue(fusedMaps.get(0).openedOn.get().getName().equals("chain/source"));
    }

    @Test
    void theWorkflowPictureShowsWhatRunsFused() {
        Workflow wf = new Workflow("chain");
        var source = wf.add(range("source", 0, 10));
        var square = wf.add(map("square", (Integer x) -> x * x));
        var inc = wf.add(map("inc", (Integer x) -> x + 1));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(square).pipe(inc).pipe(sink, 64);
        String fused = """
                workflow 'chain': 4 streams, 3 pipes
                  streams
                    source  in: -   out: out
                    square  in: in  out: out
                    inc     in: in  out: out
                    sink    in: in  out: -
                  pipes
                    source.out  -> square.in  fused
                    square.out  -> inc.in     fused
                    inc.out     -> sink.in    64 items
                  fused: square, inc into source""";

        assertEquals(fused, wf.toString());
        assertTrue(wf.fusion());

        wf.fusion(false);

        assertEquals("""
                workflow 'chain': 4 streams, 3 pipes
                  streams
                    source  in: -   out: out
                    square  in: in  out: out
                    inc     in: in  out: out
                    sink    in: in  out: -
                  pipes
                    source.out  -> square.in  256 items
                    square.out  -> inc.in     256 items
                    inc.out     -> sink.in    64 items""", wf.toString());
        wf.fusion(true);
        wf.run();
        assertEquals(ints(0, 10).stream().map(x -> x * x + 1).toList(), sink.items);
        assertThrows(IllegalStateException.class, () -> wf.fusion(false));
    }

    @Test
    void onlyAnElementStepFedByOnePipeFromAnItemOutputIsFused() {
        Workflow wf = new Workflow("shapes");
        var a = wf.add(range("a", 0, 100));
        var b = wf.add(range("b", 100, 200));
        var merged = wf.add(new Collect<Integer>("merged"));
        a.pipe(merged);
        b.pipe(merged);
        var bytes = wf.add(new Step("bytes") {
            final OutPort<ByteBuffer> out = byteOutput("out");

            @Override
            protected void run(Context context) {
                context.byteOutput(out).write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            }
        });
        var views = wf.add(new Collect<ByteBuffer>("views"));
        bytes.out.pipe(views.onlyInput());

        assertFalse(wf.toString().contains("fused"), wf::toString);

        wf.run();

        List<Integer> sorted = new ArrayList<>(merged.items);
        Collections.sort(sorted);
        assertEquals(ints(0, 200), sorted);
        assertEquals("shapes/merged", merged.openedOn.get().getName());
        assertEquals(1, views.items.size());
        assertEquals("shapes/views", views.openedOn.get().getName());
    }

    @Test
    void aBroadcastFeedsPipesAndFusedStepsSideBySide() {
        int items = 50_000;
        Workflow wf = new Workflow("broadcast", 8);
        var source = wf.add(range("source", 0, items));
        Relay<Integer, Integer> copy = wf.add(copy("copy"));
        var piped = wf.add(new Sink<Integer>("piped"));
        var negate = wf.add(map("negate", (Integer x) -> -x));
        var fusedSink = wf.add(new Collect<Integer>("fusedSink"));
        var afterFused = wf.add(new Sink<Integer>("afterFused"));
        source.pipe(copy).pipe(piped);
        source.pipe(negate).pipe(afterFused);
        source.pipe(fusedSink);

        assertTrue(wf.toString().endsWith("\n  fused: negate, fusedSink into source"), wf::toString);

        wf.run();

        assertEquals(ints(0, items), piped.items);
        assertEquals(ints(0, items), fusedSink.items);
        assertEquals(ints(0, items).stream().map(x -> -x).toList(), afterFused.items);
        assertSame(source.thread.get(), fusedSink.openedOn.get());
        assertSame(source.thread.get(), negate.openedOn.get());
        assertAllEnded(source, copy, piped, afterFused);
    }

    @Test
    void aFailureInAFusedStepIsThatStepsFailure() {
        RuntimeException boom = new IllegalArgumentException("boom at 500");
        Workflow wf = new Workflow("failing", 16);
        var source = wf.add(range("source", 0, 10_000));
        var square = wf.add(map("square", (Integer x) -> x * x));
        var inc = wf.add(map("inc", (Integer x) -> {
            if (x == 500 * 500) {
                throw boom;
            }
            return x + 1;
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(square).pipe(inc).pipe(sink);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("stream 'inc' failed: boom at 500", e.getMessage());
        assertEquals("inc", e.stream());
        assertSame(boom, e.getCause());
        assertArrayEquals(new Throwable[0], e.getSuppressed(), "the host's unwinding is no failure");
        assertAllEnded(source, sink);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFailureInOpenOrInAFusedSinkIsThatStepsFailure(boolean inOpen) {
        Workflow wf = new Workflow("failing");
        var source = wf.add(range("source", 0, 1000));
        var sink = wf.add(new ElementStep<Integer>("sink", "in") {
            @Override
            protected ItemHandler<Integer> open(Context context) throws IOException {
                if (inOpen) {
                    throw new IOException("no disk");
                }
                return x -> {
                    if (x == 999) {
                        throw new IOException("disk full");
                    }
                };
            }
        });
        source.pipe(sink);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("stream 'sink' failed: " + (inOpen ? "no disk" : "disk full"), e.getMessage());
        assertEquals("sink", e.stream());
        assertInstanceOf(IOException.class, e.getCause());
        assertAllEnded(source);
    }

    @Test
    void pushingNullFromAFusedStepNamesIt() {
        Workflow wf = new Workflow("nulls");
        var source = wf.add(range("source", 0, 10));
        var nothing = wf.add(new ElementStep<Integer>("nothing", "in") {
            final OutPort<String> out = output("out");

            @Override
            protected ItemHandler<Integer> open(Context context) {
                Output<String> output = context.output(out);
                return x -> output.push(null);
            }
        });
        var sink = wf.add(new Sink<String>("sink"));
        nothing.out.pipe(sink.in);
        source.pipe(nothing);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("nothing", e.stream());
        assertEquals(
                "stream 'nothing' pushed null to output 'nothing.out': items must not be null",
                e.getCause().getMessage());
    }

    @Test
    void aFusedStepReadingItsInputFromTheContextIsTold() {
        Workflow wf = new Workflow("misuse");
        var source = wf.add(range("source", 0, 10));
        var reader = wf.add(new ElementStep<Integer>("reader", "x") {
            @Override
            protected ItemHandler<Integer> open(Context context) {
                context.input(onlyInput()).poll();
                return x -> {};
            }
        });
        source.pipe(reader);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("reader", e.stream());
        assertEquals(
                "input 'reader.x' of element step 'reader' runs fused: its items come through the handler that"
                        + " open() returns; do not read it from the context",
                e.getCause().getMessage());
    }

    @Test
    void theEndOfTheFeederEndsTheFusedStepsAndFlushesTheirByteOutputs() {
        Workflow wf = new Workflow("bytes");
        var source = wf.add(range("source", 0, 1000));
        var text = wf.add(new ElementStep<Integer>("text", "in") {
            final OutPort<ByteBuffer> out = byteOutput("out");

            @Override
            protected ItemHandler<Integer> open(Context context) {
                OutputStream stream = context.byteOutput(out).asOutputStream();
                return x -> stream.write((x + "\n").getBytes(StandardCharsets.US_ASCII));
            }
        });
        StringBuilder read = new StringBuilder();
        var reader = wf.add(new Step("reader") {
            final InPort<ByteBuffer> in = byteInput("in");

            @Override
            protected void run(Context context) throws IOException {
                read.append(
                        new String(context.byteInput(in).asInputStream().readAllBytes(), StandardCharsets.US_ASCII));
            }
        });
        source.pipe(text);
        text.out.pipe(reader.in);

        wf.run();

        StringBuilder expected = new StringBuilder();
        ints(0, 1000).forEach(x -> expected.append(x).append('\n'));
        assertEquals(expected.toString(), read.toString());
    }

    @Test
    void aFusedStepWhoseReaderEndsEarlyStopsAnEndlessSource() {
        AtomicInteger pushed = new AtomicInteger();
        Workflow wf = new Workflow("take", 4);
        var endless = wf.add(new Source<Integer>("endless", out -> {
            for (int i = 0; ; i++) {
                out.push(i);
                pushed.incrementAndGet();
            }
        }));
        var square = wf.add(map("square", (Integer x) -> x * x));
        var inc = wf.add(map("inc", (Integer x) -> x + 1));
        var take = wf.add(new Sink<Integer>("take", in -> {
            for (int i = 0; i < 10; i++) {
                in.pop();
            }
        }));
        endless.pipe(square).pipe(inc).pipe(take);

        wf.run();

        assertTrue(pushed.get() < 10 + 4 + 2, "pushed after the reader ended: " + pushed.get());
        assertAllEnded(endless, take);
    }

    @Test
    void aDeadFusedStepIsDroppedWhileTheOtherReadersOfItsFeederGoOn() {
        int items = 20_000;
        Workflow wf = new Workflow("partial", 4);
        var source = wf.add(range("source", 0, items));
        var square = wf.add(map("square", (Integer x) -> x * x));
        var take = wf.add(new Sink<Integer>("take", in -> {
            for (int i = 0; i < 10; i++) {
                in.pop();
            }
        }));
        square.pipe(take);
        source.pipe(square);
        var all = wf.add(new Sink<Integer>("all"));
        source.pipe(all);
        var counted = wf.add(new Collect<Integer>("counted"));
        source.pipe(counted);

        wf.run();

        assertEquals(ints(0, items), all.items);
        assertEquals(ints(0, items), counted.items);
        assertAllEnded(source, take, all);
    }

    @Test
    void aDeadSoleReaderOfOneOutputIsCutWhileTheOtherOutputsGoOn() {
        int items = 20_000;
        Workflow wf = new Workflow("two outputs", 4);
        var source = wf.add(new Step("source") {
            final OutPort<Integer> a = output("a");
            final OutPort<Integer> b = output("b");

            @Override
            protected void run(Context context) {
                Output<Integer> toA = context.output(a);
                Output<Integer> toB = context.output(b);
                for (int i = 0; i < items; i++) {
                    toA.push(i);
                    toB.push(i);
                }
            }
        });
        AtomicInteger handled = new AtomicInteger();
        var square = wf.add(map("square", (Integer x) -> {
            handled.incrementAndGet();
            return x * x;
        }));
        var take = wf.add(new Sink<Integer>("take", in -> {
            for (int i = 0; i < 10; i++) {
                in.pop();
            }
        }));
        var all = wf.add(new Sink<Integer>("all"));
        source.a.pipe(square.onlyInput());
        square.pipe(take);
        source.b.pipe(all.in);

        wf.run();

        assertEquals(ints(0, items), all.items);
        assertTrue(handled.get() < 10 + 4 + 2, "handled after its reader ended: " + handled.get());
    }

    @Test
    void eachKindOfHandlerGetsAnOutputClassOfItsOwn() {
        List<Class<?>> classes = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            Workflow wf = new Workflow("classes");
            AtomicReference<Class<?>> outputClass = new AtomicReference<>();
            var source = wf.add(new Source<Integer>("source", out -> {
                outputClass.set(out.getClass());
                out.push(1);
            }));
            var step = wf.add(run < 2 ? map("square", (Integer x) -> x * x) : new Collect<Integer>("collect"));
            if (step instanceof Map<Integer, ?> m) {
                m.out.discard();
            }
            source.pipe(step);
            wf.run();
            classes.add(outputClass.get());
        }

        assertSame(classes.get(0), classes.get(1), "the same handler class, the same output class");
        assertNotSame(classes.get(0), classes.get(2));
        assertTrue(classes.get(0).isHidden() && classes.get(2).isHidden(), classes::toString);
    }

    @Test
    void aDiamondOfFusedMapsFinishesByGrowingPipes() {
        int items = 10_000;
        Workflow wf = new Workflow("diamond", 16);
        var source = wf.add(range("source", 0, items));
        var twice = wf.add(map("twice", (Integer x) -> x * 2));
        var plusOne = wf.add(map("plusOne", (Integer x) -> x + 1));
        var join = wf.add(DeadlockTest.leftThenRight("join"));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(twice);
        source.pipe(plusOne);
        twice.out.pipe(join.left);
        plusOne.out.pipe(join.right);
        join.pipe(sink);

        assertTrue(wf.toString().endsWith("\n  fused: twice, plusOne into source"), wf::toString);

        wf.run();

        List<Integer> expected = new ArrayList<>();
        ints(0, items).forEach(x -> expected.add(x * 2));
        ints(0, items).forEach(x -> expected.add(x + 1));
        assertEquals(expected, sink.items);
        assertAllEnded(source, join, sink);
    }

    @Test
    void aDeadlockNamesTheThreadAndTheFusedStepsUnderWay() {
        Workflow wf = new Workflow("stuck", 4).growthLimit(4);
        var source = wf.add(range("source", 0, 1000));
        var square = wf.add(map("square", (Integer x) -> x * x));
        var inc = wf.add(map("inc", (Integer x) -> x + 1));
        var join = wf.add(new Join<Integer, Integer, Integer>("join", (left, right, out) -> {
            for (int x : right) {
                out.push(x);
            }
            for (int x : left) {
                out.push(x);
            }
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.out.pipe(join.right);
        source.pipe(square).pipe(inc).pipe(join.left);
        join.pipe(sink);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertTrue(e.getMessage().startsWith("deadlock in workflow 'stuck'"), e.getMessage());
        assertTrue(
                e.getMessage()
                        .contains("'source' (running 'square', 'inc' fused) waits for room on"
                                + " 'inc.out -> join.left' (full, 4 items)"),
                e.getMessage());
    }

    @Test
    void cancellingStopsAnEndlessSourceFeedingAFusedSink() throws InterruptedException {
        Workflow wf = new Workflow("endless");
        var endless = wf.add(new Source<Integer>("endless", out -> {
            for (int i = 0; ; i++) {
                out.push(i & 0xff);
            }
        }));
        AtomicInteger seen = new AtomicInteger();
        var sink = wf.add(new ElementStep<Integer>("count", "in") {
            @Override
            protected ItemHandler<Integer> open(Context context) {
                return x -> seen.incrementAndGet();
            }
        });
        endless.pipe(sink);
        Execution run = wf.start();
        while (seen.get() < 1000) {
            Thread.sleep(1);
        }

        run.cancel();

        WorkflowException e = assertThrows(WorkflowException.class, run::await);
        assertTrue(e.getMessage().contains("cancelled"), e.getMessage());
        assertTrue(run.isDone());
        assertAllEnded(endless);
    }

    @Test
    void aCycleOfElementStepsRunsOneOfThemUnfused() {
        Workflow wf = new Workflow("cycle");
        var a = wf.add(map("a", (Integer x) -> x));
        var b = wf.add(map("b", (Integer x) -> x));
        a.pipe(b).pipe(a);

        assertTrue(wf.toString().endsWith("\n  fused: b into a"), wf::toString);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);
        assertTrue(e.getMessage().startsWith("deadlock"), e.getMessage());
    }

    @Test
    void anElementStepHasExactlyOneInput() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ElementStep<Integer>("two", "x") {
            final InPort<Integer> y = input("y");

            @Override
            protected ItemHandler<Integer> open(Context context) {
                return x -> {};
            }
        });
        assertEquals(
                "element step 'two' cannot declare input 'y': it has exactly one input, 'x'; extend Step for a"
                        + " step of several inputs",
                e.getMessage());
    }

    @Test
    void aFusedChainWithFusionOffRunsEachStepOnItsOwnThread() {
        Workflow wf = new Workflow("off").fusion(false);
        var source = wf.add(range("source", 0, 100));
        var square = wf.add(map("square", (Integer x) -> x * x));
        var sink = wf.add(new Collect<Integer>("sink"));
        source.pipe(square).pipe(sink);

        wf.run();

        assertEquals(ints(0, 100).stream().map(x -> x * x).toList(), sink.items);
        assertNotSame(source.thread.get(), square.openedOn.get());
        assertNotSame(square.openedOn.get(), sink.openedOn.get());
        assertEquals("off/sink", sink.openedOn.get().getName());
    }
}
