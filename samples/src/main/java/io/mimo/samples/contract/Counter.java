package io.mimo.samples.contract;

import io.mimo.Stream;
import io.mimo.runtime.Input;

/** Instance methods: the factory takes the receiver, and the state lives in it. */
final class Counter {
    private long total;

    @Stream(in = "x")
    void add(int x) {
        total += x;
    }

    @Stream(in = "values", out = "count")
    long tally(Input<Integer> values) {
        long n = 0;
        for (int v : values) {
            total += v;
            n++;
        }
        return n;
    }

    long total() {
        return total;
    }
}
