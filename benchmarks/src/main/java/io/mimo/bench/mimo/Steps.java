package io.mimo.bench.mimo;

import io.mimo.runtime.Context;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OneInput;
import io.mimo.runtime.OneOutput;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Hand-written steps against the runtime's public API (what a user builds dynamically, without the
 * annotation processor), for the diagnostic row of the linear chain. Process style: each reads its
 * input with {@link Input#poll()} until the end and pushes to its output.
 */
public final class Steps {
    private Steps() {}

    /** Pushes {@code 0, 1, …, count - 1}. */
    public static final class Range extends Step implements OneOutput<Integer> {
        final OutPort<Integer> out = output("out");
        private final int count;

        public Range(int count) {
            super("range");
            this.count = count;
        }

        @Override
        public OutPort<Integer> onlyOutput() {
            return out;
        }

        @Override
        protected void run(Context c) {
            Output<Integer> o = c.output(out);
            for (int i = 0; i < count; i++) {
                o.push(i);
            }
        }
    }

    /** Pushes {@code f(x)} for every input item. */
    public static final class Map<A, B> extends Step implements OneInput<A>, OneOutput<B> {
        final InPort<A> in = input("in");
        final OutPort<B> out = output("out");
        private final Function<? super A, ? extends B> f;

        public Map(String name, Function<? super A, ? extends B> f) {
            super(name);
            this.f = f;
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
        protected void run(Context c) {
            Input<A> i = c.input(in);
            Output<B> o = c.output(out);
            A x;
            while ((x = i.poll()) != null) {
                o.push(f.apply(x));
            }
        }
    }

    /** Pushes the input items that pass {@code p}. */
    public static final class Filter<A> extends Step implements OneInput<A>, OneOutput<A> {
        final InPort<A> in = input("in");
        final OutPort<A> out = output("out");
        private final Predicate<? super A> p;

        public Filter(String name, Predicate<? super A> p) {
            super(name);
            this.p = p;
        }

        @Override
        public InPort<A> onlyInput() {
            return in;
        }

        @Override
        public OutPort<A> onlyOutput() {
            return out;
        }

        @Override
        protected void run(Context c) {
            Input<A> i = c.input(in);
            Output<A> o = c.output(out);
            A x;
            while ((x = i.poll()) != null) {
                if (p.test(x)) {
                    o.push(x);
                }
            }
        }
    }

    /** Sums the input items; {@link #sum()} after the workflow has run. */
    public static final class SumInts extends Step implements OneInput<Integer> {
        final InPort<Integer> in = input("in");
        private long sum;

        public SumInts() {
            super("sum");
        }

        @Override
        public InPort<Integer> onlyInput() {
            return in;
        }

        @Override
        protected void run(Context c) {
            Input<Integer> i = c.input(in);
            long s = 0;
            Integer x;
            while ((x = i.poll()) != null) {
                s += x;
            }
            sum = s;
        }

        /** The sum, once the workflow has ended (its end happens-before {@code run()} returning). */
        public long sum() {
            return sum;
        }
    }
}
