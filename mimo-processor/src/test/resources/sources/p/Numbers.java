package p;

import io.mimo.Stream;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;

public final class Numbers {
    private Numbers() {}

    @Stream(out = "entity")
    static void range(int start, int stop, Output<Integer> entity) {
        for (int i = start; i < stop; i++) entity.push(i);
    }

    @Stream(in = "input", out = {"even", "odd"})
    static void fork(Input<Integer> input, Output<Integer> even, Output<Integer> odd) {
        for (int x : input) (x % 2 == 0 ? even : odd).push(x);
    }

    @Stream(in = {"multiplicand", "multiplier"}, out = "product")
    static int multiply(int multiplicand, int multiplier) {
        return multiplicand * multiplier;
    }

    @Stream(in = "value")
    static <T> void print(String suffix, Input<T> value) {
        for (T v : value) System.out.println(v + suffix);
    }
}
