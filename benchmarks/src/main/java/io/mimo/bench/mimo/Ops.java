package io.mimo.bench.mimo;

import io.mimo.Stream;
import io.mimo.bench.Work;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.util.Optional;

/**
 * The mimo contenders' streams as a user writes them: {@code @Stream} methods, from which the mimo
 * processor generates {@code OpsStreams}. The maps, filters and the zip are element style (one call
 * per item, an empty {@code Optional} pushes nothing), so the runtime may fuse chains of them.
 */
public final class Ops {
    private Ops() {}

    /** Pushes {@code 0, 1, …, count - 1}. */
    @Stream(out = "out")
    static void range(int count, Output<Integer> out) {
        for (int i = 0; i < count; i++) {
            out.push(i);
        }
    }

    @Stream(in = "x", out = "y")
    static int plusOne(int x) {
        return x + 1;
    }

    @Stream(in = "x", out = "y")
    static Optional<Integer> notDivisibleBy3(int x) {
        return x % 3 != 0 ? Optional.of(x) : Optional.empty();
    }

    @Stream(in = "x", out = "y")
    static int twice(int x) {
        return x * 2;
    }

    @Stream(in = "x", out = "y")
    static Optional<Integer> notDivisibleBy5(int x) {
        return x % 5 != 0 ? Optional.of(x) : Optional.empty();
    }

    /** The parallel map's CPU-heavy function ({@link Work#hash}): an element step, so it may run as copies. */
    @Stream(in = "x", out = "y")
    static int hash(int x) {
        return Work.hash(x);
    }

    /** Two element inputs: zipped, one call per pair. */
    @Stream(
            in = {"left", "right"},
            out = "pair")
    static Work.IntPair pair(int left, int right) {
        return new Work.IntPair(left, right);
    }

    /** Sums the items into {@code total[0]}, read once the workflow has run. */
    @Stream(in = "x")
    static void sum(long[] total, Input<Integer> x) {
        long s = 0;
        Integer v;
        while ((v = x.poll()) != null) {
            s += v;
        }
        total[0] = s;
    }

    /** Sums both halves of every pair into {@code total[0]}. */
    @Stream(in = "pairs")
    static void sumPairs(long[] total, Input<Work.IntPair> pairs) {
        long s = 0;
        Work.IntPair p;
        while ((p = pairs.poll()) != null) {
            s += (long) p.left() + p.right();
        }
        total[0] = s;
    }
}
