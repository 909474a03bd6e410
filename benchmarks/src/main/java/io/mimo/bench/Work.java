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

    // The parallel map: x -> hash(x), a CPU-heavy pure function, folded in order.

    /** Rounds of {@link #hash}: about 1.2 µs per item on the 2-core machine of BENCHMARKS.md. */
    public static final int HASH_ROUNDS = 384;

    /**
     * The parallel map's CPU-heavy function: {@value #HASH_ROUNDS} rounds of a 32-bit xorshift and
     * an odd multiply, one dependent chain of integer operations, no memory touched, nothing
     * allocated; the same in every contender.
     */
    public static int hash(int x) {
        int h = x * 0x9E3779B9 + 0x7F4A7C15;
        for (int r = 0; r < HASH_ROUNDS; r++) {
            h ^= h << 13;
            h ^= h >>> 17;
            h ^= h << 5;
            h *= 0x2545F491;
        }
        return h;
    }

    /**
     * One step of the parallel map's order-sensitive fold, {@code s * 31 + y}: an item out of
     * place changes the result, so a contender that reorders fails its run.
     */
    public static long fold(long s, int y) {
        return s * 31 + y;
    }

    /** The parallel map's expected fold of {@code hash(0) … hash(n-1)}, in that order. */
    public static long hashFold(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s = fold(s, hash(i));
        }
        return s;
    }

    /** The plain sum of {@code hash(0) … hash(n-1)}, which ignores order: for the unordered diagnostic. */
    public static long hashSum(int n) {
        long s = 0;
        for (int i = 0; i < n; i++) {
            s += hash(i);
        }
        return s;
    }

    /** Throws unless {@code actual == expected}: a contender that lost or duplicated items fails its run. */
    public static long check(String what, long expected, long actual) {
        if (expected != actual) {
            throw new IllegalStateException(what + ": expected " + expected + " but got " + actual);
        }
        return actual;
    }
}
