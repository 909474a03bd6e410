package io.mimo.runtime;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.stream.LongStream;
import org.reactivestreams.tck.TestEnvironment;
import org.reactivestreams.tck.flow.FlowPublisherVerification;
import org.testng.annotations.AfterMethod;

/**
 * The Reactive Streams TCK's publisher rules (TestNG, run by the JUnit Platform's TestNG engine)
 * against {@link Steps#sink(Flow.Subscriber)}: the publisher under test starts, per subscription,
 * a workflow {@code Steps.from(0, 1, … n-1) -> Steps.sink(subscriber)}.
 *
 * <p>Nothing is overridden to skip tests: {@code maxElementsFromPublisher()} and
 * {@code boundedDepthOfOnNextAndRequestRecursion()} keep the TCK's defaults (up to
 * {@code Long.MAX_VALUE - 1} elements; recursion one deep, as the sink only counts demand in
 * {@code request}), and so do the stochastic tests. What the TCK skips is its own "untested" rules.
 */
class SubscriberSinkTckTest extends FlowPublisherVerification<Long> {
    /** Generous for a loaded machine: every wait for an expected signal ends as soon as it comes. */
    private static final long TIMEOUT_MILLIS = 2_000;
    /** How long "nothing more comes" is watched for. */
    private static final long NO_SIGNALS_MILLIS = 200;
    /** How long a cancelled subscriber may stay referenced (rule 3.13). */
    private static final long GC_TIMEOUT_MILLIS = 500;

    private final Runs runs = new Runs();

    public SubscriberSinkTckTest() {
        super(new TestEnvironment(TIMEOUT_MILLIS, NO_SIGNALS_MILLIS), GC_TIMEOUT_MILLIS);
    }

    @Override
    public Flow.Publisher<Long> createFlowPublisher(long elements) {
        return new WorkflowPublisher<>("tck", workflow -> workflow.add(Steps.from(range(elements))), runs);
    }

    /**
     * A publisher whose workflow fails: its source throws once the sink has subscribed its
     * subscriber, so that the sink signals {@code onError} after {@code onSubscribe} (rule 1.9)
     * rather than not running at all.
     */
    @Override
    public Flow.Publisher<Long> createFailedFlowPublisher() {
        return subscriber -> {
            Objects.requireNonNull(subscriber, "subscriber");
            CountDownLatch subscribed = new CountDownLatch(1);
            Workflow workflow = new Workflow("tck-failed");
            var fails = workflow.add(new TestSteps.Source<Long>("fails", out -> {
                subscribed.await();
                throw new IOException("a source that fails on purpose");
            }));
            fails.pipe(workflow.add(Steps.sink(new Flow.Subscriber<Long>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    subscriber.onSubscribe(subscription);
                    subscribed.countDown();
                }

                @Override
                public void onNext(Long item) {
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
            })));
            runs.start(workflow);
        };
    }

    /**
     * After each test: its workflows end (those the test left running are cancelled), and none
     * failed but as the test meant: the failing source, or the sink given a non-positive request.
     */
    @AfterMethod
    public void endRuns() {
        List<WorkflowException> failures = runs.endAll(Duration.ofSeconds(10));
        for (WorkflowException failure : failures) {
            boolean meant = failure.stream() == null // cancelled
                    || failure.stream().equals("fails") && failure.getCause() instanceof IOException
                    || failure.stream().equals("sink") && failure.getCause() instanceof IllegalArgumentException;
            if (!meant) {
                throw new AssertionError("a workflow failed unexpectedly", failure);
            }
        }
    }

    private static Iterable<Long> range(long elements) {
        return () -> LongStream.range(0, elements).iterator();
    }
}
