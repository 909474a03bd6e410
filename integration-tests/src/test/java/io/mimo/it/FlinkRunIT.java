package io.mimo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The README's "Packaging" works as written, on a Flink cluster of its own JVMs: a project whose pom is the
 * snippets of "In your project" and of "Running on a cluster" builds (with {@link NestedMaven}) one shaded jar
 * without Flink; a standalone session cluster (a JobManager JVM and a TaskManager JVM, {@link FlinkCluster}) runs
 * on the jars the pom marks {@code provided}; {@code flink run -c com.example.MyJob} submits the jar, whose classes
 * reach the TaskManager through Flink's user-code class loader. The job has a byte port, an element step, a
 * process step of two inputs, and items of a class of its own crossing a Flink edge; its failing variant must fail
 * {@code flink run} with the failing stream's name. The same jar also runs as a plain java program that submits the
 * job with a {@code remote} configuration. The cluster is stopped after the tests and must have deleted its
 * temporary files.
 */
class FlinkRunIT {
    /** Marks each fenced pom snippet of the README's "Running on a cluster" that this test uses. */
    static final String MARKER = "<!-- pom snippet: integration-tests/src/test/java/io/mimo/it/FlinkRunIT.java"
            + " builds a project from these and the ones of In your project -->";

    private static final String SECTION = "## Running on a cluster";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    /** What the job writes. */
    private static final String SQUARES = """
            the body's context class loader loads the job's classes: true
            1+1 (1 squared)
            2+4 (2 squared)
            3+9 (3 squared)
            4+16 (4 squared)
            5+25 (5 squared)
            """;

    private static Path project;
    private static Path jar;
    private static FlinkCluster cluster;

    @BeforeAll
    static void buildTheJobAndStartACluster() throws Exception {
        project = Tools.emptyDirectory(Tools.pathProperty("mimo.work").resolve("flink-run"));
        List<String> snippets = new ArrayList<>(ReadmeProjectIT.snippets());
        snippets.addAll(ReadmePom.snippets(
                Tools.read(Tools.pathProperty("mimo.readme")), SECTION, MARKER, 2, "dependencies, build"));
        Document pom = ReadmePom.pom("my-job", snippets);
        ReadmeProjectIT.checkVersions(pom);
        for (String flink : List.of("flink-streaming-java", "flink-clients")) {
            assertEquals(
                    Tools.property("mimo.flinkVersion"),
                    ReadmePom.text(ReadmePom.dependency(pom, "dependencies", flink), "version"),
                    "the README's " + flink + " version should be the Flink mimo-flink runs on");
        }
        assertEquals(
                Tools.property("mimo.shadePluginVersion"),
                ReadmePom.text(ReadmePom.plugin(pom, "maven-shade-plugin"), "version"),
                "the README's maven-shade-plugin version should be the build's");
        ReadmePom.pinScaffoldingPlugins(pom);
        Tools.write(project.resolve("pom.xml"), ReadmePom.serialize(pom));
        writeJob(project.resolve("src/main/java/com/example/MyJob.java"));
        Tools.write(project.resolve("src/main/java/com/example/RemoteJob.java"), """
                package com.example;

                import io.mimo.flink.FlinkRunner;
                import java.util.List;
                import org.apache.flink.configuration.Configuration;
                import org.apache.flink.configuration.DeploymentOptions;
                import org.apache.flink.configuration.PipelineOptions;
                import org.apache.flink.configuration.RestOptions;

                /** MyJob submitted by a plain java program: RemoteJob OUT JAR_URL REST_PORT. */
                public final class RemoteJob {
                    private RemoteJob() {}

                    public static void main(String[] args) {
                        String out = args[0];
                        Configuration cluster = new Configuration();
                        cluster.set(DeploymentOptions.TARGET, "remote");
                        cluster.set(RestOptions.ADDRESS, "localhost");
                        cluster.set(RestOptions.PORT, Integer.parseInt(args[2]));
                        cluster.set(PipelineOptions.JARS, List.of(args[1]));
                        FlinkRunner.run(() -> MyJob.workflow(out, -1), cluster);
                        System.out.println("my-job finished");
                    }
                }
                """);

        // the provided dependencies are what the cluster has: its class path
        NestedMaven.run(
                        project,
                        List.of(
                                "-Dmdep.outputFile=target/flink-classpath.txt",
                                "-DincludeScope=provided",
                                "package",
                                "org.apache.maven.plugins:maven-dependency-plugin:build-classpath"))
                .succeeded();
        jar = project.resolve("target/my-job-1.0.jar");
        List<String> entries;
        try (JarFile file = new JarFile(jar.toFile())) {
            entries = file.stream().map(e -> e.getName()).toList();
        }
        for (String needed : List.of(
                "com/example/MyJob.class", "io/mimo/flink/FlinkRunner.class", "io/mimo/runtime/Workflow.class")) {
            assertTrue(entries.contains(needed), () -> jar + " should hold " + needed + ": it has " + entries);
        }
        assertEquals(
                List.of(),
                entries.stream().filter(e -> e.startsWith("org/apache/flink/")).toList(),
                "the shaded jar should leave Flink out: the cluster has it");

        String flinkClasspath =
                Tools.read(project.resolve("target/flink-classpath.txt")).strip();
        cluster = new FlinkCluster(project.resolve("cluster"), flinkClasspath, Tools.property("mimo.slf4jSimpleJar"));
    }

