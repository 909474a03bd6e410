package io.mimo.runtime;

import static io.mimo.runtime.PublisherSourceTest.awaitTrue;
import static io.mimo.runtime.TestSteps.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Steps#sink(Flow.Subscriber)}: a workflow feeding a subscriber, as fast as it asks. */
@Timeout(30)
class SubscriberSinkTest {

    /** Records every signal and the threads they came on; subclasses say what to request. */
    static class Recorder<T> implements Flow.Subscriber<T> {
        final List<T> items = Collections.synchronizedList(new ArrayList<>());
        final List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger completions = new AtomicInteger();
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        volatile Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            threads.add(Thread.currentThread());
            this.subscription = subscription;
            subscribed(subscription);
        }

        @Override
        public void onNext(T item) {
            threads.add(Thread.currentThread());
            items.add(item);
            next(item);
        }

        @Override
        public void onError(Throwable throwable) {
            threads.add(Thread.currentThread());
            errors.add(throwable);
        }

        @Override
        public void onComplete() {
            threads.add(Thread.currentThread());
            completions.incrementAndGet();
        }

        void subscribed(Flow.Subscription subscription) {}

        void next(T item) {}

        void assertNoThreadLeft() {
            for (Thread thread : threads) {
                assertFalse(thread.isAlive(), () -> thread + " outlived its workflow");
            }
        }
    }

    /** Endless 0, 1, 2…, counting the items taken from it. */
    static Iterable<Integer> counting(AtomicInteger produced) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return produced.getAndIncrement();
            }
        };
    }

    @Test
    void itSignalsOnItsStreamsThreadAndTakesRequestsFromWithinOnNext() {
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(1);
            }

            @Override
            void next(Integer item) {
                subscription.request(1); // re-entrant: only counted, delivered by the loop
            }
        };
        Workflow wf = new Workflow("one-by-one", 8);
        wf.add(Steps.from(ints(0, 1000))).pipe(wf.add(Steps.sink(subscriber)));

        wf.run();

        assertEquals(ints(0, 1000), subscriber.items);
        assertEquals(1, subscriber.completions.get());
        assertTrue(subscriber.errors.isEmpty());
        assertEquals(1, subscriber.threads.size());
        assertEquals("one-by-one/sink", subscriber.threads.iterator().next().getName());
        subscriber.assertNoThreadLeft();
    }

    @Test
    void aSlowSubscriberBoundsMemoryTheSinkNeverTakesAheadOfDemand() throws InterruptedException {
        AtomicInteger produced = new AtomicInteger();
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(10);
            }
        };
        Workflow wf = new Workflow("slow", 4);
        wf.add(Steps.from(counting(produced))).pipe(wf.add(Steps.sink(subscriber)));
        Execution run = wf.start();

        // 10 delivered, 4 in the pipe (the next one peeked at, not taken), 1 in the writer's hand.
        awaitTrue(() -> produced.get() == 10 + 4 + 1);
        Thread.sleep(100);
        assertEquals(15, produced.get());
        assertEquals(ints(0, 10), subscriber.items);
        assertFalse(run.isDone(), "waiting for demand is no deadlock");

        subscriber.subscription.request(5);
        awaitTrue(() -> produced.get() == 20);
        assertEquals(ints(0, 15), subscriber.items);

        subscriber.subscription.cancel();
        run.await(); // the endless source ends by SIGPIPE, no failure
        assertTrue(subscriber.errors.isEmpty());
        assertEquals(0, subscriber.completions.get());
        subscriber.assertNoThreadLeft();
    }

    @Test
    void requestsFromAnotherThreadResumeDelivery() throws InterruptedException {
        Recorder<Integer> subscriber = new Recorder<>();
        Workflow wf = new Workflow("remote");
        wf.add(Steps.from(ints(0, 100))).pipe(wf.add(Steps.sink(subscriber)));
        Execution run = wf.start();
        awaitTrue(() -> subscriber.subscription != null);
        Thread.sleep(20);
        assertTrue(subscriber.items.isEmpty());

        subscriber.subscription.request(5);
        awaitTrue(() -> subscriber.items.size() == 5);
        Thread.sleep(20);
        assertEquals(5, subscriber.items.size());
        subscriber.subscription.request(Long.MAX_VALUE);
        subscriber.subscription.request(Long.MAX_VALUE); // demand stops at Long.MAX_VALUE: unbounded
        run.await();

        assertEquals(ints(0, 100), subscriber.items);
        assertEquals(1, subscriber.completions.get());
    }

    @Test
    void theEndIsSignalledWithoutDemand() {
        Recorder<Integer> exact = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(2);
            }
        };
        Recorder<Integer> none = new Recorder<>();
        Workflow wf = new Workflow("ends");
        wf.add(Steps.from(List.of(1, 2))).pipe(wf.add(Steps.sink(exact)));
        wf.add(Steps.from(List.<Integer>of())).pipe(wf.add(Steps.sink(none)));

        wf.run();

        assertEquals(List.of(1, 2), exact.items);
        assertEquals(1, exact.completions.get());
        assertEquals(1, none.completions.get());
    }

    @Test
    void aCancelInTheMiddleEndsTheUpstreamBySigpipeWithoutFailure() {
        AtomicBoolean closed = new AtomicBoolean();
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            void next(Integer item) {
                if (item == 99) {
                    subscription.cancel();
                }
            }
        };
        Workflow wf = new Workflow("cancel", 4);
        var from = wf.add(Steps.from(Stream.iterate(0, i -> i + 1).onClose(() -> closed.set(true))));
        var relay = wf.add(TestSteps.<Integer>copy("relay"));
        from.pipe(relay).pipe(wf.add(Steps.sink(subscriber)));

        wf.run(); // no failure: the endless source and the relay end by SIGPIPE

        assertEquals(ints(0, 100), subscriber.items, "nothing after the cancel");
        assertTrue(subscriber.errors.isEmpty());
        assertEquals(0, subscriber.completions.get());
        assertTrue(closed.get(), "the source's stream was closed");
        TestSteps.assertAllEnded(relay);
        subscriber.assertNoThreadLeft();
    }

    @Test
    void aCancelFromOnSubscribeEndsTheSinkAtOnce() {
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.cancel();
            }
        };
        Workflow wf = new Workflow("never", 2);
        wf.add(Steps.from(counting(new AtomicInteger()))).pipe(wf.add(Steps.sink(subscriber)));

        wf.run();

        assertTrue(subscriber.items.isEmpty());
        assertTrue(subscriber.errors.isEmpty());
        assertEquals(0, subscriber.completions.get());
    }

    @Test
    void aFailingStreamElsewhereMakesTheSinkWaitingForDemandSignalOnErrorOnce() {
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(3);
            }
        };
        assertOnErrorOnce(subscriber, Steps.from(ints(0, 10)));
    }

    @Test
    void aFailingStreamElsewhereMakesTheSinkWaitingForItsInputSignalOnErrorOnce() {
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }
        };
        assertOnErrorOnce(subscriber, new TestSteps.Source<>("three", out -> {
            for (int i = 0; i < 3; i++) {
                out.push(i);
            }
            new CountDownLatch(1).await(); // no more, no end
        }));
    }

    /** {@code source} feeds the sink 3 items, then a stream elsewhere fails. */
    private static <S extends Step & OneOutput<Integer>> void assertOnErrorOnce(
            Recorder<Integer> subscriber, S source) {
        Workflow wf = new Workflow("fails");
        wf.add(source).pipe(wf.add(Steps.sink(subscriber)));
        var fails = wf.add(new TestSteps.Source<Integer>("fails", out -> {
            awaitTrue(() -> subscriber.items.size() == 3);
            Thread.sleep(20); // the sink waits again
            throw new IOException("failing elsewhere");
        }));
        fails.out.discard();

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("fails", e.stream());
        assertEquals(List.of(0, 1, 2), subscriber.items);
        assertEquals(1, subscriber.errors.size(), subscriber.errors::toString);
        assertEquals(0, subscriber.completions.get());
        WorkflowException signalled = assertInstanceOf(WorkflowException.class, subscriber.errors.get(0));
        assertTrue(
                signalled.getMessage().startsWith("stream 'sink' ended before its input did: "), signalled::getMessage);
        subscriber.assertNoThreadLeft();
    }

    @Test
    void onceTheWorkflowStopsTheSinkHandsNothingMoreEvenWhatThePipeHolds() {
        CountDownLatch fail = new CountDownLatch(1);
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            void next(Integer item) {
                if (item == 5) {
                    fail.countDown();
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.onSpinWait(); // busy with item 5 until the workflow stops
                    }
                }
            }
        };
        Workflow wf = new Workflow("stopping", 64);
        wf.add(Steps.from(ints(0, 50))).pipe(wf.add(Steps.sink(subscriber)));
        var fails = wf.add(new TestSteps.Source<Integer>("fails", out -> {
            fail.await();
            throw new IOException("failing elsewhere");
        }));
        fails.out.discard();

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("fails", e.stream());
        assertEquals(ints(0, 6), subscriber.items);
        assertEquals(1, subscriber.errors.size());
        assertEquals(0, subscriber.completions.get());
    }

    @Test
    void aNonPositiveRequestSignalsIllegalArgumentExceptionAndFailsTheSink() {
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(2);
            }

            @Override
            void next(Integer item) {
                if (item == 1) {
                    subscription.request(0);
                }
            }
        };
        Workflow wf = new Workflow("zero");
        wf.add(Steps.from(ints(0, 10))).pipe(wf.add(Steps.sink(subscriber)));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("sink", e.stream());
        assertEquals(List.of(0, 1), subscriber.items);
        assertEquals(List.of(e.getCause()), subscriber.errors);
        IllegalArgumentException bad = assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(bad.getMessage().contains("non-positive subscription request, request(0)"), bad::getMessage);
        assertTrue(bad.getMessage().contains("rule 3.9"), bad::getMessage);
    }

    @Test
    void aSubscriberThatThrowsFailsTheSinkAndHearsNothingMore() {
        IllegalStateException broken = new IllegalStateException("the subscriber broke");
        Recorder<Integer> subscriber = new Recorder<>() {
            @Override
            void subscribed(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            void next(Integer item) {
                if (item == 5) {
                    throw broken;
                }
            }
        };
        Workflow wf = new Workflow("throws");
        wf.add(Steps.from(ints(0, 10))).pipe(wf.add(Steps.sink(subscriber)));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("sink", e.stream());
        assertSame(broken, e.getCause());
        assertEquals(ints(0, 6), subscriber.items);
        assertTrue(subscriber.errors.isEmpty(), "rule 2.13: its own failure is not signalled back to it");
    }
}
