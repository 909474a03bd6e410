package io.mimo.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink standalone session cluster of two JVMs, a JobManager and a TaskManager, started as Flink's
 * {@code jobmanager.sh} and {@code taskmanager.sh} start them, but from the jars a user's pom marks
 * {@code provided} (no Flink distribution here): the entry points' classes, a {@code FLINK_CONF_DIR} holding a
 * {@code config.yaml}, and the JVM options of the distribution's own {@code config.yaml}. {@link #flinkRun} is
 * {@code bin/flink run}; {@link #java} runs a program that submits jobs itself. {@link #close} stops both JVMs, whose shutdown hooks delete their temporary files, all
 * kept in one folder, {@link #temporaryFiles()}.
 */
final class FlinkCluster implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Pattern SLOTS = Pattern.compile("\"slots-available\":(\\d+)");

    /**
     * {@code env.java.opts.all} of Flink 2.3's distribution config.yaml, which its scripts pass to every Flink JVM:
     * on JDK 17+ Flink reflects into these packages (the client, for one, fails to start a DataStream job without
     * {@code java.util} open).
     */
    private static final List<String> DISTRIBUTION_OPTIONS = List.of(
            "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
            "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
            "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED",
            "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

    private final Path dir;
    private final Path conf;
    private final Path tmp;
    private final String flinkClasspath;
    private final int restPort;
    private final List<Tools.Started> processes = new ArrayList<>();

    /**
     * Stops the cluster if the test JVM ends first (Ctrl-C, a fork time-out): its JVMs never end on their own, and
     * no test may leave a process behind.
     */
    private final Thread stopOnExit = new Thread(this::stop, "stops the Flink cluster");

    /**
     * Starts the cluster in {@code dir} (its configuration, logs and temporary files), on {@code flinkClasspath},
     * plus {@code logBinding} for the cluster's logs (a distribution's lib/ holds one), and waits until its
     * TaskManager offers its slots.
     */
    FlinkCluster(Path dir, String flinkClasspath, String logBinding) {
        this.dir = dir;
        this.conf = dir.resolve("conf");
        this.tmp = dir.resolve("tmp");
        this.flinkClasspath = flinkClasspath;
        this.restPort = freePort();
        // a TaskManager's memory, each part set: its script computes them (BashJavaUtils) when only a total is
        // given; the JVM's -Xmx and direct memory below are their sums. Flink's defaults but for smaller heaps: the
        // framework's off-heap memory holds the batch shuffle's 64 MiB read buffers
        Tools.write(
                conf.resolve("config.yaml"), """
                env.java.opts.all: %s
                jobmanager.rpc.address: localhost
                jobmanager.rpc.port: %d
                jobmanager.bind-host: localhost
                rest.address: localhost
                rest.bind-address: localhost
                rest.port: %d
                taskmanager.host: localhost
                taskmanager.bind-host: localhost
                taskmanager.numberOfTaskSlots: 2
                taskmanager.cpu.cores: 2
                taskmanager.memory.framework.heap.size: 64m
                taskmanager.memory.task.heap.size: 192m
                taskmanager.memory.managed.size: 64m
                taskmanager.memory.framework.off-heap.size: 128m
                taskmanager.memory.task.off-heap.size: 0m
                taskmanager.memory.network.min: 64m
                taskmanager.memory.network.max: 64m
                taskmanager.memory.jvm-metaspace.size: 192m
                taskmanager.memory.jvm-overhead.min: 64m
                taskmanager.memory.jvm-overhead.max: 64m
                io.tmp.dirs: %s
                """.formatted(String.join(" ", javaOptions()), freePort(), restPort, tmp));
        Tools.emptyDirectory(tmp);
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        try {
            String classpath = flinkClasspath + File.pathSeparator + logBinding;
            processes.add(start(
                    classpath,
                    List.of("-Xmx256m"),
                    "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint"));
            processes.add(start(
                    classpath,
                    List.of("-Xmx256m", "-XX:MaxDirectMemorySize=192m", "-XX:MaxMetaspaceSize=192m"),
                    "org.apache.flink.runtime.taskexecutor.TaskManagerRunner"));
            awaitSlots();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    /** The folder the cluster's JVMs (and the client's) keep their temporary files in. */
    Path temporaryFiles() {
        return tmp;
    }

    /** The port of the JobManager's REST endpoint, where clients submit jobs. */
    int restPort() {
        return restPort;
    }

    /** {@code flink run ARGUMENTS}: the client, on Flink's class path, with this cluster's configuration. */
    Tools.Result flinkRun(Duration timeout, List<String> arguments) {
        List<String> run = new ArrayList<>(List.of("run"));
        run.addAll(arguments);
        return java(timeout, "", "org.apache.flink.client.cli.CliFrontend", run);
    }

    /**
     * {@code java -cp CLASSPATH:FLINK MAIN ARGUMENTS}, with the options of a Flink JVM and this cluster's
     * configuration in {@code FLINK_CONF_DIR}: a program of the user's that submits jobs itself.
     */
    Tools.Result java(Duration timeout, String classpath, String mainClass, List<String> arguments) {
        List<String> command = new ArrayList<>(java(
                classpath.isEmpty() ? flinkClasspath : classpath + File.pathSeparator + flinkClasspath, List.of()));
        command.add(mainClass);
        command.addAll(arguments);
        return Tools.run(dir, timeout, Map.of("FLINK_CONF_DIR", conf.toString()), command);
    }

    /** Stops the TaskManager, then the JobManager. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(stopOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting already: the hook runs stop() again, which finds nothing left to stop
        }
    }

    private void stop() {
        for (Tools.Started process : processes.reversed()) {
            process.stop(STOP_GRACE);
        }
    }

    /** The JVM options of every Flink JVM: the distribution's, and on JDK 24+ what silences its warnings. */
    static List<String> javaOptions() {
        List<String> options = new ArrayList<>(DISTRIBUTION_OPTIONS);
        options.add("--enable-native-access=ALL-UNNAMED");
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    private List<String> java(String classpath, List<String> memory) {
        List<String> command = new ArrayList<>();
        command.add(Tools.jdkTool("java").toString());
        command.addAll(memory);
        command.addAll(javaOptions());
        command.add("-Djava.io.tmpdir=" + tmp);
        command.add("-cp");
        command.add(classpath);
        return command;
    }

    private Tools.Started start(String classpath, List<String> memory, String mainClass) {
        List<String> command = java(classpath, memory);
        command.add(mainClass);
        command.add("--configDir");
        command.add(conf.toString());
        return Tools.start(dir, Map.of("FLINK_CONF_DIR", conf.toString()), command);
    }

    /** Waits until the REST endpoint reports a TaskManager with a free slot; fails if a JVM dies first. */
    private void awaitSlots() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest overview = HttpRequest.newBuilder(URI.create("http://localhost:" + restPort + "/overview"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        try (http) {
            while (Instant.now().isBefore(deadline)) {
                for (Tools.Started process : processes) {
                    if (!process.process().isAlive()) {
                        fail("the Flink JVM " + process.command().getLast() + " exited ("
                                + process.process().exitValue() + ") while the cluster started\n--- its output:\n"
                                + process.output());
                    }
                }
                try {
                    Matcher slots = SLOTS.matcher(http.send(overview, HttpResponse.BodyHandlers.ofString())
                            .body());
                    if (slots.find() && Integer.parseInt(slots.group(1)) > 0) {
                        return;
                    }
                } catch (IOException e) {
                    // the REST endpoint is not up yet
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the Flink cluster started", e);
        }
        fail("the Flink cluster offered no slot within " + START_TIMEOUT + "\n--- the JobManager's output:\n"
                + processes.get(0).output() + "\n--- the TaskManager's output:\n"
                + processes.get(1).output());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for the Flink cluster", e);
        }
    }
}
