package io.mimo.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mimo.flink.LocalCluster;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each wiring sample prints the same lines on Flink as locally; one MiniCluster serves them all. */
class WiringSamplesOnFlinkTest {
    /** Started once for the class; closed after its last test (which deletes its temporary files). */
    @AutoClose
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster(2);
    }

    /**
     * The lines by printer (what follows the number: " is even", " (first)", ""), each printer's in
     * the order it printed them. Printers run as tasks of their own on Flink, so only the
     * interleaving of their lines may differ.
     */
    private static Map<String, List<String>> byPrinter(ByteArrayOutputStream printed) {
        return Arrays.stream(printed.toString(StandardCharsets.UTF_8).split("\n"))
                .collect(Collectors.groupingBy(
                        line -> line.replaceFirst("^-?\\d+", ""), TreeMap::new, Collectors.toList()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"linear", "fork", "split", "zip"})
    void aWiringSamplePrintsTheSameLinesOnFlinkAsLocally(String sample) {
        var local = new ByteArrayOutputStream();
        try (var out = new PrintStream(local, true, StandardCharsets.UTF_8)) {
            Samples.WIRING.get(sample).apply(out).run();
        }
        var flink = new ByteArrayOutputStream();
        try (var out = new PrintStream(flink, true, StandardCharsets.UTF_8)) {
            FlinkSamples.run(sample, out, cluster.configuration());
        }
        assertEquals(byPrinter(local), byPrinter(flink));
    }
}
