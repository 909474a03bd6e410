package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.Workflow;
import io.mimo.samples.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class PartitionedJoinTest {
    private static final List<String> OUTPUTS =
            List.of("matched.csv", "left-only.csv", "right-only.csv", "rejected.csv");

    @TempDir
    Path dir;

    /** Joins with {@code args} and {@code --partitions} each of {@code partitions}; asserts every run writes and prints what the first did. */
    private void sameFilesWhateverThePartitions(List<String> args, int... partitions) throws IOException {
        Path first = null;
        String firstSummary = null;
        for (int n : partitions) {
            Path out = dir.resolve("out-" + n);
            var printed = new ByteArrayOutputStream();
            var err = new ByteArrayOutputStream();
            int status;
            try (var o = new PrintStream(printed, true, StandardCharsets.UTF_8);
                    var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                List<String> all = Stream.concat(
                                args.stream(), Stream.of("--out", out.toString(), "--partitions", "" + n, "--quiet"))
                        .toList();
                status = run(all, o, e);
            }
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            String summary = printed.toString(StandardCharsets.UTF_8).replace(out.toString(), "OUT");
            if (first == null) {
                first = out;
                firstSummary = summary;
                continue;
            }
            assertEquals(firstSummary, summary, n + " partitions");
            for (String name : OUTPUTS) {
                assertArrayEquals(
                        Files.readAllBytes(first.resolve(name)),
                        Files.readAllBytes(out.resolve(name)),
                        name + " in " + n + " partitions");
            }
        }
    }

    /** Runs the join here on the command line {@code args}; returns its exit status. */
    private static int run(List<String> args, PrintStream out, PrintStream err) {
        return CsvJoin.run(Samples.Look.parse(args), out, err, (options, printTo) -> {
            throw new AssertionError("--runner flink was not asked for");
        });
    }

    private String file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8)
                .toString();
    }

    @Test
    void theEmbeddedDataGivesTheSameFilesInOneTwoOrThreePartitions() throws IOException {
        String customers = copy("customers.csv");
        String orders = copy("orders.csv");
        sameFilesWhateverThePartitions(List.of(customers, orders, "--key", "customer_id"), 1, 2, 3);
    }

    @Test
    void quotingManyToManyKeysNonAsciiKeysAndRejectedRowsGiveTheSameFilesInPartitions() throws IOException {
        String left = file("left.csv", JoinCases.LEFT);
        String right = file("right.csv", JoinCases.RIGHT);
        sameFilesWhateverThePartitions(List.of(left, right, "--key", "id"), 1, 2, 4);
    }

    @Test
    void manyKeysAndRecordsLargerThanABatchGiveTheSameFilesInPartitions() throws IOException {
        StringBuilder left = new StringBuilder("k,v\n");
        StringBuilder right = new StringBuilder("k,w\n");
        String big = "x".repeat(100_000); // more than a batch's bytes: the split makes a batch to fit it
        for (int i = 0; i < 20_000; i++) {
            String key = String.format("%06d", i);
            if (i % 3 != 0) {
                left.append(key)
                        .append(",l")
                        .append(i)
                        .append(i == 7_001 ? big : "")
                        .append('\n');
            }
            for (int copy = 0; copy < i % 4; copy++) {
                right.append(key)
                        .append(",r")
                        .append(copy)
                        .append(i == 7_002 ? big : "")
                        .append('\n');
            }
        }
        sameFilesWhateverThePartitions(
                List.of(file("left.csv", left.toString()), file("right.csv", right.toString()), "--key", "k"), 1, 2, 3);
        assertTrue(Files.size(dir.resolve("out-2").resolve("matched.csv")) > 100_000);
    }

    @Test
    void aPartitionedJoinDrawsItsPartitionsAndMerges() {
        Workflow wf = CsvJoin.workflow(CsvJoin.embedded("unused").withPartitions(2), System.out);
        String names = wf.graph().steps().stream().map(s -> s.name()).toList().toString();
        for (String step : List.of(
                "partition customers",
                "partition orders",
                "merge-join 1 of 2",
                "merge-join 2 of 2",
                "merge matched",
                "merge left-only",
                "merge right-only")) {
            assertTrue(names.contains(step), names);
        }
    }

    @Test
    void aPartitionCountBelowOneOrAbove64IsRefused() {
        assertRefused("0", "--partitions takes a positive whole number, not '0'");
        assertRefused("65", "--partitions takes 1 to 64, not 65");
        assertThrows(IllegalArgumentException.class, () -> CsvJoin.embedded("x").withPartitions(0));
    }

    /** Asserts that {@code --partitions count} ends the join with status 2, saying {@code message}. */
    private static void assertRefused(String count, String message) {
        var err = new ByteArrayOutputStream();
        try (var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            assertEquals(
                    2,
                    run(List.of("a.csv", "b.csv", "--key", "k", "--out", "x", "--partitions", count), System.out, e));
        }
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(message), err.toString(StandardCharsets.UTF_8));
    }

    private String copy(String resource) throws IOException {
        try (var in = CsvJoin.class.getResourceAsStream(resource)) {
            assertTrue(in != null, resource);
            Path to = dir.resolve(resource);
            Files.copy(in, to);
            return to.toString();
        }
    }
}
