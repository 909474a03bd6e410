package p;

import io.mimo.Stream;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.util.Comparator;
import java.util.Optional;

/** Return values: once at the end in process style, per call in element style, maybe none when optional. */
final class Stats {
    private Stats() {}

    @Stream(in = "values", out = "count")
    static long count(Input<Number> values) {
        return values.stream().count();
    }

    @Stream(in = "values", out = "smallest")
    static <T extends Comparable<? super T>> Optional<T> smallest(Input<T> values) {
        return values.stream().min(Comparator.naturalOrder());
    }

    @Stream(in = "text", out = "number")
    static Optional<Integer> parse(String text) {
        try {
            return Optional.of(Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Stream(in = "line", out = {"words", "length"})
    static int split(String line, String separator, Output<String> words) {
        for (String word : line.split(separator)) words.push(word);
        return line.length();
    }
}
