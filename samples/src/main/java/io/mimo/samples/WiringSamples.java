package io.mimo.samples;

import io.mimo.runtime.Workflow;
import java.io.PrintStream;

/** Small workflows that each show one way to wire streams: a line, a fork, a split, a zip. */
public final class WiringSamples {
    private WiringSamples() {}

    /** {@code linear}: range → print. */
    public static Workflow linear(PrintStream out) {
        Workflow wf = new Workflow("linear");
        var range = wf.add(NumbersStreams.range(0, 10));
        var print = wf.add(NumbersStreams.<Integer>print(out, ""));
        range.pipe(print);
        return wf;
    }

    /** {@code fork}: one stream with two outputs, evens to one printer and odds to another. */
    public static Workflow fork(PrintStream out) {
        Workflow wf = new Workflow("fork");
        var range = wf.add(NumbersStreams.range(0, 10));
        var fork = wf.add(NumbersStreams.fork());
        var evens = wf.add(NumbersStreams.<Integer>print(out, " is even"));
        var odds = wf.add(NumbersStreams.<Integer>print(out, " is odd"));
        range.pipe(fork);
        fork.even().pipe(evens.value());
        fork.odd().pipe(odds);
        return wf;
    }

    /** {@code split}: one output piped to two streams; each gets every item. */
    public static Workflow split(PrintStream out) {
        Workflow wf = new Workflow("split");
        var range = wf.add(NumbersStreams.range(0, 5));
        var first = wf.add(NumbersStreams.<Integer>print(out, " (first)"));
        var second = wf.add(NumbersStreams.<Object>print(out, " (second)"));
        range.entity().pipe(first.value());
        range.entity().pipe(second.value()); // an Output<Integer> may feed an Input<Object>
        return wf;
    }

    /**
     * {@code zip}: two ranges zipped into a multiply, element by element (a zip, not a join: the
     * {@code join} sample is the CSV merge-join).
     */
    public static Workflow zip(PrintStream out) {
        Workflow wf = new Workflow("zip");
        var left = wf.add(NumbersStreams.range(0, 5));
        var right = wf.add(NumbersStreams.range(10, 15));
        var multiply = wf.add(NumbersStreams.multiply());
        var print = wf.add(NumbersStreams.<Integer>print(out, ""));
        left.pipe(multiply.multiplicand());
        right.pipe(multiply.multiplier());
        multiply.pipe(print);
        return wf;
    }
}
