package io.mimo.runtime;

import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A cold {@link Flow.Publisher} backed by workflows, as a user would build one on
 * {@link Steps#sink(Flow.Subscriber)}: each subscription builds and starts a workflow whose source
 * {@code source} adds, piped into a sink that hands its items to the subscriber.
 *
 * <p>A workflow that fails before the sink's stream has started never runs the sink, which then
 * never calls the subscriber; so, as {@link Steps.SubscriberSink} asks of a publisher built on it,
 * a thread per subscription awaits the run and, if it failed with the subscriber never subscribed,
 * signals {@code onSubscribe} and {@code onError} itself (rule 1.9).
 */
final class WorkflowPublisher<T> implements Flow.Publisher<T> {
    private final String name;
    private final Function<Workflow, OneOutput<? extends T>> source;
    private final Runs runs;

    /**
     * Each run is a workflow named {@code name}, started through {@code runs}; {@code source} adds
     * its source steps and returns the one to pipe from.
     */
    WorkflowPublisher(String name, Function<Workflow, OneOutput<? extends T>> source, Runs runs) {
        this.name = name;
        this.source = source;
        this.runs = runs;
    }

    @Override
    public void subscribe(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber"); // rule 1.9
        Guard<T> guard = new Guard<>(subscriber);
        Workflow workflow = new Workflow(name);
        source.apply(workflow).pipe(workflow.add(Steps.sink(guard)));
        Execution run = runs.start(workflow);
        Thread.ofVirtual().name(name + "/watch").start(() -> {
            try {
                run.await();
            } catch (WorkflowException e) {
                guard.failIfNeverSubscribed(e);
            }
        });
    }

    /** Forwards every signal, remembering whether {@code onSubscribe} came. */
    private static final class Guard<T> implements Flow.Subscriber<T> {
        private final Flow.Subscriber<? super T> subscriber;
        private volatile boolean subscribed;

        Guard(Flow.Subscriber<? super T> subscriber) {
            this.subscriber = subscriber;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            subscribed = true;
            subscriber.onSubscribe(subscription);
        }

        @Override
        public void onNext(T item) {
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

        /** Once the run has ended (so the sink's stream too), with {@code failure}. */
        void failIfNeverSubscribed(WorkflowException failure) {
            if (!subscribed) {
                subscriber.onSubscribe(new Flow.Subscription() {
                    @Override
                    public void request(long n) {}

                    @Override
                    public void cancel() {}
                });
                subscriber.onError(failure);
            }
        }
    }
}
