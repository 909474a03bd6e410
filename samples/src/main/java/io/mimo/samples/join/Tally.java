package io.mimo.samples.join;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts per stream, safe to add to from every stream's thread. */
final class Tally {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** The counter named {@code what}, made on first use. */
    LongAdder counter(String what) {
        return counts.computeIfAbsent(what, k -> new LongAdder());
    }

    /** The counts, sorted by name. */
    Map<String, Long> snapshot() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
