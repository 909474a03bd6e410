package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.SubmissionPublisher;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Steps#source(Flow.Publisher)}: a publisher feeding a workflow, with bounded demand. */
@Timeout(30)
class PublisherSourceTest {

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        while (!condition.getAsBoolean()) {
            Thread.sleep(1);
        }
    }

    /** A subscription that counts nothing and remembers whether it was cancelled. */
    static class Recorder implements Flow.Subscription {
        final List<Long> requests = Collections.synchronizedList(new ArrayList<>());
        final AtomicBoolean cancelled = new AtomicBoolean();

        @Override
        public void request(long n) {
            requests.add(n);
        }

        @Override
        public void cancel() {
            cancelled.set(true);
        }
    }

    @Test
    void aSubmissionPublisherFeedsAWorkflowInOrderOnTheSourcesThread() throws InterruptedException {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<Thread> subscribedOn = new AtomicReference<>();
        AtomicReference<Thread> consumedOn = new AtomicReference<>();
        SubmissionPublisher<Integer> publisher = new SubmissionPublisher<>();
        try {
            Workflow wf = new Workflow("submission", 8);
            var source = wf.add(Steps.<Integer>source(subscriber -> {
                subscribedOn.set(Thread.currentThread());
                publisher.subscribe(subscriber);
            }));
            source.pipe(wf.add(Steps.<Integer>forEach(item -> {
                consumedOn.set(Thread.currentThread());
                seen.add(item);
            })));
            Execution run = wf.start();
            awaitTrue(() -> publisher.getNumberOfSubscribers() == 1);
            for (int i = 0; i < 10_000; i++) {
                publisher.submit(i); // blocks while the subscriber's buffer is full
            }
            publisher.close(); // onComplete, once the items submitted are delivered
            run.await();
        } finally {
            publisher.close();
        }
        assertEquals(ints(0, 10_000), seen);
        assertEquals("submission/source", subscribedOn.get().getName(), "it subscribes on its own stream's thread");
        assertSame(subscribedOn.get(), consumedOn.get(), "the fused forEach runs on the source's thread");
        assertFalse(subscribedOn.get().isAlive());
    }

    @Test
    void aPublishersErrorFailsTheWorkflowNamingTheSourceAfterTheItemsBeforeIt() {
        IOException broke = new IOException("the publisher broke");
        TestPublisher publisher = new TestPublisher(5, broke);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("errors");
        wf.add(Steps.source(publisher)).pipe(wf.add(Steps.<Integer>forEach(seen::add)));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("source", e.stream());
        assertSame(broke, e.getCause(), "the publisher's error itself");
        assertEquals("stream 'source' failed: the publisher broke", e.getMessage());
        assertEquals(ints(0, 5), seen, "what came before the error was pushed");
        assertFalse(publisher.cancelled.get(), "nothing to cancel after onError (rule 2.4)");
        assertFalse(publisher.subscribedOn.get().isAlive());
    }

    @Test
    void onNextBeyondDemandFailsTheWorkflowNamingTheSourceAndCancels() {
        TestPublisher publisher = new TestPublisher(Long.MAX_VALUE).beyondDemand(3);
        Workflow wf = new Workflow("greedy", 4);
        wf.add(Steps.source(publisher)).pipe(wf.add(Steps.forEach(i -> {})));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("source", e.stream());
        assertInstanceOf(IllegalStateException.class, e.getCause());
        assertTrue(
                e.getMessage()
                        .startsWith("stream 'source' failed: the publisher of stream 'source' signalled onNext"
                                + " beyond demand: 4 items requested so far"),
                e.getMessage());
        assertTrue(e.getMessage().contains("rule 1.1"), e.getMessage());
        assertEquals(List.of(4L), publisher.requests);
        assertTrue(publisher.cancelled.get());
    }

    @Test
    void itRequestsAPipesWorthOnceSubscribedAndMoreOnlyAsItPushes() throws InterruptedException {
        TestPublisher publisher = new TestPublisher(1000);
        CountDownLatch go = new CountDownLatch(1);
        Workflow wf = new Workflow("demand"); // 256 items a pipe, but the pipe out of the source says 8
        var source = wf.add(Steps.source(publisher));
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        var reader = wf.add(new TestSteps.Sink<Integer>("reader", in -> {
            go.await();
            for (Integer item : in) {
                seen.add(item);
            }
        }));
        source.pipe(reader, 8);
        Execution run = wf.start();

        // Held back by a reader that does not read: 8 in the pipe, at most 8 more requested. In
        // batches of 4: request(8), 4 pushed, request(4), 4 more pushed (the pipe is full), request(4).
        awaitTrue(() -> publisher.requested() == 16);
        Thread.sleep(100);
        assertEquals(List.of(8L, 4L, 4L), publisher.requests);
        assertEquals(16, publisher.emitted.get());

        go.countDown();
        run.await();
        assertEquals(ints(0, 1000), seen);
        assertTrue(publisher.requests.stream().allMatch(n -> n <= 8), publisher.requests::toString);
    }

    @Test
    void aPipesWorthIsTheSmallestItemPipeOutOfItsOutputOrTheWorkflowsCapacity() {
        Flow.Publisher<ByteBuffer> none = subscriber -> {};
        Workflow wf = new Workflow("worth", 32);

        var discarded = wf.add(Steps.source(none));
        discarded.out().discard();
        assertEquals(32, discarded.aPipesWorth());

        var byDefault = wf.add(Steps.source(none));
        byDefault.pipe(wf.add(new TestSteps.Sink<ByteBuffer>("a")));
        assertEquals(32, byDefault.aPipesWorth());

        var broadcast = wf.add(Steps.source(none));
        broadcast.out().pipe(wf.add(new TestSteps.Sink<ByteBuffer>("b")).in, 16);
        broadcast.out().pipe(wf.add(new TestSteps.Sink<ByteBuffer>("c")).in, 4);
        broadcast.out().pipe(wf.add(new TestSteps.Sink<ByteBuffer>("d")).in);
        assertEquals(4, broadcast.aPipesWorth());

        var intoBytes = wf.add(Steps.source(none)); // a byte pipe's capacity is in bytes: not counted
        intoBytes.out().pipe(wf.add(new ByteSteps.ByteSink("bytes")).in, 1024);
        assertEquals(32, intoBytes.aPipesWorth());
    }

    @Test
    void itCancelsWhenItsReadersEndEarlyAndEndsWithoutFailure() {
        TestPublisher publisher = new TestPublisher(Long.MAX_VALUE);
        Workflow wf = new Workflow("early", 4);
        var take = wf.add(new TestSteps.Sink<Integer>("take", in -> {
            for (int i = 0; i < 5; i++) {
                in.pop();
            }
        }));
        wf.add(Steps.source(publisher)).pipe(take);

        wf.run(); // the endless source ends by SIGPIPE: no failure

        assertTrue(publisher.cancelled.get());
        assertFalse(publisher.subscribedOn.get().isAlive());
        TestSteps.assertAllEnded(take);
    }

    @Test
    void itCancelsWhenTheWorkflowFailsElsewhere() {
        Recorder subscription = new Recorder();
        AtomicReference<Thread> subscribedOn = new AtomicReference<>();
        Workflow wf = new Workflow("stops");
        var source = wf.add(Steps.<Integer>source(subscriber -> {
            subscribedOn.set(Thread.currentThread());
            subscriber.onSubscribe(subscription); // and nothing ever comes
        }));
        source.pipe(wf.add(Steps.forEach(i -> {})));
        var fails = wf.add(new TestSteps.Source<Integer>("fails", out -> {
            awaitTrue(() -> !subscription.requests.isEmpty());
            throw new IOException("failing elsewhere");
        }));
        fails.out.discard();

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("fails", e.stream());
        assertTrue(subscription.cancelled.get());
        assertFalse(subscribedOn.get().isAlive());
    }

    @Test
    void itCancelsWhenTheWorkflowIsCancelled() throws InterruptedException {
        Recorder subscription = new Recorder();
        Workflow wf = new Workflow("cancelled");
        wf.add(Steps.<Integer>source(subscriber -> subscriber.onSubscribe(subscription)))
                .pipe(wf.add(Steps.forEach(i -> {})));
        Execution run = wf.start();
        awaitTrue(() -> !subscription.requests.isEmpty());
        Thread.sleep(50); // waiting for the publisher, not for a pipe: no deadlock
        assertFalse(run.isDone());

        run.cancel();

        WorkflowException e = assertThrows(WorkflowException.class, run::await);
        assertNull(e.stream());
        assertTrue(subscription.cancelled.get());
        assertEquals(List.of(Workflow.DEFAULT_CAPACITY + 0L), subscription.requests);
    }

    @Test
    void aSubscriptionArrivingAfterTheStreamEndedIsCancelledAtOnce() throws InterruptedException {
        AtomicReference<Flow.Subscriber<? super Integer>> held = new AtomicReference<>();
        Workflow wf = new Workflow("late");
        wf.add(Steps.<Integer>source(held::set)).pipe(wf.add(Steps.forEach(i -> {})));
        Execution run = wf.start();
        awaitTrue(() -> held.get() != null);
        run.cancel();
        assertThrows(WorkflowException.class, run::await);

        Recorder late = new Recorder();
        held.get().onSubscribe(late);

        assertTrue(late.cancelled.get());
        assertTrue(late.requests.isEmpty());
    }

    @Test
    void aSecondSubscriptionIsCancelledAndTheFirstGoesOn() {
        TestPublisher first = new TestPublisher(3);
        Recorder second = new Recorder();
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("twice");
        var twice = wf.add(Steps.<Integer>source(subscriber -> {
            first.subscribe(subscriber); // the first subscription: request(256) completes it at once
            subscriber.onSubscribe(second);
        }));
        twice.pipe(wf.add(Steps.<Integer>forEach(seen::add)));

        wf.run();

        assertEquals(List.of(0, 1, 2), seen);
        assertTrue(second.cancelled.get(), "rule 2.5");
        assertTrue(second.requests.isEmpty());
    }

    @Test
    void aNullSignalIsRefusedWithANullPointerExceptionAndFailsTheSource() {
        AtomicReference<NullPointerException> thrown = new AtomicReference<>();
        Workflow wf = new Workflow("nulls");
        var source = wf.add(Steps.<Integer>source(subscriber -> subscriber.onSubscribe(new Recorder() {
            @Override
            public void request(long n) {
                try {
                    subscriber.onNext(null);
                } catch (NullPointerException e) {
                    thrown.set(e);
                }
            }
        })));
        source.pipe(wf.add(Steps.forEach(i -> {})));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertNotNull(thrown.get(), "rule 2.13: onNext(null) throws to its caller");
        assertEquals("source", e.stream());
        assertSame(thrown.get(), e.getCause());
        assertTrue(e.getMessage().contains("onNext(null)"), e.getMessage());
    }

    @Test
    void signalsMayComeFromAnotherThread() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Set<Thread> signalledOn = ConcurrentHashMap.newKeySet();
        ExecutorService publisherThread = Executors.newSingleThreadExecutor();
        try {
            Workflow wf = new Workflow("threads", 4);
            var source = wf.add(Steps.<Integer>source(subscriber -> subscriber.onSubscribe(new Flow.Subscription() {
                private int next;

                @Override
                public void request(long n) {
                    int from = next;
                    next += (int) n;
                    // Each batch signalled later, from the publisher's thread, as an asynchronous publisher does.
                    publisherThread.execute(() -> {
                        signalledOn.add(Thread.currentThread());
                        for (int i = from; i < from + n && i < 1000; i++) {
                            subscriber.onNext(i);
                        }
                        if (from + n >= 1000) {
                            subscriber.onComplete();
                        }
                    });
                }

                @Override
                public void cancel() {}
            })));
            source.pipe(wf.add(Steps.<Integer>forEach(seen::add)));

            wf.run();
        } finally {
            publisherThread.shutdown();
        }
        assertEquals(ints(0, 1000), seen);
        assertEquals(1, signalledOn.size());
    }
}
