package io.mimo.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mimo.runtime.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class WiringSamplesTest {

    private static List<String> linesOf(Function<PrintStream, Workflow> sample) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            sample.apply(out).run();
        }
        return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\n"));
    }

    private static List<String> withSuffix(List<String> lines, String suffix) {
        return lines.stream().filter(l -> l.endsWith(suffix)).toList();
    }

    @Test
    void linearPrintsTheRangeInOrder() {
        assertEquals(IntStream.range(0, 10).mapToObj(Integer::toString).toList(), linesOf(WiringSamples::linear));
    }

    @Test
    void forkSendsEvensAndOddsToTheirOwnPrinterInOrder() {
        List<String> lines = linesOf(WiringSamples::fork);
        assertEquals(10, lines.size());
        assertEquals(
                List.of("0 is even", "2 is even", "4 is even", "6 is even", "8 is even"),
                withSuffix(lines, " is even"));
        assertEquals(List.of("1 is odd", "3 is odd", "5 is odd", "7 is odd", "9 is odd"), withSuffix(lines, " is odd"));
    }

    @Test
    void splitGivesEveryItemToBothReaders() {
        List<String> lines = linesOf(WiringSamples::split);
        assertEquals(10, lines.size());
        assertEquals(
                List.of("0 (first)", "1 (first)", "2 (first)", "3 (first)", "4 (first)"),
                withSuffix(lines, " (first)"));
        assertEquals(
                List.of("0 (second)", "1 (second)", "2 (second)", "3 (second)", "4 (second)"),
                withSuffix(lines, " (second)"));
    }

    @Test
    void zipMultipliesTheTwoRangesPairwise() {
        assertEquals(List.of("0", "11", "24", "39", "56"), linesOf(WiringSamples::zip));
    }
}
