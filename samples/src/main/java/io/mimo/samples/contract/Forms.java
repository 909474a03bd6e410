package io.mimo.samples.contract;

import io.mimo.Stream;
import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every form of stream method the processor accepts. */
final class Forms {
    private Forms() {}

    @Stream(out = "values")
    static void count(int n, Output<Integer> values) {
        for (int i = 0; i < n; i++) {
            values.push(i);
        }
    }

    /** Element style, Optional return: an empty result pushes nothing. */
    @Stream(in = "x", out = "even")
    static Optional<Integer> evens(int x) {
        return x % 2 == 0 ? Optional.of(x) : Optional.empty();
    }

    /** Element style with an Output parameter: any number of items per call. */
    @Stream(in = "x", out = "copies")
    static void repeat(int times, int x, Output<Integer> copies) {
        for (int i = 0; i < times; i++) {
            copies.push(x);
        }
    }

    /** Element style, three inputs zipped; ends with the shortest. */
    @Stream(
            in = {"a", "b", "c"},
            out = "sum")
    static long add3(int a, int b, int c) {
        return (long) a + b + c;
    }

    /** Element style, two inputs zipped, Optional return: a pair whose halves differ pushes nothing. */
    @Stream(
            in = {"left", "right"},
            out = "same")
    static Optional<Integer> whenEqual(int left, int right) {
        return left == right ? Optional.of(left) : Optional.empty();
    }

    /** Generic with a bound. */
    @Stream(in = "x", out = "y")
    static <N extends Number> double half(N x) {
        return x.doubleValue() / 2;
    }

    /** Process style with a return value: pushed once, at the end. */
    @Stream(in = "values", out = "list")
    static <T> List<T> collect(Input<T> values) {
        List<T> all = new ArrayList<>();
        values.forEach(all::add);
        return all;
    }

    /** A checked exception stops the workflow. */
    @Stream(in = "x")
    static void failOn(int bad, int x) throws IOException {
        if (x == bad) {
            throw new IOException("refusing " + x);
        }
    }

    /** A null return is an error naming the step. */
    @Stream(in = "x", out = "y")
    static String nullFor(int bad, int x) {
        return x == bad ? null : Integer.toString(x);
    }

    /** Byte ports: numbers written as text lines, zero-copy views. */
    @Stream(in = "values", out = "text")
    static void format(Input<Integer> values, ByteOutput text) {
        for (int v : values) {
            text.write(ByteBuffer.wrap((v + "\n").getBytes(StandardCharsets.US_ASCII)));
        }
    }

    /** Byte ports: text lines parsed back into numbers. */
    @Stream(in = "text", out = "values")
    static void parse(ByteInput text, Output<Integer> values) {
        for (ByteBuffer line; (line = text.readLine(20)) != null; ) {
            values.push(Integer.parseInt(StandardCharsets.US_ASCII.decode(line).toString()));
        }
    }
}
