package io.mimo.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --runner}: which runner runs a sample. */
@Timeout(60)
class SamplesRunnerOptionTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            return Samples.run(List.of(args), o, e);
        }
    }

    @Test
    void runnerFlinkRunsTheSampleOnALocalMiniCluster() {
        assertEquals(0, run("linear", "--runner", "flink"));
        String printed = out.toString(StandardCharsets.UTF_8);
        String graphEnd = "range.entity  -> print.value  256 items\n"; // the workflow's listing comes first
        assertEquals(
                "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n", printed.substring(printed.indexOf(graphEnd) + graphEnd.length()));
    }

    @Test
    void anUnknownRunnerIsRefusedNamingTheChoices() {
        assertEquals(2, run("linear", "--runner", "spark"));
        assertEquals("--runner takes local or flink, not 'spark'\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aRunnerOptionWithNoValueSaysSoAsTheGraphOptionDoes() {
        assertEquals(2, run("linear", "--runner"));
        assertEquals("--runner takes local or flink, not nothing\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void runnerFlinkRunsTheJoin(@TempDir Path dir) throws IOException {
        Path left = Files.writeString(dir.resolve("left.csv"), "id,a\n1,x\n2,y\n");
        Path right = Files.writeString(dir.resolve("right.csv"), "id,b\n2,z\n3,w\n");
        Path joined = dir.resolve("out");
        assertEquals(
                0,
                run(
                        "join",
                        left.toString(),
                        right.toString(),
                        "--key",
                        "id",
                        "--out",
                        joined.toString(),
                        "--runner",
                        "flink"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals("id,a,b\n2,y,z\n", Files.readString(joined.resolve("matched.csv")));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("per stream:"), out.toString(StandardCharsets.UTF_8));
    }
}
