package io.mimo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * What the integration tests run, found the way the build finds it: the JDK tools from the JDK this test JVM
 * runs on (the one the toolchain selected), {@code mvn} from the Maven running the build; and the paths the
 * pom hands over as system properties.
 */
final class Tools {
    private static final boolean WINDOWS = System.getProperty("os.name").startsWith("Windows");
    private static final AtomicInteger COMMANDS = new AtomicInteger();

    private Tools() {}

    /** A system property the pom sets (failsafe's systemPropertyVariables). */
    static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException("system property " + name + " is not set (it is '" + value
                    + "'): run these tests through Maven, mvn verify");
        }
        return value;
    }

    static Path pathProperty(String name) {
        return Path.of(property(name));
    }

    /** A tool of the JDK this JVM runs on: javac, jar, jlink, java. */
    static Path jdkTool(String name) {
        if (Runtime.version().feature() < 21) {
            fail("the test JVM is Java " + Runtime.version() + "; it should be the toolchain's JDK 21+");
        }
        Path tool = Path.of(System.getProperty("java.home"), "bin", WINDOWS ? name + ".exe" : name);
        if (!Files.isExecutable(tool)) {
            fail("no " + tool + ": the test JVM should be a full JDK (the toolchain's), not a runtime image");
        }
        return tool;
    }

    /** The mvn of the Maven running this build (maven.home), else MAVEN_HOME's, else the one on the PATH. */
    static String mvn() {
        String script = WINDOWS ? "mvn.cmd" : "mvn";
        for (String home : new String[] {System.getProperty("maven.home"), System.getenv("MAVEN_HOME")}) {
            if (home != null && !home.isBlank() && !home.contains("${")) {
                Path candidate = Path.of(home, "bin", script);
                if (Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return script;
    }

    /** An empty directory at {@code dir}, whatever was there. */
    static Path emptyDirectory(Path dir) {
        try {
            if (Files.exists(dir)) {
                try (Stream<Path> all = Files.walk(dir)) {
                    for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a command printed (stdout and stderr, merged) and how it exited. */
    record Result(List<String> command, int exitCode, String output) {
        /** This result, after checking that the command succeeded. */
        Result succeeded() {
            assertEquals(
                    0,
                    exitCode,
                    () -> "failed (exit " + exitCode + "): " + String.join(" ", command) + "\n--- its output:\n"
                            + output);
            return this;
        }
    }

    /**
     * A command started by {@link #start}: its process, and the log file in its folder that holds its output
     * (stdout and stderr, merged; no pipe to drain).
     */
    record Started(List<String> command, Process process, Path log) {
        /** What the command has printed so far. */
        String output() {
            return read(log);
        }

        /**
         * Ends the command if it still runs: asks it to stop (SIGTERM, so that a JVM runs its shutdown hooks, which
         * delete its temporary files), waits at most {@code grace}, then kills it and everything it started.
         */
        void stop(Duration grace) {
            try {
                if (process.isAlive()) {
                    process.destroy();
                    process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                kill();
            }
        }

        /** Kills the command and what it started, if they still run. */
        void kill() {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        }
    }

    /**
     * Starts {@code command} in {@code dir}, its output going to a log file in {@code dir}, {@code NN-tool.log};
     * {@code environment} adds variables, or removes those it maps to {@code null}. The caller stops it.
     */
    static Started start(Path dir, Map<String, String> environment, List<String> command) {
        String tool = Path.of(command.get(0)).getFileName().toString().replaceFirst("\\.(exe|cmd)$", "");
        Path log = dir.resolve(String.format("%02d-%s.log", COMMANDS.incrementAndGet(), tool));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            return new Started(List.copyOf(command), builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    /**
     * Runs {@code command} in {@code dir} (as {@link #start} does) and waits for it, at most {@code timeout}. On
     * time-out, or if the wait is interrupted, the command and everything it started are killed, so that no process
     * outlives the test.
     */
    static Result run(Path dir, Duration timeout, Map<String, String> environment, List<String> command) {
        Started started = start(dir, environment, command);
        try {
            if (!started.process().waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("timed out after " + timeout + ": " + String.join(" ", command) + "\n--- its output:\n"
                        + started.output());
            }
            return new Result(started.command(), started.process().exitValue(), started.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting for " + command, e);
        } finally {
            started.kill();
        }
    }

    static Result run(Path dir, Duration timeout, List<String> command) {
        return run(dir, timeout, Map.of(), command);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
