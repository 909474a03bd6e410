package io.mimo.bench;

/**
 * What every contender of a workload computes, so that all do the same work and a broken one
 * cannot look fast: each benchmark checks its result against these before handing it to the
 * {@code Blackhole}.
 */
public final class Work {
    private Work() {}

    /** Capacity of every bounded queue, channel and pipe between two threads (mimo's default). */
    public static final int CAPACITY = 256;

    /** Sum of {@code 0 … n-1}: what the one-hop consumer must see. */
    public static long rangeSum(int n) {
        return (long) n * (n - 1) / 2;
    }

    // The linear chain: x -> x + 1 -> keep if not divisible by 3 -> * 2 -> keep if not divisible by 5 -> sum.

    public static int chainMap1(int x) {
        return x + 1;
    }

    public static boolean chainFilter1(int x) {
        return x % 3 != 0;
    }

    public static int chainMap2(int x) {
        return x * 2;
    }

    public static boolean chainFilter2(int x) {
        return x % 5 != 0;
    }

    /** The linear chain's expected sum over {@code 0 … n-1}, by plain arithmetic on ints. */
    public static long chainSum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            int a = i + 1;
            if (a % 3 == 0) {
                continue;
            }
            int b = a * 2;
            if (b % 5 == 0) {
                continue;
            }
            s += b;
        }
        return s;
    }

    // The diamond: x -> (x * 2, x + 1) -> pair -> sum of both.

    public static int diamondLeft(int x) {
        return x * 2;
    }

    public static int diamondRight(int x) {
        return x + 1;
    }

    /** The diamond's expected sum over {@code 0 … n-1}: {@code Σ (2x + x + 1)}. */
    public static long diamondSum(int n) {
        return 3 * rangeSum(n) + n;
    }

    /** A pair of ints, the item the mimo diamond's zip pushes (Pekko pushes its {@code Pair}, Reactor its {@code Tuple2}). */
    public record IntPair(Integer left, Integer right) {}

    /** Throws unless {@code actual == expected}: a contender that lost or duplicated items fails its run. */
    public static long check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
        }
        return actual;
    }
}
