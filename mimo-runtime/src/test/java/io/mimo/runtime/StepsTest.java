package io.mimo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Steps#from(Iterable)}, {@link Steps#from(Stream)} and {@link Steps#forEach}: quick sources and sinks. */
@Timeout(30)
class StepsTest {

    /** An iterable that remembers the thread iterating it: the source's. */
    static <T> Iterable<T> tracked(List<T> items, AtomicReference<Thread> thread) {
        return () -> {
            thread.set(Thread.currentThread());
            return items.iterator();
        };
    }

    @ParameterizedTest(name = "fusion {0}")
    @ValueSource(booleans = {true, false})
    void fromAndForEachMakeARoundTripFusedOrNot(boolean fusion) {
        List<Integer> items = TestSteps.ints(0, 10_000);
        AtomicReference<Thread> sourceThread = new AtomicReference<>();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Set<Thread> consumerThreads = ConcurrentHashMap.newKeySet();
        Workflow wf = new Workflow("round-trip", 16).fusion(fusion);
        var from = wf.add(Steps.from(tracked(items, sourceThread)));
        var forEach = wf.add(Steps.<Integer>forEach(item -> {
            consumerThreads.add(Thread.currentThread());
            seen.add(item);
        }));
        from.pipe(forEach);
        assertEquals(fusion, wf.toString().contains("fused: forEach into from"), wf::toString);

        wf.run();

        assertEquals(items, seen);
        assertEquals(1, consumerThreads.size());
        Thread consumer = consumerThreads.iterator().next();
        if (fusion) {
            assertSame(sourceThread.get(), consumer, "fused, the consumer runs on the feeder's thread");
        } else {
            assertNotEquals(sourceThread.get(), consumer, "unfused, the consumer runs on a thread of its own");
        }
        assertFalse(sourceThread.get().isAlive());
        assertFalse(consumer.isAlive());
    }

    @Test
    void theStepsHaveTypedPortsAndPlainNames() {
        Workflow wf = new Workflow("ports");
        Steps.From<String> from = wf.add(Steps.from(List.of("a")));
        Steps.ForEach<CharSequence> forEach = wf.add(Steps.forEach(s -> {}));
        from.out().pipe(forEach.in());
        assertSame(from.out(), from.onlyOutput());
        assertSame(forEach.in(), forEach.onlyInput());
        assertEquals("from", from.name());
        assertEquals("forEach", forEach.name());
        assertEquals("from.out", from.out().toString());
        assertEquals("forEach.in", forEach.in().toString());
        wf.run();
    }

    @Test
    void fromAStreamPushesItsItemsInOrderAndClosesIt() {
        AtomicBoolean closed = new AtomicBoolean();
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("stream");
        var from = wf.add(Steps.from(Stream.of("a", "b", "c").onClose(() -> closed.set(true))));
        from.pipe(wf.add(Steps.<String>forEach(seen::add)));

        wf.run();

        assertEquals(List.of("a", "b", "c"), seen);
        assertTrue(closed.get());
    }

    @Test
    void aParallelStreamIsPushedInOrderFromTheSourcesOwnThread() {
        Set<Thread> threads = ConcurrentHashMap.newKeySet();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("parallel");
        var from = wf.add(Steps.from(IntStream.range(0, 5_000).boxed().parallel()));
        from.pipe(wf.add(Steps.<Integer>forEach(item -> {
            threads.add(Thread.currentThread());
            seen.add(item);
        })));

        wf.run();

        assertEquals(TestSteps.ints(0, 5_000), seen);
        assertEquals(1, threads.size(), "pushes come from one thread: " + threads);
    }

    @Test
    void aStreamIsClosedWhenItsReadersEndEarly() {
        AtomicBoolean closed = new AtomicBoolean();
        Workflow wf = new Workflow("early", 4);
        var from = wf.add(Steps.from(Stream.iterate(0, i -> i + 1).onClose(() -> closed.set(true))));
        var take = wf.add(new TestSteps.Sink<Integer>("take", in -> {
            for (int i = 0; i < 5; i++) {
                in.pop();
            }
        }));
        from.pipe(take);

        wf.run(); // the endless source ends by SIGPIPE, not as a failure

        assertTrue(closed.get());
    }

    @Test
    void aStreamIsClosedWhenTheWorkflowFails() {
        AtomicBoolean closed = new AtomicBoolean();
        Workflow wf = new Workflow("failing", 4);
        var from = wf.add(Steps.from(Stream.iterate(0, i -> i + 1).onClose(() -> closed.set(true))));
        from.pipe(wf.add(Steps.<Integer>forEach(i -> {
            if (i == 100) {
                throw new IllegalStateException("boom at 100");
            }
        })));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("forEach", e.stream(), "the consumer's failure is the forEach step's");
        assertEquals("stream 'forEach' failed: boom at 100", e.getMessage());
        assertTrue(closed.get());
    }

    @Test
    void aStreamHandedToTwoStepsFailsTheSecondToRunIt() {
        Stream<Integer> once = Stream.of(1, 2, 3);
        Workflow first = new Workflow("first");
        first.add(Steps.from(once)).pipe(first.add(Steps.forEach(i -> {})));
        Workflow second = new Workflow("second");
        second.add(Steps.from(once)).pipe(second.add(Steps.forEach(i -> {})));

        first.run();
        WorkflowException e = assertThrows(WorkflowException.class, second::run);

        assertEquals("from", e.stream());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    @Test
    void aNullItemFailsTheSourceNamingIt() {
        Workflow wf = new Workflow("nulls");
        var from = wf.add(Steps.from(Arrays.asList(1, null, 3)));
        from.pipe(wf.add(Steps.forEach(i -> {})));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("from", e.stream());
        assertInstanceOf(NullPointerException.class, e.getCause());
    }

    @Test
    void fromIteratesWhenTheWorkflowRunsNotBefore() {
        AtomicBoolean iterated = new AtomicBoolean();
        Iterable<Integer> items = () -> {
            iterated.set(true);
            return List.<Integer>of().iterator();
        };
        Workflow wf = new Workflow("lazy");
        wf.add(Steps.from(items)).pipe(wf.add(Steps.forEach(i -> {})));
        assertFalse(iterated.get());
        wf.run();
        assertTrue(iterated.get());
    }

    @Test
    void nullArgumentsAreRefusedAtOnce() {
        assertThrows(NullPointerException.class, () -> Steps.from((Iterable<Object>) null));
        assertThrows(NullPointerException.class, () -> Steps.from((Stream<Object>) null));
        assertThrows(NullPointerException.class, () -> Steps.forEach(null));
        assertThrows(NullPointerException.class, () -> Steps.source(null));
        assertThrows(NullPointerException.class, () -> Steps.sink(null));
    }
}
