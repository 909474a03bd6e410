package io.mimo.samples;

import io.mimo.Stream;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.io.PrintStream;

/** The streams of the wiring samples: a range source, an even/odd fork, a multiply, a printer. */
public final class Numbers {
    private Numbers() {}

    /** Process style: pushes {@code start, start + 1, …, stop - 1}. */
    @Stream(out = "entity")
    static void range(int start, int stop, Output<Integer> entity) {
        for (int i = start; i < stop; i++) {
            entity.push(i);
        }
    }

    /** Process style with two outputs: even numbers to one, odd to the other. */
    @Stream(
            in = "input",
            out = {"even", "odd"})
    static void fork(Input<Integer> input, Output<Integer> even, Output<Integer> odd) {
        for (int x : input) {
            (x % 2 == 0 ? even : odd).push(x);
        }
    }

    /** Element style with two inputs: they are zipped, one call per pair. */
    @Stream(
            in = {"multiplicand", "multiplier"},
            out = "product")
    static int multiply(int multiplicand, int multiplier) {
        return multiplicand * multiplier;
    }

    /** Generic, with configuration parameters (where to print, what to append). */
    @Stream(in = "value")
    static <T> void print(PrintStream sink, String suffix, Input<T> value) {
        for (T v : value) {
            sink.println(v + suffix);
        }
    }
}
