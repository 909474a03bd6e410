package io.mimo.samples;

import io.mimo.flink.FlinkRunner;
import io.mimo.flink.SerializableSupplier;
import io.mimo.runtime.Workflow;
import io.mimo.samples.join.CsvJoin;
import java.io.PrintStream;
import org.apache.flink.configuration.Configuration;

/**
 * The samples as Flink jobs: {@code samples/run NAME --runner flink}, the CSV join included. Kept apart from
 * {@link Samples} so that the local runner starts without Flink's classes.
 */
final class FlinkSamples {
    /**
     * Where the printers (and the join's report) of the job's tasks print. Each task builds the workflow again, and a
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

    /** Runs the CSV join for {@code options} on a local MiniCluster, its report printing to {@code printTo}. */
    static void join(CsvJoin.Options options, PrintStream printTo) {
        join(options, printTo, new Configuration());
    }

    /** Runs the CSV join for {@code options} with Flink configuration {@code config}, printing to {@code printTo}. */
    static void join(CsvJoin.Options options, PrintStream printTo, Configuration config) {
        out = printTo;
        try {
            FlinkRunner.run(() -> CsvJoin.workflow(options, out), config);
        } finally {
            out = System.out;
        }
    }
}
