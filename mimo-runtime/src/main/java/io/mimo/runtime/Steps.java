package io.mimo.runtime;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Ready-made steps for quick workflows and tests, and for {@link java.util.concurrent.Flow} interop:
 *
 * <pre>{@code
 * Workflow wf = new Workflow("quick");
 * var names = wf.add(Steps.from(List.of("ada", "alan", "grace")));
 * var print = wf.add(Steps.<String>forEach(System.out::println));
 * names.pipe(print);
 * wf.run();
 * }</pre>
 *
 * <ul>
 *   <li>{@link #from(Iterable)}, {@link #from(java.util.stream.Stream)}: a source of the given
 *       items, in order.</li>
 *   <li>{@link #forEach(Consumer)}: a sink calling a consumer per item; an {@link ElementStep}, so
 *       it may run fused on the thread that feeds it.</li>
 *   <li>{@link #source(Flow.Publisher)}: a source that subscribes to a publisher when the workflow
 *       runs and pushes what it publishes, requesting at most a pipe's worth ahead.</li>
 *   <li>{@link #sink(Flow.Subscriber)}: a sink that hands its input to a subscriber, as fast as the
 *       subscriber requests it.</li>
 * </ul>
 *
 * Each step is added to a workflow and wired as any other: the sources implement {@link OneOutput}
 * and the sinks {@link OneInput}, so {@code a.pipe(b)} works, and each has a typed accessor for its
 * port ({@code out()} or {@code in()}). Like every step, each runs at most once.
 */
public final class Steps {
    private Steps() {}

    /**
     * A source named {@code "from"} that pushes the items of {@code items} to its output {@code out},
     * in iteration order, and ends. It iterates when the workflow runs, on its stream's thread; a
     * {@code null} item fails it.
     */
    public static <T> From<T> from(Iterable<? extends T> items) {
        Objects.requireNonNull(items, "items");
        return new From<>(items, null);
    }

    /**
     * A source named {@code "from"} that pushes the items of {@code items} to its output {@code out},
     * in encounter order (a parallel stream is consumed sequentially: pushes come from the step's
     * own thread), and ends. The stream is consumed when the workflow runs, on the step's thread,
     * and closed when the step ends, however it ends (it returns, fails, is stopped with the
     * workflow, or its readers end early), as try-with-resources would: the stream's close handlers
     * run then. A stream can be consumed once: one handed to two steps fails the second step to run
     * it with the stream's {@link IllegalStateException}. A workflow that never runs this step (it
     * never starts, or stops before the step's stream begins) neither consumes nor closes it.
     */
    public static <T> From<T> from(java.util.stream.Stream<? extends T> items) {
        Objects.requireNonNull(items, "items");
        return new From<>(null, items);
    }

    /**
     * A sink named {@code "forEach"} that calls {@code action} for each item of its input {@code in},
     * in order, one call at a time. It is an {@link ElementStep}: when one pipe from an item output
     * feeds it, it runs fused, and {@code action} then runs on the thread of the stream that feeds
     * it, from within that stream's {@code push} (see {@link ElementStep}); otherwise, or with
     * {@link Workflow#fusion(boolean) fusion off}, on a thread of its own. What {@code action} throws
     * fails the workflow as this step's failure.
     */
    public static <T> ForEach<T> forEach(Consumer<? super T> action) {
        Objects.requireNonNull(action, "action");
        return new ForEach<>(action);
    }

    /**
     * A source named {@code "source"} that subscribes to {@code publisher} when the workflow runs
     * and pushes what it publishes to its output {@code out}. See {@link PublisherSource} for demand,
     * threads, cancellation and failures.
     */
    public static <T> PublisherSource<T> source(Flow.Publisher<? extends T> publisher) {
        Objects.requireNonNull(publisher, "publisher");
        return new PublisherSource<>(publisher);
    }

    /**
     * A sink named {@code "sink"} that hands the items of its input {@code in} to {@code subscriber}
     * as it requests them. See {@link SubscriberSink} for demand, threads, cancellation and failures.
     */
    public static <T> SubscriberSink<T> sink(Flow.Subscriber<? super T> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        return new SubscriberSink<>(subscriber);
    }

    /** The source {@link #from(Iterable)} and {@link #from(java.util.stream.Stream)} return. */
    public static final class From<T> extends Step implements OneOutput<T> {
        private final OutPort<T> out = output("out");
        /** One of the two is {@code null}. */
        private final Iterable<? extends T> iterable;

        private final java.util.stream.Stream<? extends T> stream;

        private From(Iterable<? extends T> iterable, java.util.stream.Stream<? extends T> stream) {
            super("from");
            this.iterable = iterable;
            this.stream = stream;
        }

        /** The output port. */
        public OutPort<T> out() {
            return out;
        }

        @Override
        public OutPort<T> onlyOutput() {
            return out;
        }

        @Override
        protected void run(Context context) {
            Output<T> output = context.output(out);
            if (iterable != null) {
                push(iterable.iterator(), output);
            } else {
                try (java.util.stream.Stream<? extends T> items = stream) {
                    push(items.sequential().iterator(), output);
                }
            }
        }

        private static <T> void push(Iterator<? extends T> items, Output<T> output) {
            while (items.hasNext()) {
                output.push(items.next());
            }
        }
    }

    /** The sink {@link #forEach(Consumer)} returns. */
    public static final class ForEach<T> extends ElementStep<T> {
        private final Consumer<? super T> action;

        private ForEach(Consumer<? super T> action) {
            super("forEach", "in");
            this.action = action;
        }

        /** The input port. */
        public InPort<T> in() {
            return onlyInput();
        }

        @Override
        protected ItemHandler<T> open(Context context) {
            return action::accept;
        }
    }

    /**
     * The source {@link #source(Flow.Publisher)} returns: a {@link Flow.Subscriber} of its publisher
     * that pushes what it receives to the step's output {@code out}.
     *
     * <ul>
     *   <li><b>Threads.</b> It subscribes when the workflow runs, on its stream's thread; the
     *       publisher may signal on any thread. Items received are queued and pushed by the stream's
     *       thread, which blocks while a pipe out of it is full (back-pressure), so that items
     *       arrive downstream in the order published. Every call to the subscription
     *       ({@code request}, {@code cancel}) is made from the stream's thread, so they are serial
     *       (rule 2.7); a second or late subscription is cancelled on the thread handing it over.</li>
     *   <li><b>Demand.</b> It requests at most a pipe's worth ahead of what it has pushed: the
     *       smallest capacity of the item pipes out of its output as declared (or, when none says
     *       otherwise, the workflow's {@link Workflow#capacity() capacity}; for an output that is
     *       discarded or feeds byte inputs only, the workflow's capacity too). It requests that
     *       much once subscribed, then as much again, in batches of half of it, as it pushes. So it
     *       holds at most that many items that it has not pushed yet.</li>
     *   <li><b>End.</b> {@code onComplete} ends its output once the items received before it are
     *       pushed. {@code onError} fails the stream, after those items, with the publisher's error
     *       itself: {@link Workflow#run()} throws a {@link WorkflowException} naming this step, whose
     *       cause is that error.</li>
     *   <li><b>Cancellation.</b> It cancels the subscription when the stream ends otherwise: the
     *       workflow stops (a stream failed, it deadlocked or it was cancelled), or every reader of its
     *       output has ended (the SIGPIPE rule of {@link Workflow}, noticed at its next push). A
     *       subscription that arrives after that is cancelled at once.</li>
     *   <li><b>Protocol violations</b> fail the stream, naming this step, after cancelling the
     *       subscription: {@code onNext} beyond what was requested (rule 1.1; nothing is buffered
     *       beyond demand), and a {@code null} signal (rule 2.13, which also throws a
     *       {@link NullPointerException} to the caller). A second {@code onSubscribe} is cancelled
     *       (rule 2.5); signals after cancellation or after the end are ignored (rule 2.8).</li>
     * </ul>
     *
     * While it waits for the publisher it does not wait on a pipe: the workflow never takes it for
     * deadlocked, however long the publisher takes.
     */
    public static final class PublisherSource<T> extends Step implements OneOutput<T> {
        private final OutPort<T> out = output("out");
        private final Flow.Publisher<? extends T> publisher;

        private PublisherSource(Flow.Publisher<? extends T> publisher) {
            super("source");
            this.publisher = publisher;
        }

        /** The output port. */
        public OutPort<T> out() {
            return out;
        }

        @Override
        public OutPort<T> onlyOutput() {
            return out;
        }

        @Override
        protected void run(Context context) throws Exception {
            Output<T> output = context.output(out);
            Bridge<T> bridge = new Bridge<>(name(), aPipesWorth());
            try {
                publisher.subscribe(bridge);
                bridge.pump(output);
            } finally {
                bridge.close();
            }
        }

        /**
         * How many items it requests ahead: the smallest capacity of the item pipes out of its
         * output, or the workflow's capacity.
         */
        int aPipesWorth() {
            Workflow workflow = workflow();
            int worth = Integer.MAX_VALUE;
            for (DeclaredPipe pipe : out.pipes()) {
                if (!pipe.to().bytes()) {
                    worth = Math.min(worth, pipe.capacityIn(workflow));
                }
            }
            return worth != Integer.MAX_VALUE
                    ? worth
                    : workflow != null ? workflow.capacity() : Workflow.DEFAULT_CAPACITY;
        }
    }

    /**
     * The subscriber a {@link PublisherSource} hands its publisher: it takes signals on any thread
     * and queues them for the stream's thread, which pushes items and calls the subscription.
     */
    private static final class Bridge<T> implements Flow.Subscriber<T> {
        private final String step;
        private final int prefetch;
        private final int batch;

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition signalled = lock.newCondition();

        // Guarded by lock.
        private Flow.Subscription subscription;
        private boolean initialRequestMade;
        private final ArrayDeque<T> items = new ArrayDeque<>();
        /** Items requested, and received, so far. */
        private long requested;

        private long received;
        private boolean completed;
        private Throwable error;
        /** A protocol violation by the publisher: the stream fails with it. */
        private RuntimeException violation;
        /** The stream has ended: signals are ignored, a late subscription cancelled. */
        private boolean closed;

        Bridge(String step, int prefetch) {
            this.step = step;
            this.prefetch = prefetch;
            this.batch = Math.max(1, prefetch / 2);
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            if (subscription == null) {
                throw violated(new NullPointerException("the publisher of stream '" + step
                        + "' called onSubscribe(null) (Reactive Streams rule 2.13)"));
            }
            boolean refuse;
            lock.lock();
            try {
                refuse = this.subscription != null || closed;
                if (!refuse) {
                    this.subscription = subscription;
                    signalled.signalAll();
                }
            } finally {
                lock.unlock();
            }
            if (refuse) {
                // A second subscription (rule 2.5), or one arriving after the stream ended.
                subscription.cancel();
            }
        }

        @Override
        public void onNext(T item) {
            if (item == null) {
                throw violated(new NullPointerException(
                        "the publisher of stream '" + step + "' called onNext(null) (Reactive Streams rule 2.13)"));
            }
            lock.lock();
            try {
                if (closed || completed || error != null || violation != null) {
                    return; // after cancel or the end (rule 2.8): dropped
                }
                if (received == requested) {
                    violation = new IllegalStateException("the publisher of stream '" + step
                            + "' signalled onNext beyond demand: " + requested
                            + " items requested so far, all of them received already (Reactive Streams rule 1.1)");
                } else {
                    received++;
                    items.add(item);
                }
                signalled.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (throwable == null) {
                throw violated(new NullPointerException(
                        "the publisher of stream '" + step + "' called onError(null) (Reactive Streams rule 2.13)"));
            }
            lock.lock();
            try {
                if (!closed && !completed && error == null) {
                    error = throwable;
                    signalled.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onComplete() {
            lock.lock();
            try {
                if (!closed && error == null) {
                    completed = true;
                    signalled.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        /** Records {@code npe} as a violation the stream fails with, and returns it to be thrown to the caller. */
        private NullPointerException violated(NullPointerException npe) {
            lock.lock();
            try {
                if (violation == null && !closed) {
                    violation = npe;
                    signalled.signalAll();
                }
            } finally {
                lock.unlock();
            }
            return npe;
        }

        /**
         * The stream's thread: requests, waits for signals and pushes items until the publisher
         * completes (returns) or fails (throws its error).
         */
        void pump(Output<T> output) throws Exception {
            int pushedSinceRequest = 0;
            while (true) {
                T item = null;
                Flow.Subscription requestFrom = null;
                long request = 0;
                lock.lock();
                try {
                    while (true) {
                        if (violation != null) {
                            throw violation;
                        }
                        if (subscription != null && !initialRequestMade) {
                            initialRequestMade = true;
                            requestFrom = subscription;
                            request = prefetch;
                            requested = prefetch;
                            break;
                        }
                        item = items.poll();
                        if (item != null) {
                            break;
                        }
                        if (error != null) {
                            throw rethrow(error);
                        }
                        if (completed) {
                            return;
                        }
                        signalled.await();
                    }
                } finally {
                    lock.unlock();
                }
                if (requestFrom != null) {
                    requestFrom.request(request);
                    continue;
                }
                output.push(item);
                if (++pushedSinceRequest == batch) {
                    lock.lock();
                    try {
                        // None after the end: the subscription is over (rule 2.4).
                        if (!completed && error == null) {
                            requestFrom = subscription;
                            requested += pushedSinceRequest;
                        }
                    } finally {
                        lock.unlock();
                    }
                    if (requestFrom != null) {
                        requestFrom.request(pushedSinceRequest);
                    }
                    pushedSinceRequest = 0;
                }
            }
        }

        /**
         * The stream's thread, as it ends however it ends: cancels the subscription unless the
         * publisher ended it, drops what is queued, and ignores what comes from now on.
         */
        void close() {
            Flow.Subscription cancel;
            lock.lock();
            try {
                closed = true;
                items.clear();
                cancel = completed || error != null ? null : subscription;
            } finally {
                lock.unlock();
            }
            if (cancel != null) {
                cancel.cancel();
            }
        }

        /**
         * Throws {@code throwable} as itself, checked or not: the publisher's error is the stream's
         * failure. Declared to return an exception so that callers can {@code throw} it.
         */
        private static Exception rethrow(Throwable throwable) throws Exception {
            if (throwable instanceof Exception exception) {
                throw exception;
            }
            if (throwable instanceof Error error) {
                throw error;
            }
            // Neither: a direct subclass of Throwable, thrown unchecked.
            throw Bridge.<RuntimeException>sneaky(throwable);
        }

        @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // the point: E is whatever the caller says
        private static <E extends Throwable> E sneaky(Throwable throwable) throws E {
            throw (E) throwable;
        }
    }

    /**
     * The sink {@link #sink(Flow.Subscriber)} returns: it hands its input to its subscriber, as a
     * publisher of one subscription would.
     *
     * <ul>
     *   <li><b>Threads.</b> When the workflow runs, its stream's thread calls
     *       {@code onSubscribe}, then every other signal, one at a time. The subscriber may call
     *       {@link Flow.Subscription#request(long) request} and
     *       {@link Flow.Subscription#cancel() cancel} from any thread, re-entrantly from
     *       {@code onNext} too (demand is only counted there, so recursion stays one deep).</li>
     *   <li><b>Demand.</b> It takes an item from its input only when the subscriber has asked for
     *       one: while there is no demand it leaves the items in the pipe, whose writer blocks once
     *       the pipe is full. A slow subscriber therefore bounds memory. Demand adds up to at most
     *       {@code Long.MAX_VALUE}, which means unbounded (rule 3.17). {@code request(n)} with
     *       {@code n <= 0} makes it call {@code onError} with an {@link IllegalArgumentException}
     *       (rule 3.9) and fail with that exception: a subscriber's bug stops the workflow.</li>
     *   <li><b>End.</b> When its input ends, it calls {@code onComplete}, with or without demand.
     *       When the workflow stops (a stream failed, it deadlocked or it was cancelled) while the
     *       sink waits for its input or for demand, it calls {@code onError} once, with a
     *       {@link WorkflowException} whose cause is what stopped the wait, and ends; the workflow's
     *       {@code run()} or {@code await()} tells why it stopped. What the subscriber's own methods
     *       throw fails the stream without being signalled back to it (rule 2.13).</li>
     *   <li><b>Cancellation.</b> When the subscriber cancels, the sink ends quietly: its input dies,
     *       so its writers drop what they push to it and, once none of their readers is left, end
     *       (the SIGPIPE rule of {@link Workflow}). It notices a cancel at once while it waits for
     *       demand, otherwise when it next holds an item or its input ends.</li>
     * </ul>
     *
     * While it waits for demand it does not wait on a pipe: the workflow never takes it for
     * deadlocked, however long the subscriber takes, and stopping the workflow interrupts the wait.
     * It drops its reference to the subscriber when it ends.
     *
     * <p>A {@link Flow.Publisher} backed by workflows builds and starts one per subscription, ending
     * in this step. A workflow that stops before this step's stream has started never runs it, and
     * the subscriber is never called: such a publisher should await the run and, if it failed with
     * the subscriber never subscribed, signal {@code onSubscribe} and {@code onError} itself (rule
     * 1.9).
     */
    public static final class SubscriberSink<T> extends Step implements OneInput<T> {
        private final InPort<T> in = input("in");
        /** Dropped when the stream ends (rule 3.13). */
        private volatile Flow.Subscriber<? super T> subscriber;

        private SubscriberSink(Flow.Subscriber<? super T> subscriber) {
            super("sink");
            this.subscriber = subscriber;
        }

        /** The input port. */
        public InPort<T> in() {
            return in;
        }

        @Override
        public InPort<T> onlyInput() {
            return in;
        }

        @Override
        protected void run(Context context) throws Exception {
            Flow.Subscriber<? super T> target = subscriber;
            try {
                deliver(context.input(in), target);
            } finally {
                subscriber = null;
            }
        }

        private void deliver(Input<T> input, Flow.Subscriber<? super T> target) throws Exception {
            Demand demand = new Demand();
            target.onSubscribe(demand);
            while (true) {
                T item = null;
                Demand.Wait wait;
                try {
                    if (demand.cancelled()) {
                        return;
                    }
                    if (Thread.interrupted()) {
                        // The workflow stops (interrupting its streams) while the subscriber had
                        // the thread: hand it nothing more, even what the pipe still holds.
                        throw new InterruptedException();
                    }
                    // Wait for an item or the end without taking it: the end needs no demand.
                    wait = input.peek() == null ? demand.end() : demand.await();
                    if (wait == Demand.Wait.GRANTED) {
                        item = input.poll();
                    }
                } catch (Throwable thrown) {
                    // The workflow stopped (or something else interrupted the wait): tell the
                    // subscriber, unless it cancelled, then let the engine classify what ended the wait.
                    if (demand.endWithError()) {
                        target.onError(new WorkflowException(
                                "stream '" + name() + "' ended before its input did: " + describe(thrown),
                                null,
                                thrown));
                    }
                    throw thrown;
                }
                switch (wait) {
                    case CANCELLED -> {
                        return;
                    }
                    case BAD_REQUEST -> {
                        IllegalArgumentException bad = demand.badRequest(name());
                        target.onError(bad);
                        throw bad;
                    }
                    case END -> {
                        target.onComplete();
                        return;
                    }
                    case GRANTED -> target.onNext(item);
                }
            }
        }

        private static String describe(Throwable thrown) {
            if (thrown instanceof InterruptedException) {
                return "it was interrupted: its workflow is stopping";
            }
            return thrown.getMessage() != null
                    ? thrown.getMessage()
                    : thrown.getClass().getName();
        }
    }

    /** The subscription a {@link SubscriberSink} hands its subscriber: demand, counted under a lock. */
    private static final class Demand implements Flow.Subscription {
        /** What a wait for demand ended with. */
        enum Wait {
            GRANTED,
            CANCELLED,
            BAD_REQUEST,
            END
        }

        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();

        // Guarded by lock.
        private long demand;
        private boolean cancelled;
        /** Whether a non-positive request came, the first of which is {@code badRequest}. */
        private boolean badRequested;

        private long badRequest;
        /** onComplete or onError is under way: the subscription is over. */
        private boolean ended;

        @Override
        public void request(long n) {
            lock.lock();
            try {
                if (cancelled || ended) {
                    return; // rule 3.6
                }
                if (n <= 0) {
                    if (!badRequested) {
                        badRequested = true;
                        badRequest = n;
                    }
                } else {
                    demand = demand + n < 0 ? Long.MAX_VALUE : demand + n;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void cancel() {
            lock.lock();
            try {
                cancelled = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        boolean cancelled() {
            lock.lock();
            try {
                return cancelled;
            } finally {
                lock.unlock();
            }
        }

        /** The sink's thread, holding an item: waits for demand for it, a cancel or a bad request. */
        Wait await() throws InterruptedException {
            lock.lock();
            try {
                while (demand == 0 && !cancelled && !badRequested) {
                    changed.await();
                }
                return settle(Wait.GRANTED);
            } finally {
                lock.unlock();
            }
        }

        /** The sink's thread, failing: whether to signal onError, which it must not after a cancel. */
        boolean endWithError() {
            lock.lock();
            try {
                boolean signal = !cancelled && !ended;
                ended = true;
                return signal;
            } finally {
                lock.unlock();
            }
        }

        /** The sink's thread, at the end of its input: how to end, which needs no demand. */
        Wait end() {
            lock.lock();
            try {
                return settle(Wait.END);
            } finally {
                lock.unlock();
            }
        }

        /** Lock held: a cancel wins, then a bad request, then {@code otherwise}. */
        private Wait settle(Wait otherwise) {
            if (cancelled) {
                return Wait.CANCELLED;
            }
            if (badRequested) {
                ended = true;
                return Wait.BAD_REQUEST;
            }
            if (otherwise == Wait.END) {
                ended = true;
            } else if (demand != Long.MAX_VALUE) {
                demand--;
            }
            return otherwise;
        }

        IllegalArgumentException badRequest(String step) {
            lock.lock();
            try {
                return new IllegalArgumentException("the subscriber of stream '" + step
                        + "' made a non-positive subscription request, request(" + badRequest
                        + "): Reactive Streams rule 3.9 asks for n > 0");
            } finally {
                lock.unlock();
            }
        }
    }
}
