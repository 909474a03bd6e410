package io.mimo.samples;

import io.mimo.flink.FlinkRunner;
import io.mimo.flink.SerializableSupplier;
import io.mimo.runtime.Workflow;
import java.io.PrintStream;
import org.apache.flink.configuration.Configuration;

/**
 * The wiring samples as Flink jobs: {@code samples/run NAME --runner flink}. Kept apart from
 * {@link Samples} so that the local runner starts without Flink's classes.
 */
final class FlinkSamples {
    /**
     * Where the printers of the job's tasks print. Each task builds the workflow again, and a
     * {@code PrintStream} cannot be shipped: on a local cluster the tasks run in this JVM and read
     * it here (on a real cluster they would print to their task manager's standard output).
     */
    private static volatile PrintStream out = System.out;

    private FlinkSamples() {}

    /** The wiring sample {@code name}, built in each task, printing to {@link #out}. */
    static SerializableSupplier<Workflow> sample(String name) {
        return () -> Samples.WIRING.get(name).apply(out);
    }

    /** Runs wiring sample {@code name} on a local MiniCluster, printing to {@code printTo}. */
    static void run(String name, PrintStream printTo) {
        run(name, printTo, new Configuration());
    }

    /** Runs wiring sample {@code name} with Flink configuration {@code config}, printing to {@code printTo}. */
    static void run(String name, PrintStream printTo, Configuration config) {
        out = printTo;
        try {
            FlinkRunner.run(sample(name), config);
        } finally {
            out = System.out;
        }
    }
}
