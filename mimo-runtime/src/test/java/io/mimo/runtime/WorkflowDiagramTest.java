package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.FusionTest.Collect;
import java.io.File;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link Workflow#toDot()} and {@link Workflow#toMermaid()}: the same graph, drawn. */
class WorkflowDiagramTest {

    /** range → square → inc (fused) → sum, a discarded log, a byte pipe, a parallel step, a name with a quote. */
    static Workflow sample() {
        Workflow wf = new Workflow("say \"hi\"");
        var range = wf.add(range("range", 0, 10));
        var square = wf.add(FusionTest.map("square", (Integer x) -> x * x));
        var inc = wf.add(FusionTest.map("inc", (Integer x) -> x + 1));
        var hash = wf.parallel(wf.add(FusionTest.map("hash", (Integer x) -> x ^ 5)), 3);
        var sum = wf.add(new Collect<Integer>("sum"));
        range.pipe(square).pipe(inc).pipe(hash, 32).pipe(sum);
        var bytes = wf.add(new Step("read") {
            final OutPort<ByteBuffer> data = byteOutput("data");
            final OutPort<Integer> log = output("log");

            @Override
            protected void run(Context context) {}
        });
        var parse = wf.add(new Step("parse") {
            final InPort<ByteBuffer> in = byteInput("in");

            @Override
            protected void run(Context context) {}
        });
        bytes.data.pipe(parse.in, 4096);
        bytes.log.discard();
        return wf;
    }

    @Test
    void dotDrawsStepsPipesFusedClustersBytesAndDiscards() {
        String dot = sample().toDot();

        assertTrue(dot.startsWith("digraph \"say \\\"hi\\\"\" {\n  rankdir=LR;"), dot);
        assertTrue(dot.contains("  s3 [label=\"hash ×3 (in order)\"];"), dot);
        assertTrue(dot.contains("  subgraph cluster_0 {\n    label=\"on range's thread\";"), dot);
        assertTrue(dot.contains("    s0; s1; s2;\n  }"), dot);
        assertTrue(dot.contains("  s0 -> s1 [label=\"out → in\\nfused\", style=bold];"), dot);
        assertTrue(dot.contains("  s2 -> s3 [label=\"out → in\\n32 items\"];"), dot);
        assertTrue(dot.contains("  s5 -> s6 [label=\"data → in\\n4096 bytes\", style=dashed];"), dot);
        assertTrue(dot.contains("  s5 -> d5_1 [label=\"log (discarded)\", style=dotted];"), dot);
        assertTrue(dot.endsWith("}\n"), dot);
    }

    @Test
    void mermaidDrawsTheSameGraph() {
        String mermaid = sample().toMermaid();

        assertEquals("""
                flowchart LR
                  subgraph c0["on range's thread"]
                    s0["range"]
                    s1["square"]
                    s2["inc"]
                  end
                  subgraph c3["on hash's thread"]
                    s3["hash ×3 (in order)"]
                    s4["sum"]
                  end
                  s5["read"]
                  s6["parse"]
                  s0 == "out → in<br/>fused" ==> s1
                  s1 == "out → in<br/>fused" ==> s2
                  s2 -- "out → in<br/>32 items" --> s3
                  s3 == "out → in<br/>fused" ==> s4
                  s5 -. "data → in<br/>4096 bytes" .-> s6
                  d5_1(( ))
                  s5 -. "log (discarded)" .-> d5_1
                """, mermaid);
    }

    @Test
    void graphvizRendersTheDotWhereItIsInstalled() throws Exception {
        String svg = renderedWhereGraphvizIs(sample().toDot());
        if (svg != null) {
            assertTrue(svg.contains("hash ×3 (in order)"), svg);
        }
    }

    /**
     * Checks that {@code dotText} is balanced, then renders it with Graphviz's {@code dot -Tsvg}
     * when it is on the PATH, asserting a clean render: the SVG, or {@code null} without Graphviz.
     */
    static String renderedWhereGraphvizIs(String dotText) throws Exception {
        assertEquals(
                dotText.chars().filter(c -> c == '{').count(),
                dotText.chars().filter(c -> c == '}').count());
        File dot = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> new File(dir, "dot"))
                .filter(File::canExecute)
                .findFirst()
                .orElse(null);
        if (dot == null) {
            return null;
        }
        Process render = new ProcessBuilder(List.of(dot.getPath(), "-Tsvg")).start();
        render.getOutputStream().write(dotText.getBytes(StandardCharsets.UTF_8));
        render.getOutputStream().close();
        String svg = new String(render.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errors = new String(render.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(render.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, render.exitValue(), errors);
        assertEquals("", errors);
        assertTrue(svg.contains("<svg"), svg);
        return svg;
    }
}
