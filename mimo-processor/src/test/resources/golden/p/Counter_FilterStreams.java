package p;

import io.mimo.runtime.Context;
import io.mimo.runtime.ElementStep;
import io.mimo.runtime.InPort;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The streams of {@link Counter.Filter}: a factory and a step class for each {@code @Stream} method.
 */
@Generated("io.mimo.processor.StreamProcessor")
public final class Counter_FilterStreams {
    private Counter_FilterStreams() {
    }

    /**
     * Returns a new step that runs {@link Counter.Filter#sort(Object, List, Output, Output)}.
     */
    public static <E, K extends List<E>> Sort<E, K> sort(Counter.Filter<E> receiver, K batch) {
        return new Sort<E, K>(receiver, batch);
    }

    /**
     * The stream of {@link Counter.Filter#sort(Object, List, Output, Output)}.
     */
    public static final class Sort<E, K extends List<E>> extends ElementStep<E> {
        private final OutPort<E> kept = this.<E>output("kept");

        private final OutPort<E> dropped = this.<E>output("dropped");

        private final Counter.Filter<E> receiver;

        private final K batch;

        private Sort(Counter.Filter<E> receiver, K batch) {
            super("sort", "item");
            this.receiver = receiver;
            this.batch = batch;
        }

        /**
         * The input port {@code item}.
         */
        public InPort<E> item() {
            return onlyInput();
        }

        /**
         * The output port {@code kept}.
         */
        public OutPort<E> kept() {
            return kept;
        }

        /**
         * The output port {@code dropped}.
         */
        public OutPort<E> dropped() {
            return dropped;
        }

        @Override
        protected ElementStep.ItemHandler<E> open(Context context) {
            Output<E> kept = context.<E>output(this.kept);
            Output<E> dropped = context.<E>output(this.dropped);
            return item -> this.receiver.<K>sort(item, this.batch, kept, dropped);
        }
    }
}
