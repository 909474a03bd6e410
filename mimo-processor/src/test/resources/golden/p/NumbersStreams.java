package p;

import io.mimo.runtime.Context;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OneInput;
import io.mimo.runtime.OneOutput;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import javax.annotation.processing.Generated;

/**
 * The streams of {@link Numbers}: a factory and a step class for each {@code @Stream} method.
 */
@Generated("io.mimo.processor.StreamProcessor")
public final class NumbersStreams {
    private NumbersStreams() {
    }

    /**
     * Returns a new step that runs {@link Numbers#range(int, int, Output)}.
     */
    public static Range range(int start, int stop) {
        return new Range(start, stop);
    }

    /**
     * Returns a new step that runs {@link Numbers#fork(Input, Output, Output)}.
     */
    public static Fork fork() {
        return new Fork();
    }

    /**
     * Returns a new step that runs {@link Numbers#multiply(int, int)}.
     */
    public static Multiply multiply() {
        return new Multiply();
    }

    /**
     * Returns a new step that runs {@link Numbers#print(String, Input)}.
     */
    public static <T> Print<T> print(String suffix) {
        return new Print<T>(suffix);
    }

    /**
     * The stream of {@link Numbers#range(int, int, Output)}.
     */
    public static final class Range extends Step implements OneOutput<Integer> {
        private final OutPort<Integer> entity = this.<Integer>output("entity", Integer.class);

        private final int start;

        private final int stop;

        private Range(int start, int stop) {
            super("range");
            this.start = start;
            this.stop = stop;
        }

        /**
         * The output port {@code entity}.
         */
        public OutPort<Integer> entity() {
            return entity;
        }

        @Override
        public OutPort<Integer> onlyOutput() {
            return entity;
        }

        @Override
        protected void run(Context context) {
            Numbers.range(this.start, this.stop, context.<Integer>output(this.entity));
        }
    }

    /**
     * The stream of {@link Numbers#fork(Input, Output, Output)}.
     */
    public static final class Fork extends Step implements OneInput<Integer> {
        private final InPort<Integer> input = this.<Integer>input("input", Integer.class);

        private final OutPort<Integer> even = this.<Integer>output("even", Integer.class);

        private final OutPort<Integer> odd = this.<Integer>output("odd", Integer.class);

        private Fork() {
            super("fork");
        }

        /**
         * The input port {@code input}.
         */
        public InPort<Integer> input() {
            return input;
        }

        /**
         * The output port {@code even}.
         */
        public OutPort<Integer> even() {
            return even;
        }

        /**
         * The output port {@code odd}.
         */
        public OutPort<Integer> odd() {
            return odd;
        }

        @Override
        public InPort<Integer> onlyInput() {
            return input;
        }

        @Override
        protected void run(Context context) {
            Numbers.fork(context.<Integer>input(this.input), context.<Integer>output(this.even), context.<Integer>output(this.odd));
        }
    }

    /**
     * The stream of {@link Numbers#multiply(int, int)}.
     */
    public static final class Multiply extends Step implements OneOutput<Integer> {
        private final InPort<Integer> multiplicand = this.<Integer>input("multiplicand", Integer.class);

        private final InPort<Integer> multiplier = this.<Integer>input("multiplier", Integer.class);

        private final OutPort<Integer> product = this.<Integer>output("product", Integer.class);

        private Multiply() {
            super("multiply");
        }

        /**
         * The input port {@code multiplicand}.
         */
        public InPort<Integer> multiplicand() {
            return multiplicand;
        }

        /**
         * The input port {@code multiplier}.
         */
        public InPort<Integer> multiplier() {
            return multiplier;
        }

        /**
         * The output port {@code product}.
         */
        public OutPort<Integer> product() {
            return product;
        }

        @Override
        public OutPort<Integer> onlyOutput() {
            return product;
        }

        @Override
        protected void run(Context context) {
            Input<Integer> multiplicandInput = context.<Integer>input(this.multiplicand);
            Input<Integer> multiplierInput = context.<Integer>input(this.multiplier);
            Output<Integer> product = context.<Integer>output(this.product);
            for (;;) {
                Integer multiplicand = multiplicandInput.poll();
                if (multiplicand == null) break;
                Integer multiplier = multiplierInput.poll();
                if (multiplier == null) break;
                product.push(Numbers.multiply(multiplicand, multiplier));
            }
        }
    }

    /**
     * The stream of {@link Numbers#print(String, Input)}.
     */
    public static final class Print<T> extends Step implements OneInput<T> {
        private final InPort<T> value = this.<T>input("value");

        private final String suffix;

        private Print(String suffix) {
            super("print");
            this.suffix = suffix;
        }

        /**
         * The input port {@code value}.
         */
        public InPort<T> value() {
            return value;
        }

        @Override
        public InPort<T> onlyInput() {
            return value;
        }

        @Override
        protected void run(Context context) {
            Numbers.<T>print(this.suffix, context.<T>input(this.value));
        }
    }
}