    @AfterAll
    static void stopTheCluster() throws IOException {
        if (cluster == null) {
            return;
        }
        cluster.close();
        try (Stream<Path> left = Files.list(cluster.temporaryFiles())) {
            assertEquals(List.of(), left.toList(), "the stopped cluster's JVMs should have deleted their files");
        }
    }

    @Test
    void flinkRunRunsTheShadedJobOnTheCluster() {
        Path out = project.resolve("squares.txt");
        Tools.Result run = cluster.flinkRun(
                        RUN_TIMEOUT, List.of("-c", "com.example.MyJob", jar.toString(), out.toString()))
                .succeeded();
        assertTrue(run.output().contains("Job has been submitted with JobID "), run::output);
        assertTrue(run.output().contains("my-job finished\n"), run::output);
        assertEquals(SQUARES, Tools.read(out));
    }

    @Test
    void aFailingStreamFailsFlinkRunWithTheStreamsName() {
        Path out = project.resolve("failed.txt");
        Tools.Result run =
                cluster.flinkRun(RUN_TIMEOUT, List.of("-c", "com.example.MyJob", jar.toString(), out.toString(), "3"));
        assertNotEquals(0, run.exitCode(), run::output);
        assertTrue(
                run.output()
                        .contains("Caused by: io.mimo.runtime.WorkflowException: stream 'square' failed: no square"
                                + " for 3\n"),
                run::output);
        assertFalse(run.output().contains("my-job finished"), run::output);
        assertFalse(Files.exists(out), "the failed job wrote " + out);
    }

    @Test
    void aProgramOfItsOwnSubmitsTheJobWithARemoteConfiguration() {
        Path out = project.resolve("remote.txt");
        Tools.Result run = cluster.java(
                        RUN_TIMEOUT,
                        jar.toString(),
                        "com.example.RemoteJob",
                        List.of(out.toString(), jar.toUri().toString(), Integer.toString(cluster.restPort())))
                .succeeded();
        assertTrue(run.output().contains("my-job finished\n"), run::output);
        assertEquals(SQUARES, Tools.read(out));
    }

