package p;

import io.mimo.runtime.Context;
import io.mimo.runtime.ElementStep;
import io.mimo.runtime.InPort;
import io.mimo.runtime.OneOutput;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import javax.annotation.processing.Generated;

/**
 * The streams of {@link Outer.Inner}: a factory and a step class for each {@code @Stream} method.
 */
@Generated("io.mimo.processor.StreamProcessor")
public final class Outer_InnerStreams {
    private Outer_InnerStreams() {
    }

    /**
     * Returns a new step that runs {@link Outer.Inner#count(String, String[])}.
     */
    public static Count count(String... ignored) {
        return new Count(ignored);
    }

    /**
     * Returns a new step that runs {@link Outer.Inner#constant()}.
     */
    public static Constant constant() {
        return new Constant();
    }

    /**
     * The stream of {@link Outer.Inner#count(String, String[])}.
     */
    public static final class Count extends ElementStep<String> implements OneOutput<Integer> {
        private final OutPort<Integer> letters = this.<Integer>output("letters", Integer.class);

        private final String[] ignored;

        private Count(String[] ignored) {
            super("count", "word", String.class);
            this.ignored = ignored;
        }

        /**
         * The input port {@code word}.
         */
        public InPort<String> word() {
            return onlyInput();
        }

        /**
         * The output port {@code letters}.
         */
        public OutPort<Integer> letters() {
            return letters;
        }

        @Override
        public OutPort<Integer> onlyOutput() {
            return letters;
        }

        @Override
        protected ElementStep.ItemHandler<String> open(Context context) {
            Output<Integer> letters = context.<Integer>output(this.letters);
            return word -> letters.push(Outer.Inner.count(word, this.ignored));
        }
    }

    /**
     * The stream of {@link Outer.Inner#constant()}.
     */
    public static final class Constant extends Step implements OneOutput<String> {
        private final OutPort<String> constant = this.<String>output("constant", String.class);

        private Constant() {
            super("constant");
        }

        /**
         * The output port {@code constant}.
         */
        public OutPort<String> constant() {
            return constant;
        }

        @Override
        public OutPort<String> onlyOutput() {
            return constant;
        }

        @Override
        protected void run(Context context) {
            context.<String>output(this.constant).push(Outer.Inner.constant());
        }
    }
}
