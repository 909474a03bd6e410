package io.mimo.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Workload 6, cold: the compiles of {@link ProcessorJavac}, each the first and only one in a fresh
 * JVM (single shot, no warm-up, one fork per sample): what a one-module build pays, javac's own
 * class loading and JIT warm-up included. Run apart from the rest (its fork and iteration counts
 * differ); {@code benchmarks/run} does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ProcessorJavacCold {

    @Param("500")
    public int methods;

    private final ProcessorJavac compiles = new ProcessorJavac();

    @Setup(Level.Trial)
    public void setUp() throws IOException, ClassNotFoundException {
        compiles.methods = methods;
        compiles.pregenerate = false;
        compiles.setUp();
        compiles.clean();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        compiles.tearDown();
    }

    @Benchmark
    public int javacWithMimoProcessor() throws IOException {
        return compiles.javacWithMimoProcessor();
    }

    @Benchmark
    public int javacWithoutProcessor() throws IOException {
        return compiles.javacWithoutProcessor();
    }
}
