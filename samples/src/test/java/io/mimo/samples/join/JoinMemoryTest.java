package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The join holds only the rows of the current key: files far larger than the heap go through. */
class JoinMemoryTest {
    private static final int ROWS = 400_000;

    @TempDir
    Path dir;

    private Path write(String name, String header, String rowFormat) throws IOException {
        Path file = dir.resolve(name);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            for (int i = 0; i < ROWS; i++) {
                out.write(String.format(rowFormat, i, i % 97));
            }
        }
        return file;
    }

    /**
     * Runs {@code samples/run join ARGS} in a JVM of its own with {@code jvmOptions} (its class path
     * among them); returns what it printed once it ended with status 0.
     */
    static String joinInAJvm(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("io.mimo.samples.Samples", "join"));
        command.addAll(List.of(args));
        Process join = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(join.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(join.waitFor(100, TimeUnit.SECONDS), output);
        assertEquals(0, join.exitValue(), output);
        return output;
    }

    @Test
    @Timeout(120)
    void filesLargerThanTheHeapJoinInBoundedMemory() throws Exception {
        Path left = write("left.csv", "id,name,note\n", "K%08d,\"name, %2$d\",some text to make the row longer\n");
        Path right = write("right.csv", "id,amount\n", "K%08d,%2$d.50\n");
        assertTrue(Files.size(left) + Files.size(right) > 24L << 20, "the inputs must outweigh the heap");

        String output = joinInAJvm(
                List.of("-Xmx24m", "-cp", System.getProperty("java.class.path")),
                left.toString(),
                right.toString(),
                "--key",
                "id",
                "--out",
                dir.resolve("out").toString());
        assertTrue(output.contains("matched            " + ROWS), output);
        List<String> head = Files.readAllLines(dir.resolve("out/matched.csv")).subList(0, 2);
        assertEquals(
                List.of("id,name,note,amount", "K00000000,\"name, 0\",some text to make the row longer,0.50"), head);
    }
}
