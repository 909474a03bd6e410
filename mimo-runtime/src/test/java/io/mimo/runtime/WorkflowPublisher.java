package io.mimo.runtime;

import java.util.concurrent.Flow;
import java.util.function.Function;

/**
 * A cold {@link Flow.Publisher} backed by workflows, as a user would build one on
 * {@link Steps#sink(Flow.Subscriber)}: each subscription builds and starts a workflow whose source
 * {@code source} adds, piped into a sink that hands its items to the subscriber.
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
        Steps.SubscriberSink<T> sink = Steps.sink(subscriber); // a NullPointerException for null (rule 1.9)
        Workflow workflow = new Workflow(name);
        source.apply(workflow).pipe(workflow.add(sink));
        runs.start(workflow);
    }
}
