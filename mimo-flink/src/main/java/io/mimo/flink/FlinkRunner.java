package io.mimo.flink;

import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.DeploymentOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Runs a mimo workflow as an Apache Flink job: the same steps and the same wiring, with
 * {@code FlinkRunner.run(MyJob::workflow)} in place of {@code workflow.run()}.
 *
 * <p>The runner takes a {@link SerializableSupplier} of the workflow, a method reference to a
 * static wiring method: it builds the workflow once to plan the job, and each Flink task builds it
 * again and runs its own step, picked by position. So step classes need not be serializable, but
 * objects shared between steps (a counter one step writes and another reads) are shared only
 * within a task: on a cluster each task has its own.
 *
 * <p>Each {@code run} blocks until the job ends, and throws as {@link Workflow#run()} does: a
 * {@link WorkflowException} naming the failing stream, with its exception as the cause, or with no
 * stream for a deadlock; an {@link IllegalStateException} before the job starts for a workflow
 * that cannot run (unpiped ports, or a cycle: Flink runs none).
 *
 * <p>How the workflow maps onto Flink: each stream runs as one Flink task (a process step's
 * method in a pull host, on a virtual thread that alternates with the task's thread), an element
 * step chained to the operator feeding it, as many instances of it as its copies where the user
 * made it parallel ({@link Workflow#parallel}; its items then arrive in any order). The
 * environment's default parallelism is not used: a stream keeps the order of its items.
 *
 * <p>A bounded workflow runs in BATCH mode unless the configuration sets
 * {@code execution.runtime-mode} to STREAMING. In STREAMING mode a step whose inputs share an
 * upstream step buffers the input it does not read yet, up to the workflow's growth limits, then
 * fails with a deadlock error; and process steps keep their state on their stack, which Flink
 * cannot checkpoint: after a failure they start again from the beginning.
 */
public final class FlinkRunner {
    private FlinkRunner() {}

    /**
     * Runs the workflow on a local Flink MiniCluster, started for this job and stopped after it,
     * and cleans up the temporary files Flink leaves.
     *
     * @throws WorkflowException if a stream failed or the job deadlocked
     * @throws IllegalStateException if the workflow cannot run on Flink
     */
    public static void run(SerializableSupplier<Workflow> workflow) {
        run(workflow, new Configuration());
    }

    /**
     * Runs the workflow with a Flink configuration: on the cluster its {@code execution.target}
     * names ({@code remote} with {@code rest.address} and {@code rest.port}, for instance; the job's
     * classes must reach the cluster, as a jar in {@code pipeline.jars}, a {@code file:} URL),
     * or on a local MiniCluster when it names none. Without a restart strategy configured, a failed
     * job is not restarted, as a local run is not.
     *
     * @throws WorkflowException if a stream failed or the job deadlocked
     * @throws IllegalStateException if the workflow cannot run on Flink
     */
    public static void run(SerializableSupplier<Workflow> workflow, Configuration configuration) {
        WorkflowGraph graph = workflow.get().graph();
        Configuration config = new Configuration(configuration);
        if (!config.contains(RestartStrategyOptions.RESTART_STRATEGY)) {
            config.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        }
        String target = config.get(DeploymentOptions.TARGET);
        if (target != null && !target.equals("local")) {
            // not getExecutionEnvironment(config), which makes a local environment outside `flink run`
            execute(new StreamExecutionEnvironment(config), workflow, graph);
            return;
        }
        Path tmp = null;
        Set<Path> before = flinkLeftovers();
        try {
            if (!config.contains(CoreOptions.TMP_DIRS)) {
                tmp = Files.createTempDirectory("mimo-flink-");
                config.set(CoreOptions.TMP_DIRS, tmp.toString());
            }
            LocalCluster.uncompressedExchanges(config);
            // as many slots as the widest parallel step needs: every stream is one task
            int slots = graph.steps().stream()
                    .mapToInt(s -> s instanceof ElementStepView e ? e.copies() : 1)
                    .max()
                    .orElse(1);
            execute(StreamExecutionEnvironment.createLocalEnvironment(slots, config), workflow, graph);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make a temporary folder for Flink: " + e.getMessage(), e);
        } finally {
            deleteNewLeftovers(before);
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    /**
     * Runs the workflow in {@code environment}, as configured by its user (its runtime mode if set,
     * BATCH otherwise).
     *
     * @throws WorkflowException if a stream failed or the job deadlocked
     * @throws IllegalStateException if the workflow cannot run on Flink
     */
    public static void run(SerializableSupplier<Workflow> workflow, StreamExecutionEnvironment environment) {
        execute(environment, workflow, workflow.get().graph());
    }

    private static void execute(
            StreamExecutionEnvironment env, SerializableSupplier<Workflow> workflow, WorkflowGraph graph) {
        RuntimeExecutionMode mode = env.getConfiguration()
                .getOptional(ExecutionOptions.RUNTIME_MODE)
                .orElse(RuntimeExecutionMode.BATCH);
        boolean streaming = mode == RuntimeExecutionMode.STREAMING;
        env.setRuntimeMode(streaming ? RuntimeExecutionMode.STREAMING : RuntimeExecutionMode.BATCH);
        FlinkJob.add(env, workflow, graph, streaming);
        try {
            // not execute(), which returns at once in detached mode (a remote target's default): run() waits for the
            // end
            env.executeAsync(graph.name()).getJobExecutionResult().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WorkflowException(
                    "interrupted while waiting for workflow '" + graph.name() + "' on Flink; the job goes on", null, e);
        } catch (Exception e) {
            throw failure(graph.name(), e);
        }
    }

    /** The workflow exception for a failed job: the failing stream's, found in Flink's cause chain. */
    static WorkflowException failure(String workflow, Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StepFailure failure) {
                return new WorkflowException(failure.getMessage(), failure.stream(), failure.getCause());
            }
        }
        return new WorkflowException(
                "workflow '" + workflow + "' failed on Flink: " + thrown.getMessage(), null, thrown);
    }

    /**
     * What Flink leaves in the JVM's temp folder, wherever its own ({@code io.tmp.dirs}) is: its RPC
     * jar, a MiniCluster's folders, the REST server's upload folder.
     */
    static Set<Path> flinkLeftovers() {
        Set<Path> found = new HashSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(
                Path.of(System.getProperty("java.io.tmpdir")),
                "{flink-rpc-akka*.jar,minicluster_*,flink-web-upload}")) {
            entries.forEach(found::add);
        } catch (IOException e) {
            // an unreadable temp folder holds nothing of ours to clean
        }
        return found;
    }

    /** Deletes what Flink left in the temp folder since {@code before} was taken: a run's own leftovers. */
    static void deleteNewLeftovers(Set<Path> before) {
        Set<Path> after = flinkLeftovers();
        after.removeAll(before);
        after.forEach(FlinkRunner::delete);
    }

    /**
     * Deletes a file or a folder with what it holds. Flink's own shutdown hooks may be deleting the
     * same folders at the same time, so what vanishes while we walk is skipped, not an error.
     */
    static void delete(Path path) {
        try {
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // best effort: a leftover is not a failure of the job
        }
    }
}
