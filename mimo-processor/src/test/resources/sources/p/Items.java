package p;

import io.mimo.Stream;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Item types of every kind, each port recording at run time what its items are. */
public final class Items {
    private Items() {}

    /** A primitive input records its box; an Optional return, the class of its value. */
    @Stream(in = "x", out = "half")
    static Optional<Integer> half(int x) {
        return x % 2 == 0 ? Optional.of(x / 2) : Optional.empty();
    }

    /** Arrays record their array class, of primitives or not. */
    @Stream(in = "line", out = {"words", "lengths"})
    static String[] split(String line, Output<int[]> lengths) {
        String[] words = line.split(" ");
        lengths.push(Arrays.stream(words).mapToInt(String::length).toArray());
        return words;
    }

    /** A bounded type variable records its bound's erasure; a parameterised type, its class. */
    @Stream(in = "numbers", out = "batches")
    static <N extends Number> void batch(int size, Input<N> numbers, Output<List<N>> batches) {
        List<N> batch = new ArrayList<>();
        for (N n : numbers) {
            batch.add(n);
            if (batch.size() == size) {
                batches.push(List.copyOf(batch));
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            batches.push(List.copyOf(batch));
        }
    }

    /** A variable bounded by a type of itself, in zipped inputs and an Optional return. */
    @Stream(in = {"left", "right"}, out = "larger")
    static <C extends Comparable<C>> Optional<C> larger(C left, C right) {
        int order = left.compareTo(right);
        return order == 0 ? Optional.empty() : Optional.of(order > 0 ? left : right);
    }

    /** A type variable without a bound records nothing; types made of it record their class. */
    @Stream(in = "item", out = {"same", "labelled"})
    static <T> T label(String label, T item, Output<Map<String, T>> labelled) {
        labelled.push(Map.of(label, item));
        return item;
    }

    /** An array of such a variable is still an Object[]; a declared Object is an Object. */
    @Stream(in = "pair", out = {"swapped", "first"})
    static <T> T[] swap(T[] pair, Output<Object> first) {
        first.push(pair[0]);
        T[] swapped = pair.clone();
        swapped[0] = pair[1];
        swapped[1] = pair[0];
        return swapped;
    }
}
