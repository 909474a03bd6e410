package io.mimo.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Hand-written typed steps, as a user without the processor would write them. */
final class TestSteps {
    private TestSteps() {}

    interface SourceBody<T> {
        void run(Output<T> out) throws Exception;
    }

    interface SinkBody<T> {
        void run(Input<T> in) throws Exception;
    }

    interface RelayBody<A, B> {
        void run(Input<A> in, Output<B> out) throws Exception;
    }

    interface JoinBody<A, B, C> {
        void run(Input<A> left, Input<B> right, Output<C> out) throws Exception;
    }

    interface SplitBody<A, B, C> {
        void run(Input<A> in, Output<B> left, Output<C> right) throws Exception;
    }

    /** Remembers the thread a step ran on, to check that none outlives its workflow. */
    abstract static class Tracked extends Step {
        final AtomicReference<Thread> thread = new AtomicReference<>();

        Tracked(String name) {
            super(name);
        }

        @Override
        protected final void run(Context context) throws Exception {
            thread.set(Thread.currentThread());
            body(context);
        }

        abstract void body(Context context) throws Exception;
    }

    static final class Source<T> extends Tracked implements OneOutput<T> {
        final OutPort<T> out = output("out");
        private final SourceBody<T> body;

        Source(String name, SourceBody<T> body) {
            super(name);
            this.body = body;
        }

        @Override
        public OutPort<T> onlyOutput() {
            return out;
        }

        @Override
        void body(Context context) throws Exception {
            body.run(context.output(out));
        }
    }

    /** Reads with {@code body}, or by default collects every item into {@link #items}. */
    static final class Sink<T> extends Tracked implements OneInput<T> {
        final InPort<T> in = input("in");
        final List<T> items = Collections.synchronizedList(new ArrayList<>());
        private final SinkBody<T> body;

        Sink(String name) {
            this(name, null);
        }

        Sink(String name, SinkBody<T> body) {
            super(name);
            this.body = body;
        }

        @Override
        public InPort<T> onlyInput() {
            return in;
        }

        @Override
        void body(Context context) throws Exception {
            Input<T> input = context.input(in);
            if (body != null) {
                body.run(input);
            } else {
                for (T item : input) {
                    items.add(item);
                }
            }
        }
    }

    static final class Relay<A, B> extends Tracked implements OneInput<A>, OneOutput<B> {
        final InPort<A> in = input("in");
        final OutPort<B> out = output("out");
        private final RelayBody<A, B> body;

        Relay(String name, RelayBody<A, B> body) {
            super(name);
            this.body = body;
        }

        @Override
        public InPort<A> onlyInput() {
            return in;
        }

        @Override
        public OutPort<B> onlyOutput() {
            return out;
        }

        @Override
        void body(Context context) throws Exception {
            body.run(context.input(in), context.output(out));
        }
    }

    static final class Join<A, B, C> extends Tracked implements OneOutput<C> {
        final InPort<A> left = input("left");
        final InPort<B> right = input("right");
        final OutPort<C> out = output("out");
        private final JoinBody<A, B, C> body;

        Join(String name, JoinBody<A, B, C> body) {
            super(name);
            this.body = body;
        }

        @Override
        public OutPort<C> onlyOutput() {
            return out;
        }

        @Override
        void body(Context context) throws Exception {
            body.run(context.input(left), context.input(right), context.output(out));
        }
    }

    static final class Split<A, B, C> extends Tracked implements OneInput<A> {
        final InPort<A> in = input("in");
        final OutPort<B> left = output("left");
        final OutPort<C> right = output("right");
        private final SplitBody<A, B, C> body;

        Split(String name, SplitBody<A, B, C> body) {
            super(name);
            this.body = body;
        }

        @Override
        public InPort<A> onlyInput() {
            return in;
        }

        @Override
        void body(Context context) throws Exception {
            body.run(context.input(in), context.output(left), context.output(right));
        }
    }

    static Source<Integer> range(String name, int start, int stop) {
        return new Source<>(name, out -> {
            for (int i = start; i < stop; i++) {
                out.push(i);
            }
        });
    }

    static <T> Relay<T, T> copy(String name) {
        return new Relay<>(name, (in, out) -> {
            for (T item : in) {
                out.push(item);
            }
        });
    }

    static List<Integer> ints(int start, int stop) {
        List<Integer> list = new ArrayList<>();
        for (int i = start; i < stop; i++) {
            list.add(i);
        }
        return list;
    }

    /**
     * Waits (briefly polling) until {@code thread} is parked; a test timeout bounds it. A waiting
     * stream parks with a timeout (it looks again now and then by itself), so it shows as
     * {@code TIMED_WAITING}; a user's plain wait shows as {@code WAITING}.
     */
    static void awaitParked(AtomicReference<Thread> thread) throws InterruptedException {
        while (thread.get() == null || !parked(thread.get().getState())) {
            Thread.sleep(1);
        }
    }

    private static boolean parked(Thread.State state) {
        return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING;
    }

    static void assertAllEnded(Tracked... steps) {
        for (Tracked step : steps) {
            Thread thread = step.thread.get();
            if (thread != null && thread.isAlive()) {
                throw new AssertionError("the thread of step '" + step.name() + "' outlived its workflow");
            }
        }
    }
}
