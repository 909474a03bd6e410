package io.mimo.flink;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Context;
import io.mimo.runtime.ElementStep;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Hand-written steps for the runner's tests, and where their sinks put what they get: a MiniCluster
 * runs in the test's JVM, so a static map is seen by the test and by every task.
 */
final class TestSteps {
    private TestSteps() {}

    /** What each sink got, by the sink's key. */
    static final Map<String, Queue<Object>> SINKS = new ConcurrentHashMap<>();

    /** What sink {@code key} got, in the order it got it. */
    static List<Object> sink(String key) {
        return List.copyOf(SINKS.getOrDefault(key, new ConcurrentLinkedQueue<>()));
    }

    /** Process style source: pushes {@code from} until {@code to}. */
    static final class Range extends Step {
        final OutPort<Integer> out = output("out", Integer.class);
        private final int from;
        private final int to;

        Range(String name, int from, int to) {
            super(name);
            this.from = from;
            this.to = to;
        }

        @Override
        protected void run(Context context) {
            Output<Integer> output = context.output(out);
            for (int i = from; i < to; i++) {
                output.push(i);
            }
        }
    }

    /** Element style: squares, as longs. */
    static final class Square extends ElementStep<Integer> {
        final OutPort<Long> out = output("y", Long.class);

        Square() {
            super("square", "x", Integer.class);
        }

        @Override
        protected ItemHandler<Integer> open(Context context) {
            Output<Long> y = context.output(out);
            return x -> y.push((long) x * x);
        }
    }

    /** Element style sink: keeps what it gets under {@code key}. */
    static final class Collect extends ElementStep<Object> {
        private final String key;

        Collect(String name, String key) {
            super(name, "in");
            this.key = key;
        }

        @Override
        protected ItemHandler<Object> open(Context context) {
            Queue<Object> kept = SINKS.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
            return kept::add;
        }
    }

    /** Process style, two outputs: evens to one, odds to the other. */
    static final class Fork extends Step {
        final InPort<Integer> in = input("in", Integer.class);
        final OutPort<Integer> even = output("even", Integer.class);
        final OutPort<Integer> odd = output("odd", Integer.class);

        Fork() {
            super("fork");
        }

        @Override
        protected void run(Context context) {
            Output<Integer> evens = context.output(even);
            Output<Integer> odds = context.output(odd);
            for (int x : context.input(in)) {
                (x % 2 == 0 ? evens : odds).push(x);
            }
        }
    }

    /** Process style: reads its inputs one after the other, each to its end, pushing all it reads. */
    static final class Concat extends Step {
        final List<InPort<Object>> ins = new ArrayList<>();
        final OutPort<Object> out = output("out");

        Concat(String name, int inputs) {
            super(name);
            for (int i = 0; i < inputs; i++) {
                ins.add(input("in" + i));
            }
        }

        @Override
        protected void run(Context context) {
            Output<Object> output = context.output(out);
            for (InPort<Object> port : ins) {
                Input<Object> input = context.input(port);
                for (Object item; (item = input.poll()) != null; ) {
                    output.push(item);
                }
            }
        }
    }

    /** Process style, several inputs and no output: keeps each input's items under {@code key}, input after input. */
    static final class CollectAll extends Step {
        final List<InPort<Object>> ins = new ArrayList<>();
        private final String key;

        CollectAll(String name, String key, int inputs) {
            super(name);
            this.key = key;
            for (int i = 0; i < inputs; i++) {
                ins.add(input("in" + i));
            }
        }

        @Override
        protected void run(Context context) {
            Queue<Object> kept = SINKS.computeIfAbsent(key, k -> new ConcurrentLinkedQueue<>());
            for (InPort<Object> port : ins) {
                Input<Object> input = context.input(port);
                for (Object item; (item = input.poll()) != null; ) {
                    kept.add(item);
                }
            }
        }
    }

    /** Process style: passes its items on, and throws at {@code bad}. */
    static final class Boom extends Step {
        final InPort<Integer> in = input("in", Integer.class);
        final OutPort<Integer> out = output("out", Integer.class);
        private final int bad;

        Boom(int bad) {
            super("boom");
            this.bad = bad;
        }

        @Override
        protected void run(Context context) {
            Output<Integer> output = context.output(out);
            for (int x : context.input(in)) {
                if (x == bad) {
                    throw new IllegalStateException("boom at " + x);
                }
                output.push(x);
            }
        }
    }

    /** Element style: throws a checked exception at {@code bad}. */
    static final class FailOn extends ElementStep<Integer> {
        private final int bad;

        FailOn(int bad) {
            super("failOn", "x", Integer.class);
            this.bad = bad;
        }

        @Override
        protected ItemHandler<Integer> open(Context context) {
            return x -> {
                if (x == bad) {
                    throw new IOException("refusing " + x);
                }
            };
        }
    }

    /** Process style, byte output: each number as a text line, one view per line. */
    static final class Format extends Step {
        final InPort<Integer> in = input("values", Integer.class);
        final OutPort<ByteBuffer> text = byteOutput("text");

        Format() {
            super("format");
        }

        @Override
        protected void run(Context context) {
            ByteOutput out = context.byteOutput(text);
            for (int v : context.input(in)) {
                out.write(ByteBuffer.wrap((v + "\n").getBytes(StandardCharsets.US_ASCII)));
            }
        }
    }

    /** Process style, byte input: text lines parsed back into numbers. */
    static final class Parse extends Step {
        final InPort<ByteBuffer> text = byteInput("text");
        final OutPort<Integer> out = output("values", Integer.class);

        Parse() {
            super("parse");
        }

        @Override
        protected void run(Context context) {
            ByteInput in = context.byteInput(text);
            Output<Integer> values = context.output(out);
            for (ByteBuffer line; (line = in.readLine(20)) != null; ) {
                values.push(
                        Integer.parseInt(StandardCharsets.US_ASCII.decode(line).toString()));
            }
        }
    }
}
