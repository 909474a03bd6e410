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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * The streams of {@link Items}: a factory and a step class for each {@code @Stream} method.
 */
@Generated("io.mimo.processor.StreamProcessor")
public final class ItemsStreams {
    private ItemsStreams() {
    }

    /**
     * Returns a new step that runs {@link Items#half(int)}.
     */
    public static Half half() {
        return new Half();
    }

    /**
     * Returns a new step that runs {@link Items#split(String, Output)}.
     */
    public static Split split() {
        return new Split();
    }

    /**
     * Returns a new step that runs {@link Items#batch(int, Input, Output)}.
     */
    public static <N extends Number> Batch<N> batch(int size) {
        return new Batch<N>(size);
    }

    /**
     * Returns a new step that runs {@link Items#larger(Comparable, Comparable)}.
     */
    public static <C extends Comparable<C>> Larger<C> larger() {
        return new Larger<C>();
    }

    /**
     * Returns a new step that runs {@link Items#label(String, Object, Output)}.
     */
    public static <T> Label<T> label(String label) {
        return new Label<T>(label);
    }

    /**
     * Returns a new step that runs {@link Items#swap(Object[], Output)}.
     */
    public static <T> Swap<T> swap() {
        return new Swap<T>();
    }

    /**
     * The stream of {@link Items#half(int)}.
     */
    public static final class Half extends ElementStep<Integer> implements OneOutput<Integer> {
        private final OutPort<Integer> half = this.<Integer>output("half", Integer.class);

        private Half() {
            super("half", "x", Integer.class);
        }

        /**
         * The input port {@code x}.
         */
        public InPort<Integer> x() {
            return onlyInput();
        }

        /**
         * The output port {@code half}.
         */
        public OutPort<Integer> half() {
            return half;
        }

        @Override
        public OutPort<Integer> onlyOutput() {
            return half;
        }

        @Override
        protected ElementStep.ItemHandler<Integer> open(Context context) {
            Output<Integer> half = context.<Integer>output(this.half);
            return x -> {
                Optional<Integer> halfValue = Items.half(x);
                if (halfValue.isPresent()) half.push(halfValue.get());
            };
        }
    }

    /**
     * The stream of {@link Items#split(String, Output)}.
     */
    public static final class Split extends ElementStep<String> {
        private final OutPort<String[]> words = this.<String[]>output("words", String[].class);

        private final OutPort<int[]> lengths = this.<int[]>output("lengths", int[].class);

        private Split() {
            super("split", "line", String.class);
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
        public OutPort<String[]> words() {
            return words;
        }

        /**
         * The output port {@code lengths}.
         */
        public OutPort<int[]> lengths() {
            return lengths;
        }

        @Override
        protected ElementStep.ItemHandler<String> open(Context context) {
            Output<String[]> words = context.<String[]>output(this.words);
            Output<int[]> lengths = context.<int[]>output(this.lengths);
            return line -> words.push(Items.split(line, lengths));
        }
    }

    /**
     * The stream of {@link Items#batch(int, Input, Output)}.
     */
    public static final class Batch<N extends Number> extends Step implements OneInput<N>, OneOutput<List<N>> {
        private final InPort<N> numbers = this.<N>input("numbers", Number.class);

        private final OutPort<List<N>> batches = this.<List<N>>output("batches", List.class);

        private final int size;

        private Batch(int size) {
            super("batch");
            this.size = size;
        }

        /**
         * The input port {@code numbers}.
         */
        public InPort<N> numbers() {
            return numbers;
        }

        /**
         * The output port {@code batches}.
         */
        public OutPort<List<N>> batches() {
            return batches;
        }

        @Override
        public InPort<N> onlyInput() {
            return numbers;
        }

        @Override
        public OutPort<List<N>> onlyOutput() {
            return batches;
        }

        @Override
        protected void run(Context context) {
            Items.<N>batch(this.size, context.<N>input(this.numbers), context.<List<N>>output(this.batches));
        }
    }

    /**
     * The stream of {@link Items#larger(Comparable, Comparable)}.
     */
    public static final class Larger<C extends Comparable<C>> extends Step implements OneOutput<C> {
        private final InPort<C> left = this.<C>input("left", Comparable.class);

        private final InPort<C> right = this.<C>input("right", Comparable.class);

        private final OutPort<C> larger = this.<C>output("larger", Comparable.class);

        private Larger() {
            super("larger");
        }

        /**
         * The input port {@code left}.
         */
        public InPort<C> left() {
            return left;
        }

        /**
         * The input port {@code right}.
         */
        public InPort<C> right() {
            return right;
        }

        /**
         * The output port {@code larger}.
         */
        public OutPort<C> larger() {
            return larger;
        }

        @Override
        public OutPort<C> onlyOutput() {
            return larger;
        }

        @Override
        protected void run(Context context) {
            Input<C> leftInput = context.<C>input(this.left);
            Input<C> rightInput = context.<C>input(this.right);
            Output<C> larger = context.<C>output(this.larger);
            for (;;) {
                C left = leftInput.poll();
                if (left == null) break;
                C right = rightInput.poll();
                if (right == null) break;
                Optional<C> largerValue = Items.<C>larger(left, right);
                if (largerValue.isPresent()) larger.push(largerValue.get());
            }
        }
    }

    /**
     * The stream of {@link Items#label(String, Object, Output)}.
     */
    public static final class Label<T> extends ElementStep<T> {
        private final OutPort<T> same = this.<T>output("same");

        private final OutPort<Map<String, T>> labelled = this.<Map<String, T>>output("labelled", Map.class);

        private final String label;

        private Label(String label) {
            super("label", "item");
            this.label = label;
        }

        /**
         * The input port {@code item}.
         */
        public InPort<T> item() {
            return onlyInput();
        }

        /**
         * The output port {@code same}.
         */
        public OutPort<T> same() {
            return same;
        }

        /**
         * The output port {@code labelled}.
         */
        public OutPort<Map<String, T>> labelled() {
            return labelled;
        }

        @Override
        protected ElementStep.ItemHandler<T> open(Context context) {
            Output<T> same = context.<T>output(this.same);
            Output<Map<String, T>> labelled = context.<Map<String, T>>output(this.labelled);
            return item -> same.push(Items.<T>label(this.label, item, labelled));
        }
    }

    /**
     * The stream of {@link Items#swap(Object[], Output)}.
     */
    public static final class Swap<T> extends ElementStep<T[]> {
        private final OutPort<T[]> swapped = this.<T[]>output("swapped", Object[].class);

        private final OutPort<Object> first = this.<Object>output("first", Object.class);

        private Swap() {
            super("swap", "pair", Object[].class);
        }

        /**
         * The input port {@code pair}.
         */
        public InPort<T[]> pair() {
            return onlyInput();
        }

        /**
         * The output port {@code swapped}.
         */
        public OutPort<T[]> swapped() {
            return swapped;
        }

        /**
         * The output port {@code first}.
         */
        public OutPort<Object> first() {
            return first;
        }

        @Override
        protected ElementStep.ItemHandler<T[]> open(Context context) {
            Output<T[]> swapped = context.<T[]>output(this.swapped);
            Output<Object> first = context.<Object>output(this.first);
            return pair -> swapped.push(Items.<T>swap(pair, first));
        }
    }
}
