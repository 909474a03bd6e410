package io.mimo.runtime;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowSubscriberWhiteboxVerification;
import org.testng.annotations.AfterMethod;

/**
 * The Reactive Streams TCK's subscriber rules, white box (TestNG, run by the JUnit Platform's
 * TestNG engine), against the subscriber that {@link Steps#source(Flow.Publisher)} hands its
 * publisher. Each test starts a workflow {@code Steps.source(publisher) -> sink} of pipes of
 * {@value #CAPACITY} items, whose publisher only hands the TCK the subscriber it is given.
 *
 * <p>The probe learns what the subscriber received from the workflow, not from the subscriber's
 * insides: an item received is one the sink reads, {@code onComplete} is the end of the sink's
 * input, {@code onError} the workflow failing with the publisher's error, naming the source. The
 * puppet: the source requests a pipe's worth ({@value #CAPACITY}) once subscribed and more as it
 * pushes, so what the TCK asks a subscriber to request (a few items at most) is always requested
 * already; it cancels when its workflow stops, so {@code signalCancel} cancels the workflow.
 */
class PublisherSourceTckTest extends FlowSubscriberWhiteboxVerification<Integer> {
    private static final int CAPACITY = 4;
    private static final long TIMEOUT_MILLIS = 2_000;
    private static final long NO_SIGNALS_MILLIS = 200;

    private final Runs runs = new Runs();

    public PublisherSourceTckTest() {
        super(new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_MILLIS));
    }

    @Override
    public Integer createElement(int element) {
        return element;
    }

    @Override
    protected Flow.Subscriber<Integer> createFlowSubscriber(WhiteboxSubscriberProbe<Integer> probe) {
        CompletableFuture<Flow.Subscriber<? super Integer>> handed = new CompletableFuture<>();
        AtomicLong read = new AtomicLong();
        Workflow workflow = new Workflow("tck", CAPACITY);
        var source = workflow.add(Steps.<Integer>source(handed::complete));
        var sink = workflow.add(new TestSteps.Sink<Integer>("sink", in -> {
            for (Integer item : in) {
                read.incrementAndGet();
                probe.registerOnNext(item);
            }
            probe.registerOnComplete();
        }));
        source.pipe(sink);
        Execution run = runs.start(workflow);
        Thread.ofVirtual().name("tck-watch").start(() -> {
            try {
                run.await();
            } catch (WorkflowException e) {
                if (source.name().equals(e.stream())) {
                    probe.registerOnError(e.getCause());
                }
            }
        });
        Flow.Subscriber<? super Integer> subscriber;
        try {
            subscriber = handed.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError("the source did not subscribe when its workflow started", e);
        }
        SubscriberPuppet puppet = new SubscriberPuppet() {
            private final AtomicLong triggered = new AtomicLong();

            @Override
            public void triggerRequest(long elements) {
                // Requested already: a pipe's worth at subscription, and one more per item read
                // downstream, in batches. Whether that covers what the TCK asks for:
                long asked = triggered.addAndGet(elements);
                if (asked > CAPACITY + read.get()) {
                    throw new AssertionError("the TCK asks for " + asked + " items in all, more than the source"
                            + " requests before more are read: " + CAPACITY + " + " + read.get());
                }
            }

            @Override
            public void signalCancel() {
                run.cancel();
            }
        };
        return new Flow.Subscriber<>() {
            private boolean subscribed;

            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
                if (!subscribed) {
                    subscribed = true;
                    probe.registerOnSubscribe(puppet);
                }
            }

            @Override
            public void onNext(Integer item) {
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        };
    }

    /** After each test: its workflow ends (cancelled if the test left it running). */
    @AfterMethod
    public void endRuns() {
        List<WorkflowException> failures = runs.endAll(Duration.ofSeconds(10));
        for (WorkflowException failure : failures) {
            // A cancellation, or what the test made the publisher do: an error, a null signal.
            if (failure.stream() != null && !failure.stream().equals("source")) {
                throw new AssertionError("a workflow failed unexpectedly", failure);
            }
        }
    }
}
