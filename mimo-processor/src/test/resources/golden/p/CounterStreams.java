package p;

import io.mimo.runtime.Context;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OneInput;
import io.mimo.runtime.OneOutput;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Step;
import javax.annotation.processing.Generated;

/**
 * The streams of {@link Counter}: a factory and a step class for each {@code @Stream} method.
 */
@Generated("io.mimo.processor.StreamProcessor")
public final class CounterStreams {
    private CounterStreams() {
    }

    /**
     * Returns a new step that runs {@link Counter#count(Input)}.
     */
    public static Count count(Counter receiver) {
        return new Count(receiver);
    }

    /**
     * The stream of {@link Counter#count(Input)}.
     */
    public static final class Count extends Step implements OneInput<String>, OneOutput<Long> {
        private final InPort<String> items = this.<String>input("items", String.class);

        private final OutPort<Long> total = this.<Long>output("total", Long.class);

        private final Counter receiver;

        private Count(Counter receiver) {
            super("count");
            this.receiver = receiver;
        }

        /**
         * The input port {@code items}.
         */
        public InPort<String> items() {
            return items;
        }

        /**
         * The output port {@code total}.
         */
        public OutPort<Long> total() {
            return total;
        }

        @Override
        public InPort<String> onlyInput() {
            return items;
        }

        @Override
        public OutPort<Long> onlyOutput() {
            return total;
        }

        @Override
        protected void run(Context context) {
            context.<Long>output(this.total).push(this.receiver.count(context.<String>input(this.items)));
        }
    }
}