    /**
     * The job: a byte port, an element step whose items are a record of the job's, a process step of two inputs
     * (each a Flink network edge), a sink writing a file.
     */
    private static void writeJob(Path file) {
        Tools.write(file, """
                package com.example;

                import io.mimo.Stream;
                import io.mimo.flink.FlinkRunner;
                import io.mimo.runtime.ByteInput;
                import io.mimo.runtime.ByteOutput;
                import io.mimo.runtime.Input;
                import io.mimo.runtime.Output;
                import io.mimo.runtime.Workflow;
                import java.io.IOException;
                import java.nio.ByteBuffer;
                import java.nio.charset.StandardCharsets;
                import java.nio.file.Files;
                import java.nio.file.Path;
                import java.util.ArrayList;
                import java.util.List;
                import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

                /** Numbers read from lines of bytes, added to squares; flink run -c com.example.MyJob JAR OUT [FAIL_AT]. */
                public final class MyJob {
                    private MyJob() {}

                    @Stream(out = "text")
                    static void lines(int count, ByteOutput text) {
                        for (int i = 1; i <= count; i++) {
                            text.write(ByteBuffer.wrap(("line " + i + "\\n").getBytes(StandardCharsets.UTF_8)));
                        }
                    }

                    @Stream(in = "text", out = "numbers")
                    static void numbers(ByteInput text, Output<Integer> numbers) {
                        for (ByteBuffer line; (line = text.readLine(100)) != null; ) {
                            numbers.push(Integer.parseInt(StandardCharsets.UTF_8.decode(line).toString().substring(5)));
                        }
                    }

                    @Stream(out = "out")
                    static void range(int start, int stop, Output<Integer> out) {
                        for (int i = start; i < stop; i++) {
                            out.push(i);
                        }
                    }

                    /** A class of the job's own, crossing a Flink edge: the TaskManager loads it from the jar. */
                    record Square(int of, int value) {}

                    @Stream(in = "x", out = "y")
                    static Square square(int failAt, int x) {
                        if (x == failAt) {
                            throw new IllegalArgumentException("no square for " + x);
                        }
                        return new Square(x, x * x);
                    }

                    @Stream(in = {"a", "b"}, out = "sums")
                    static void add(Input<Integer> a, Input<Square> b, Output<String> sums) {
                        while (a.peek() != null && b.peek() != null) {
                            Square square = b.pop();
                            sums.push(a.pop() + "+" + square.value() + " (" + square.of() + " squared)");
                        }
                    }

                    @Stream(in = "lines")
                    static void write(String file, Input<String> lines) throws IOException {
                        List<String> all = new ArrayList<>();
                        // libraries find classes through it (ServiceLoader, Kryo): on a cluster it must see the jar
                        ClassLoader context = Thread.currentThread().getContextClassLoader();
                        boolean loads;
                        try {
                            loads = Class.forName(MyJob.class.getName(), false, context) == MyJob.class;
                        } catch (ClassNotFoundException e) {
                            loads = false;
                        }
                        all.add("the body's context class loader loads the job's classes: " + loads);
                        for (String line : lines) {
                            all.add(line);
                        }
                        Files.write(Path.of(file), all);
                    }

                    static Workflow workflow(String out, int failAt) {
                        Workflow wf = new Workflow("my-job");
                        var lines = wf.add(MyJobStreams.lines(5));
                        var numbers = wf.add(MyJobStreams.numbers());
                        var range = wf.add(MyJobStreams.range(1, 6));
                        var square = wf.add(MyJobStreams.square(failAt));
                        var add = wf.add(MyJobStreams.add());
                        lines.pipe(numbers).pipe(add.a());
                        range.pipe(square).pipe(add.b());
                        add.pipe(wf.add(MyJobStreams.write(out)));
                        return wf;
                    }

                    public static void main(String[] args) {
                        String out = args[0];
                        int failAt = args.length > 1 ? Integer.parseInt(args[1]) : -1;
                        FlinkRunner.run(() -> workflow(out, failAt), StreamExecutionEnvironment.getExecutionEnvironment());
                        System.out.println("my-job finished");
                    }
                }
                """);
    }
}
