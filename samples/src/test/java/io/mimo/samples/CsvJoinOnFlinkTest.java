package io.mimo.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.flink.LocalCluster;
import io.mimo.samples.join.CsvJoin;
import io.mimo.samples.join.JoinCases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CSV join writes byte-identical files, and prints the same report, on Flink as locally. */
@Timeout(120)
class CsvJoinOnFlinkTest {
    private static final List<String> OUTPUTS =
            List.of("matched.csv", "left-only.csv", "right-only.csv", "rejected.csv");

    /** Started once for the class; closed after its last test (which deletes its temporary files). */
    @AutoClose
    private static LocalCluster cluster;

    @TempDir
    Path dir;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster(2);
    }

    /** What a run printed, with its output folder written as OUT so that two runs compare. */
    private static String printed(Path out, Consumer<PrintStream> run) {
        var printed = new ByteArrayOutputStream();
        try (var o = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            run.accept(o);
        }
        return printed.toString(StandardCharsets.UTF_8).replace(out.toString(), "OUT");
    }

    /** Runs the join on the command line {@code args} (its files, then {@code --out} is added) locally and on Flink. */
    private void joinBothWays(String... args) throws IOException {
        Path local = dir.resolve("local");
        Path flink = dir.resolve("flink");
        var err = new ByteArrayOutputStream();
        String localSummary = printed(local, out -> {
            try (var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                assertEquals(0, join(withOut(args, local), out, e), err.toString(StandardCharsets.UTF_8));
            }
        });
        String flinkSummary = printed(flink, out -> {
            try (var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                List<String> onFlink = Stream.concat(withOut(args, flink).stream(), Stream.of("--runner", "flink"))
                        .toList();
                int status = join(onFlink, out, e);
                assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            }
        });
        assertEquals(localSummary, flinkSummary);
        assertSameFiles(local, flink);
    }

    /** Runs the join's command line {@code args} as {@code samples/run join} does, on this class's cluster for Flink. */
    private static int join(List<String> args, PrintStream out, PrintStream err) {
        return CsvJoin.run(
                Samples.Look.parse(args),
                out,
                err,
                (options, printTo) -> FlinkSamples.join(options, printTo, cluster.configuration()));
    }

    private static List<String> withOut(String[] args, Path out) {
        return Stream.concat(Stream.of(args), Stream.of("--out", out.toString()))
                .toList();
    }

    private static void assertSameFiles(Path local, Path flink) throws IOException {
        for (String name : OUTPUTS) {
            assertArrayEquals(Files.readAllBytes(local.resolve(name)), Files.readAllBytes(flink.resolve(name)), name);
        }
        try (Stream<Path> left = Files.list(flink)) {
            assertEquals(
                    OUTPUTS.stream().sorted().toList(),
                    left.map(p -> p.getFileName().toString()).sorted().toList(),
                    "the output folder holds the four files and nothing else");
        }
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    void theEmbeddedDataGivesTheSameFilesAndReportOnFlink() throws IOException {
        Path local = dir.resolve("local");
        Path flink = dir.resolve("flink");
        String localSummary = printed(
                local,
                out -> CsvJoin.workflow(CsvJoin.embedded(local.toString()), out).run());
        String flinkSummary = printed(
                flink, out -> FlinkSamples.join(CsvJoin.embedded(flink.toString()), out, cluster.configuration()));
        assertTrue(localSummary.contains("parse customers: rows                          2727"), localSummary);
        assertEquals(localSummary, flinkSummary);
        assertSameFiles(local, flink);
    }

    @Test
    void quotingManyToManyKeysAndRejectedRowsOfBothFilesGiveTheSameFilesOnFlink() throws IOException {
        Path left = file("left.csv", JoinCases.LEFT);
        Path right = file("right.csv", JoinCases.RIGHT);
        joinBothWays(left.toString(), right.toString(), "--key", "id");
        Path rejected = dir.resolve("local").resolve("rejected.csv");
        List<String> files = Files.readAllLines(rejected).stream()
                .skip(1)
                .map(line -> line.substring(0, line.indexOf(',')))
                .toList();
        assertEquals(
                List.of(left.toString(), left.toString(), right.toString(), right.toString()),
                files,
                "the left file's rejected rows come first, then the right's");
    }

    @Test
    void aJoinInTwoPartitionsGivesTheSameFilesOnFlink() throws IOException {
        joinBothWays(
                file("left.csv", JoinCases.LEFT).toString(),
                file("right.csv", JoinCases.RIGHT).toString(),
                "--key",
                "id",
                "--partitions",
                "2");
    }

    @Test
    void moreRejectedRowsThanAPipeHoldsOnBothSidesGiveTheSameFilesOnFlink() throws IOException {
        StringBuilder left = new StringBuilder("k,v\n");
        StringBuilder right = new StringBuilder("k,w\n");
        for (int i = 0; i < 5_000; i++) {
            String key = String.format("%06d", i);
            left.append(key).append(",l").append(i).append(i % 2 == 0 ? "\n" : ",extra\n");
            right.append(key).append(",r").append(i).append(i % 3 == 0 ? ",extra\n" : "\n");
        }
        joinBothWays(
                file("left.csv", left.toString()).toString(),
                file("right.csv", right.toString()).toString(),
                "--key",
                "k");
        assertEquals(
                1 + 2_500 + 1_667,
                Files.readAllLines(dir.resolve("local").resolve("rejected.csv")).size());
    }

    @Test
    void aJoinThatFailsOnFlinkLeavesNothingOfItsSpoolBehind() throws IOException {
        // the left file is out of order at its very end, so its parser fails long after the
        // right file's rejected rows have reached the spool
        StringBuilder left = new StringBuilder("k,v\n");
        for (int i = 0; i < 200_000; i++) {
            left.append(String.format("%07d", i)).append(",l\n");
        }
        left.append("0000000,last\n");
        Path right = file("right.csv", "k,w\n0000001,a\n0000002,b,c\n0000003,\"x\"y\n");
        Path out = dir.resolve("out");
        var err = new ByteArrayOutputStream();
        try (var o = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            int status = join(
                    List.of(
                            file("left.csv", left.toString()).toString(),
                            right.toString(),
                            "--key",
                            "k",
                            "--out",
                            out.toString(),
                            "--runner",
                            "flink"),
                    o,
                    e);
            assertEquals(1, status, err.toString(StandardCharsets.UTF_8));
        }
        assertTrue(
                err.toString(StandardCharsets.UTF_8).contains("line 200002: key '0000000' comes after '0199999'"),
                err.toString(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertFalse(names.contains("rejected.csv.right"), names.toString());
        }
    }
}
