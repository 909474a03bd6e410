package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.FusionTest.Collect;
import io.mimo.runtime.TestSteps.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Waiting on several inputs ({@link Inputs#select}), waiting a while ({@link Input#poll(Duration)},
 * {@link Input#isEnded()}) and not waiting ({@link Output#offer}).
 */
@Timeout(60)
class SelectPollOfferTest {

    /** A step reading two inputs, {@code a} and {@code b}, with {@code body}. */
    static DynamicStep twoInputs(String name, DynamicStep.Body body) {
        return DynamicStep.of(name, List.of("a", "b"), List.of(), body);
    }

    /** A sink that waits for {@code latch}, then collects every item into {@code into}. */
    static Sink<Integer> collectAfter(String name, CountDownLatch latch, List<Integer> into) {
        return new Sink<>(name, in -> {
            latch.await();
            for (Integer item : in) {
                into.add(item);
            }
        });
    }

    // ---------------------------------------------------------------- select

    @ParameterizedTest(name = "fusion {0}")
    @ValueSource(booleans = {true, false})
    void selectTakesEveryItemOfEveryInputInOrderAndReturnsNullOnceAllHaveEnded(boolean fusion) {
        Workflow wf = new Workflow("select", 16).fusion(fusion);
        var a = wf.add(range("a", 0, 5_000));
        var b = wf.add(range("b", 100_000, 100_300));
        var plus = wf.add(FusionTest.map("plus", (Integer x) -> x + 1)); // fused into b when fusion is on
        List<Object> fromA = new ArrayList<>();
        List<Object> fromB = new ArrayList<>();
        var selector = wf.add(twoInputs("selector", ports -> {
            Input<Object> x = ports.input("a");
            Input<Object> y = ports.input("b");
            for (Input<?> ready; (ready = Inputs.select(x, y)) != null; ) {
                (ready == x ? fromA : fromB).add(ready.pop());
            }
            assertTrue(x.isEnded() && y.isEnded());
        }));
        a.out.pipe(selector.in("a"));
        b.pipe(plus).out.pipe(selector.in("b"));

        wf.run();

        assertEquals(ints(0, 5_000), fromA);
        assertEquals(ints(100_001, 100_301), fromB);
    }

    @Test
    void selectTakesInTurnsWhenEveryInputHasItems() throws Exception {
        Workflow wf = new Workflow("fair", 4_096);
        CountDownLatch bothWritten = new CountDownLatch(2);
        var a = wf.add(new TestSteps.Source<Integer>("a", out -> {
            for (int i = 0; i < 1_000; i++) out.push(0);
            bothWritten.countDown();
        }));
        var b = wf.add(new TestSteps.Source<Integer>("b", out -> {
            for (int i = 0; i < 1_000; i++) out.push(1);
            bothWritten.countDown();
        }));
        StringBuilder order = new StringBuilder();
        var selector = wf.add(twoInputs("selector", ports -> {
            bothWritten.await();
            Input<Object> x = ports.input("a");
            Input<Object> y = ports.input("b");
            for (Input<?> ready; (ready = Inputs.select(x, y)) != null; ) {
                order.append(ready.pop());
            }
        }));
        a.out.pipe(selector.in("a"));
        b.out.pipe(selector.in("b"));

        wf.run();

        // Both inputs hold every item before the first select: it alternates, starting anywhere.
        String taken = order.toString();
        assertEquals(2_000, taken.length());
        assertTrue(taken.equals("01".repeat(1_000)) || taken.equals("10".repeat(1_000)), taken.substring(0, 40));
    }

    @Test
    void anInputThatAlwaysHasItemsDoesNotStarveOneThatRarelyHas() {
        Workflow wf = new Workflow("starve", 64);
        AtomicBoolean rareDone = new AtomicBoolean();
        int cap = 50_000_000;
        var busy = wf.add(new TestSteps.Source<Integer>("busy", out -> {
            // Items all the time, until every rare item has been taken (or a cap, so a failure ends).
            for (int i = 0; i < cap && !rareDone.get(); i++) {
                out.push(i);
            }
        }));
        var rare = wf.add(new TestSteps.Source<Integer>("rare", out -> {
            for (int i = 0; i < 20; i++) {
                Thread.sleep(2);
                out.push(i);
            }
        }));
        List<Object> rareTaken = new ArrayList<>();
        int[] busyTaken = new int[1];
        var selector = wf.add(twoInputs("selector", ports -> {
            Input<Object> x = ports.input("a");
            Input<Object> y = ports.input("b");
            for (Input<?> ready; (ready = Inputs.select(x, y)) != null; ) {
                Object item = ready.pop();
                if (ready == x) {
                    busyTaken[0]++;
                } else {
                    rareTaken.add(item);
                    rareDone.set(rareTaken.size() == 20);
                }
            }
        }));
        busy.out.pipe(selector.in("a"));
        rare.out.pipe(selector.in("b"));

        wf.run();

        assertEquals(ints(0, 20), rareTaken, "every rare item, in order");
        assertTrue(busyTaken[0] < cap, "the rare input was served while the busy one always had items");
    }

    @Test
    void aSelectInACycleIsADeadlockNamingEveryInputItWaitsOn() {
        Workflow wf = new Workflow("cycle");
        var selector = wf.add(DynamicStep.of("selector", List.of("a", "b"), List.of("out"), ports -> {
            Inputs.select(ports.input("a"), ports.input("b"));
        }));
        var echo = wf.add(DynamicStep.of("echo", List.of("in"), List.of("x", "y"), ports -> {
            ports.input("in").pop();
        }));
        selector.out("out").pipe(echo.in("in"));
        echo.out("x").pipe(selector.in("a"));
        echo.out("y").pipe(selector.in("b"));

        WorkflowException failure = assertThrows(WorkflowException.class, wf::run);

        assertTrue(failure.getMessage().startsWith("deadlock in workflow 'cycle'"), failure.getMessage());
        assertTrue(
                failure.getMessage().contains("'selector' waits for an item on any of 'selector.a', 'selector.b'"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("'echo' waits for an item on 'echo.in'"), failure.getMessage());
    }

    @Test
    void selectRefusesNoInputsAndInputsOfAnotherStream() {
        Workflow wf = new Workflow("refuse");
        AtomicReference<Input<Object>> othersInput = new AtomicReference<>();
        CountDownLatch handedOver = new CountDownLatch(1);
        List<Throwable> refusals = Collections.synchronizedList(new ArrayList<>());
        var other = wf.add(DynamicStep.of("other", List.of("in"), List.of(), ports -> {
            othersInput.set(ports.input("in"));
            handedOver.countDown();
            for (Object ignored : ports.input("in")) {}
        }));
        var selector = wf.add(DynamicStep.of("selector", List.of("in"), List.of(), ports -> {
            handedOver.await();
            refusals.add(assertThrows(IllegalArgumentException.class, () -> Inputs.select()));
            refusals.add(assertThrows(
                    IllegalArgumentException.class, () -> Inputs.select(ports.input("in"), othersInput.get())));
            for (Object ignored : ports.input("in")) {}
        }));
        wf.add(range("s1", 0, 1)).out.pipe(other.in("in"));
        wf.add(range("s2", 0, 1)).out.pipe(selector.in("in"));

        wf.run();

        assertEquals(
                "select needs at least one input to wait on", refusals.get(0).getMessage());
        assertEquals(
                "select waits on inputs of one stream: 'other.in' belongs to stream 'other', 'selector.in'"
                        + " to 'selector'",
                refusals.get(1).getMessage());
    }

    // ---------------------------------------------------------------- poll(Duration), isEnded

    @Test
    void aTimedPollReturnsNullWhenTheTimeIsUpAndTheItemOnceItComes() {
        Workflow wf = new Workflow("timed");
        CountDownLatch release = new CountDownLatch(1);
        var source = wf.add(new TestSteps.Source<Integer>("slow", out -> {
            release.await();
            out.push(42);
        }));
        List<Object> seen = new ArrayList<>();
        var reader = wf.add(new Sink<Integer>("reader", in -> {
            long start = System.nanoTime();
            seen.add(in.poll(Duration.ofMillis(50)));
            seen.add(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
            seen.add(in.isEnded());
            seen.add(in.poll(Duration.ZERO));
            release.countDown();
            seen.add(in.poll(Duration.ofSeconds(30)));
            seen.add(in.poll(Duration.ofSeconds(30)));
            seen.add(in.isEnded());
        }));
        source.pipe(reader);

        wf.run();

        assertEquals(java.util.Arrays.asList(null, true, false, null, 42, null, true), seen);
    }

    @Test
    void streamsThatPollWithATimeoutAreNoDeadlock() {
        // Each waits for the other: with poll() this would be a deadlock; timed, each gives up and ends.
        Workflow wf = new Workflow("patient");
        List<Object> got = Collections.synchronizedList(new ArrayList<>());
        var left = wf.add(DynamicStep.of("left", List.of("in"), List.of("out"), ports -> {
            for (int i = 0; i < 5; i++) got.add(ports.input("in").poll(Duration.ofMillis(20)));
        }));
        var right = wf.add(DynamicStep.of("right", List.of("in"), List.of("out"), ports -> {
            for (int i = 0; i < 5; i++) got.add(ports.input("in").poll(Duration.ofMillis(20)));
        }));
        left.out("out").pipe(right.in("in"));
        right.out("out").pipe(left.in("in"));

        wf.run();

        assertEquals(Collections.nCopies(10, null), got);
    }

    @Test
    void cancellingAWorkflowEndsATimedPollAtOnce() throws Exception {
        Workflow wf = new Workflow("cancelled");
        CountDownLatch polling = new CountDownLatch(1);
        var source = wf.add(new TestSteps.Source<Integer>("never", out -> new CountDownLatch(1).await()));
        var reader = wf.add(new Sink<Integer>("reader", in -> {
            polling.countDown();
            in.poll(Duration.ofMinutes(10));
        }));
        source.pipe(reader);
        Execution run = wf.start();
        polling.await();
        Thread.sleep(20);

        long start = System.nanoTime();
        run.cancel();
        WorkflowException failure = assertThrows(WorkflowException.class, run::await);

        assertEquals("workflow 'cancelled' was cancelled", failure.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    // ---------------------------------------------------------------- offer

    @Test
    void offerPushesUntilThePipeIsFullAndNeverWaits() throws Exception {
        Workflow wf = new Workflow("offer");
        CountDownLatch offered = new CountDownLatch(1);
        List<Boolean> answers = new ArrayList<>();
        var source = wf.add(new TestSteps.Source<Integer>("source", out -> {
            for (int i = 0; i < 6; i++) answers.add(out.offer(i));
            offered.countDown();
        }));
        List<Integer> received = new ArrayList<>();
        var sink = wf.add(collectAfter("sink", offered, received));
        source.pipe(sink, 4);

        wf.run();

        assertEquals(List.of(true, true, true, true, false, false), answers);
        assertEquals(ints(0, 4), received);
    }

    @Test
    void aBroadcastOfferIsAllOrNothing() throws Exception {
        Workflow wf = new Workflow("broadcast");
        CountDownLatch offered = new CountDownLatch(1);
        List<Boolean> answers = new ArrayList<>();
        var source = wf.add(new TestSteps.Source<Integer>("source", out -> {
            for (int i = 0; i < 4; i++) answers.add(out.offer(i));
            offered.countDown();
        }));
        List<Integer> slowGot = new ArrayList<>();
        List<Integer> fastGot = new ArrayList<>();
        var slow = wf.add(collectAfter("slow", offered, slowGot));
        var fast = wf.add(collectAfter("fast", offered, fastGot));
        source.out.pipe(slow.in, 2);
        source.out.pipe(fast.in, 100);

        wf.run();

        assertEquals(List.of(true, true, false, false), answers);
        assertEquals(ints(0, 2), slowGot);
        assertEquals(ints(0, 2), fastGot, "the reader with room got only what every reader got");
    }

    @ParameterizedTest(name = "fusion {0}")
    @ValueSource(booleans = {true, false})
    void offerIntoAFusedStepLooksAtThePipesAfterIt(boolean fusion) throws Exception {
        Workflow wf = new Workflow("fused offer").fusion(fusion);
        CountDownLatch offered = new CountDownLatch(1);
        List<Boolean> answers = new ArrayList<>();
        var source = wf.add(new TestSteps.Source<Integer>("source", out -> {
            for (int i = 0; i < 5; i++) answers.add(out.offer(i));
            offered.countDown();
        }));
        var square = wf.add(FusionTest.map("square", (Integer x) -> x * x));
        List<Integer> received = new ArrayList<>();
        var sink = wf.add(collectAfter("sink", offered, received));
        source.pipe(square, 3).out.pipe(sink.in, 3);

        wf.run();

        // Fused: room for 3 after square. Unfused: 3 before square, which takes one more from its pipe
        // while it waits to push its fourth, so 4 or more fit; either way never all 5 at once.
        long accepted = answers.stream().filter(b -> b).count();
        assertEquals(List.of(true, true, true), answers.subList(0, 3));
        assertTrue(fusion ? accepted == 3 : accepted >= 3, answers::toString);
        assertFalse(answers.get(answers.size() - 1) && fusion, answers::toString);
        assertEquals(ints(0, (int) accepted).stream().map(x -> x * x).toList(), received);
    }

    @Test
    void offerIntoADiscardedOutputOrAfterEveryReaderEndedDropsTheItem() {
        Workflow wf = new Workflow("drops");
        List<Boolean> answers = Collections.synchronizedList(new ArrayList<>());
        var source = wf.add(DynamicStep.of("source", List.of(), List.of("kept", "dropped"), ports -> {
            answers.add(ports.output("dropped").offer("x"));
            ports.output("kept").push("y");
        }));
        source.out("dropped").discard();
        Collect<Object> sink = wf.add(new Collect<>("sink"));
        source.out("kept").pipe(sink.onlyInput());

        wf.run();

        assertEquals(List.of(true), answers);
        assertEquals(List.of("y"), sink.items);
    }
}
