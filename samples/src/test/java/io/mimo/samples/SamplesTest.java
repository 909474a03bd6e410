package io.mimo.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.Workflow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code samples/run}'s command line: its shared options {@code --graph dot|mermaid} and {@code --quiet}, its errors. */
@Timeout(60)
class SamplesTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Samples.run(
                List.of(args),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void graphDotPrintsEverySamplesGraphAndRunsNothing() {
        for (String sample : List.of("linear", "fork", "split", "zip")) {
            out.reset();
            assertEquals(0, run(sample, "--graph", "dot"), sample);
            assertTrue(out().startsWith("digraph "), out());
            assertTrue(out().endsWith("}\n"), out());
            assertFalse(out().contains("workflow '"), "the picture of a run is not printed: " + out());
        }
    }

    @Test
    void graphPrintsTheMainJobsGraphAndRunsAndWritesNothingOnEitherRunner() throws Exception {
        Path left = Files.writeString(dir.resolve("a.csv"), "id,x\n1,a\n");
        Path right = Files.writeString(dir.resolve("b.csv"), "id,y\n1,b\n");
        String out = dir.resolve("out").toString();
        assertEquals(0, run("--graph", "mermaid", "--key", "id", "--out", out, left.toString(), right.toString()));
        assertTrue(out().startsWith("flowchart LR"), out());
        assertTrue(out().contains("merge-join"), out());
        assertFalse(out().contains("joining"), "nothing runs: " + out());
        assertFalse(Files.exists(dir.resolve("out")), "printing a graph writes nothing, not even the folder");

        this.out.reset();
        assertEquals(0, run("join", left.toString(), right.toString(), "--key", "id", "--out", out, "--graph", "dot"));
        assertTrue(out().startsWith("digraph \"csv-join\""), out());
        assertFalse(Files.exists(dir.resolve("out")), "printing a graph writes nothing, not even the folder");

        this.out.reset(); // nor does it start Flink: the graph is the local workflow's
        String l = left.toString();
        String r = right.toString();
        assertEquals(0, run("--runner", "flink", "--graph", "dot", "join", l, r, "--key", "id", "--out", out));
        assertTrue(out().startsWith("digraph \"csv-join\""), out());
        assertFalse(out().contains("joining"), "nothing runs: " + out());
        assertFalse(Files.exists(dir.resolve("out")), "printing a graph writes nothing, not even the folder");
    }

    @Test
    void aGraphFormatOtherThanDotOrMermaidIsRefused() {
        assertEquals(2, run("linear", "--graph", "png"));
        assertEquals("--graph takes dot or mermaid, not 'png'\n", err());
        err.reset();
        assertEquals(2, run("join", "--graph"));
        assertEquals("--graph takes dot or mermaid, not nothing\n", err());
    }

    @Test
    void theSharedOptionsAreReadWhereverTheyStandEvenBeforeTheSamplesName() {
        assertEquals(0, run("--quiet", "--runner", "local", "linear"), err());
        assertTrue(out().endsWith("0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n"), out());
        assertEquals("", err());
    }

    @Test
    void aWiringSampleGivenAnArgumentOfItsOwnNamesItAndWhatItTakes() {
        assertEquals(2, run("linear", "--quiet", "--out", "x"));
        assertEquals(
                "linear: unexpected argument '--out'; it takes only --runner local|flink, --quiet and --graph dot|mermaid\n",
                err());
    }

    @Test
    void anUnknownSampleIsNamedWithTheSamplesThereAre() {
        assertEquals(2, run("lineal"));
        assertEquals("unknown sample 'lineal'; the samples are: join, linear, fork, split, zip\n", err());
    }

    @Test
    void theJoinsUsageSaysItTakesTheSharedOptions() {
        assertEquals(2, run("join", "only-one.csv"));
        assertTrue(err().startsWith("join: expected two CSV files, got 1\n"), err());
        assertTrue(err().contains("[--runner local|flink] [--quiet] [--graph dot|mermaid]"), err());
    }

    @Test
    void quietTurnsTheProgressListenerOff() {
        List<Workflow> shown = new ArrayList<>();
        for (boolean quiet : List.of(false, true)) {
            Workflow wf = new Workflow("w");
            Samples.Look look = Samples.Look.parse(quiet ? List.of("x", "--quiet") : List.of("x"));
            assertEquals(List.of("x"), look.args());
            look.showProgress(wf, new PrintStream(err, true, StandardCharsets.UTF_8), 100);
            shown.add(wf);
        }
        assertTrue(shown.get(0).counting(), "a progress listener watches the run");
        assertFalse(shown.get(1).counting(), "--quiet: no listener");
        assertEquals(0, run("linear", "--quiet"));
        assertEquals("", err());
    }

    @Test
    void onFlinkNoProgressListenerWatchesTheLocalWorkflowWhichNeverRuns() {
        Workflow wf = new Workflow("w");
        Samples.Look look = Samples.Look.parse(List.of("x", "--runner", "flink"));
        assertEquals(Samples.Look.Runner.FLINK, look.runner());
        look.showProgress(wf, new PrintStream(err, true, StandardCharsets.UTF_8), 100);
        assertFalse(wf.counting(), "the Flink job's tasks build workflows of their own");
    }
}
