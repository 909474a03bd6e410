package p;

import io.mimo.runtime.Context;
import io.mimo.runtime.ElementStep;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OneInput;
import io.mimo.runtime.OneOutput;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The streams of {@link Stats}: a factory and a step class for each {@code @Stream} method.
 */
@Generated("io.mimo.processor.StreamProcessor")
public final class StatsStreams {
    private StatsStreams() {
    }

    /**
     * Returns a new step that runs {@link Stats#count(Input)}.
     */
    public static Count count() {
        return new Count();
    }

    /**
     * Returns a new step that runs {@link Stats#smallest(Input)}.
     */
    public static <T extends Comparable<? super T>> Smallest<T> smallest() {
        return new Smallest<T>();
    }

    /**
     * Returns a new step that runs {@link Stats#parse(String)}.
     */
    public static Parse parse() {
        return new Parse();
    }

    /**
     * Returns a new step that runs {@link Stats#split(String, String, Output)}.
     */
    public static Split split(String separator) {
        return new Split(separator);
    }

    /**
     * The stream of {@link Stats#count(Input)}.
     */
    public static final class Count extends Step implements OneInput<Number>, OneOutput<Long> {
        private final InPort<Number> values = this.<Number>input("values", Number.class);

        private final OutPort<Long> count = this.<Long>output("count", Long.class);

        private Count() {
            super("count");
        }

        /**
         * The input port {@code values}.
         */
        public InPort<Number> values() {
            return values;
        }

        /**
         * The output port {@code count}.
         */
        public OutPort<Long> count() {
            return count;
        }

        @Override
        public InPort<Number> onlyInput() {
            return values;
        }

        @Override
        public OutPort<Long> onlyOutput() {
            return count;
        }

        @Override
        protected void run(Context context) {
            context.<Long>output(this.count).push(Stats.count(context.<Number>input(this.values)));
        }
    }

    /**
     * The stream of {@link Stats#smallest(Input)}.
     */
    public static final class Smallest<T extends Comparable<? super T>> extends Step implements OneInput<T>, OneOutput<T> {
        private final InPort<T> values = this.<T>input("values", Comparable.class);

        private final OutPort<T> smallest = this.<T>output("smallest", Comparable.class);

        private Smallest() {
            super("smallest");
        }

        /**
         * The input port {@code values}.
         */
        public InPort<T> values() {
            return values;
        }

        /**
         * The output port {@code smallest}.
         */
        public OutPort<T> smallest() {
            return smallest;
        }

        @Override
        public InPort<T> onlyInput() {
            return values;
        }

        @Override
        public OutPort<T> onlyOutput() {
            return smallest;
        }

        @Override
        protected void run(Context context) {
            Stats.<T>smallest(context.<T>input(this.values)).ifPresent(context.<T>output(this.smallest)::push);
        }
    }

    /**
     * The stream of {@link Stats#parse(String)}.
     */
    public static final class Parse extends ElementStep<String> implements OneOutput<Integer> {
        private final OutPort<Integer> number = this.<Integer>output("number", Integer.class);

        private Parse() {
            super("parse", "text", String.class);
        }

        /**
         * The input port {@code text}.
         */
        public InPort<String> text() {
            return onlyInput();
        }

        /**
         * The output port {@code number}.
         */
        public OutPort<Integer> number() {
            return number;
        }

        @Override
        public OutPort<Integer> onlyOutput() {
            return number;
        }

        @Override
        protected ElementStep.ItemHandler<String> open(Context context) {
            Output<Integer> number = context.<Integer>output(this.number);
            return text -> {
                Optional<Integer> numberValue = Stats.parse(text);
                if (numberValue.isPresent()) number.push(numberValue.get());
            };
        }
    }

    /**
     * The stream of {@link Stats#split(String, String, Output)}.
     */
    public static final class Split extends ElementStep<String> {
        private final OutPort<String> words = this.<String>output("words", String.class);

        private final OutPort<Integer> length = this.<Integer>output("length", Integer.class);

        private final String separator;

        private Split(String separator) {
            super("split", "line", String.class);
            this.separator = separator;
        }

        /**
         * The input port {@code line}.
         */
        public InPort<String> line() {
            return onlyInput();
        }

        /**
         * The output port {@code words}.
         */
        public OutPort<String> words() {
            return words;
        }

        /**
         * The output port {@code length}.
         */
        public OutPort<Integer> length() {
            return length;
        }

        @Override
        protected ElementStep.ItemHandler<String> open(Context context) {
            Output<String> words = context.<String>output(this.words);
            Output<Integer> length = context.<Integer>output(this.length);
            return line -> length.push(Stats.split(line, this.separator, words));
        }
    }
}
