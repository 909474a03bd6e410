package io.mimo.it;

import java.nio.file.Path;

/**
 * A small user program, as a user writes it: {@code @Stream} methods the processor turns into steps, and a main
 * that wires them into a workflow, runs it, and uses the byte layer. Both integration tests build it.
 */
final class UserProject {
    private UserProject() {}

    /** Writes {@code Numbers} and {@code Main} of package {@code pkg} under the source root {@code sources}. */
    static void writeSources(Path sources, String pkg) {
        Path dir = sources.resolve(pkg.replace('.', '/'));
        Tools.write(dir.resolve("Numbers.java"), """
                package %s;

                import io.mimo.Stream;
                import io.mimo.runtime.Input;
                import io.mimo.runtime.Output;

                /** The user's streams. */
                final class Numbers {
                    private Numbers() {}

                    @Stream(out = "out")
                    static void range(int start, int stop, Output<Integer> out) {
                        for (int i = start; i < stop; i++) {
                            out.push(i);
                        }
                    }

                    @Stream(in = "x", out = "y")
                    static int square(int x) {
                        return x * x;
                    }

                    @Stream(in = "values", out = "total")
                    static long sum(Input<Integer> values) {
                        long total = 0;
                        for (int v : values) {
                            total += v;
                        }
                        return total;
                    }

                    @Stream(in = "total")
                    static void print(String label, Input<Long> total) {
                        for (long t : total) {
                            System.out.println(label + t);
                        }
                    }
                }
                """.formatted(pkg));
        Tools.write(dir.resolve("Main.java"), """
                package %s;

                import io.mimo.runtime.Workflow;
                import io.mimo.runtime.bytes.ByteStream;
                import java.nio.charset.StandardCharsets;

                /** Wires the streams, runs them, and reads a line with the byte layer. */
                public final class Main {
                    private Main() {}

                    public static void main(String[] args) {
                        Workflow wf = new Workflow("squares");
                        var range = wf.add(NumbersStreams.range(1, 11));
                        var square = wf.add(NumbersStreams.square());
                        var sum = wf.add(NumbersStreams.sum());
                        var print = wf.add(NumbersStreams.print("sum of squares 1..10: "));
                        range.pipe(square).pipe(sum).pipe(print);
                        wf.run();

                        ByteStream bytes = new ByteStream();
                        bytes.write("first line\\nsecond line\\n".getBytes(StandardCharsets.UTF_8));
                        System.out.println("read: " + StandardCharsets.UTF_8.decode(bytes.readLine(100)));

                        Module runtime = Workflow.class.getModule();
                        System.out.println("runtime module: " + (runtime.isNamed() ? runtime.getName() : "unnamed"));
                    }
                }
                """.formatted(pkg));
    }

    /** What {@code Main} prints, the runtime on the module path or on the class path. */
    static String expectedOutput(boolean onModulePath) {
        return """
                sum of squares 1..10: 385
                read: first line
                runtime module: %s
                """.formatted(onModulePath ? "io.mimo.runtime" : "unnamed");
    }

    /** {@code output} with Windows line ends made plain. */
    static String lines(String output) {
        return output.replace("\r\n", "\n");
    }
}
