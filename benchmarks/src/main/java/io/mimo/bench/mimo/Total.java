package io.mimo.bench.mimo;

import io.mimo.Stream;
import io.mimo.bench.Work;

/**
 * An element-style sink as a user keeps state in one: an instance method adding each item to a
 * field of its receiver (the generated factory takes the receiver). With one input and no
 * {@code Input} parameter it is an element step, so the runtime fuses it like the maps before it.
 */
public final class Total {
    private long sum;

    @Stream(in = "x")
    void add(int x) {
        sum += x;
    }

    /** Adds both halves of a pair: the diamond's sink. */
    @Stream(in = "pair")
    void addPair(Work.IntPair pair) {
        sum += (long) pair.left() + pair.right();
    }

    /** Folds each item in order ({@link Work#fold}): the parallel map's sink, which sees any reordering. */
    @Stream(in = "y")
    void fold(int y) {
        sum = Work.fold(sum, y);
    }

    /** The sum (or fold) so far; read once the workflow has run. */
    public long sum() {
        return sum;
    }
}
