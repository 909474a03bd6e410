package io.mimo.runtime;

import static io.mimo.runtime.FusionTest.map;
import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mimo.runtime.FusionTest.Collect;
import io.mimo.runtime.TestSteps.Sink;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chains of fused steps of any length run (no thread runs out of stack), and whatever a stream
 * throws, {@link Error}s included, is that stream's failure: reported under its name, with the
 * original as the cause, never a dying thread, a message on stderr or a false deadlock.
 */
@Timeout(60)
class LongChainAndErrorTest {

    @Test
    void aChainOfFiveThousandFusedStepsRunsAndIsCutIntoThreadsEvery257Steps() {
        int steps = 5_000;
        Workflow wf = new Workflow("long");
        OneOutput<Integer> last = wf.add(range("source", 0, 1_000));
        for (int i = 0; i < steps; i++) {
            last = last.pipe(wf.add(map("plus" + i, (Integer x) -> x + 1)));
        }
        Collect<Integer> sink = wf.add(new Collect<>("sink"));
        last.pipe(sink);

        String picture = wf.toString();
        wf.run();

        assertEquals(ints(steps, steps + 1_000), sink.items);
        // source runs plus0..plus255 fused; plus256 starts a thread of its own and runs the next 256; ...
        long hosts =
                picture.lines().filter(line -> line.startsWith("  fused: ")).count();
        assertEquals(
                1 + steps / 257,
                hosts,
                picture.lines().filter(l -> l.startsWith("  fused")).toList()::toString);
        assertEquals(true, picture.contains("  fused: plus257, "), "plus256 hosts the next chain");
    }

    @ParameterizedTest(name = "fusion {0}")
    @ValueSource(booleans = {true, false})
    void anErrorAnElementStepThrowsIsItsFailure(boolean fusion) {
        for (Error error :
                List.of(new StackOverflowError("deep"), new OutOfMemoryError("full"), new AssertionError("no"))) {
            Workflow wf = new Workflow("errors").fusion(fusion);
            var source = wf.add(range("source", 0, 100));
            var thrower = wf.add(map("thrower", (Integer x) -> {
                if (x == 50) {
                    throw error;
                }
                return x;
            }));
            source.pipe(thrower).pipe(wf.add(new Sink<Integer>("sink")));

            WorkflowException failure = assertThrows(WorkflowException.class, wf::run);

            assertEquals("thrower", failure.stream());
            assertSame(error, failure.getCause());
            assertEquals("stream 'thrower' failed: " + error.getMessage(), failure.getMessage());
        }
    }

    /** Recurses until the stack runs out, then throws, as a parser given a too deeply nested input. */
    private static int depth(int n) {
        return n == Integer.MAX_VALUE ? n : depth(n + 1) + 1;
    }

    @ParameterizedTest(name = "fusion {0}")
    @ValueSource(booleans = {true, false})
    void aRealStackOverflowInAStreamIsItsFailureAndNothingReachesStderr(boolean fusion) {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            Workflow wf = new Workflow("overflow").fusion(fusion);
            var source = wf.add(range("source", 0, 10));
            var deep = wf.add(map("deep", (Integer x) -> depth(x)));
            source.pipe(deep).pipe(wf.add(new Collect<Integer>("tail")));

            WorkflowException failure = assertThrows(WorkflowException.class, wf::run);

            assertEquals("deep", failure.stream());
            assertInstanceOf(StackOverflowError.class, failure.getCause());
        } finally {
            System.setErr(stderr);
        }
        assertEquals("", captured.toString(), "nothing on stderr");
    }

    @Test
    void anErrorInAProcessStepIsItsFailure() {
        Workflow wf = new Workflow("process");
        var source = wf.add(range("source", 0, 10));
        var sink = wf.add(DynamicStep.of("sink", List.of("in"), List.of(), ports -> {
            ports.input("in").pop();
            throw new OutOfMemoryError("Java heap space (thrown by the test)");
        }));
        source.pipe(sink.in("in"));

        WorkflowException failure = assertThrows(WorkflowException.class, wf::run);

        assertEquals("sink", failure.stream());
        assertInstanceOf(OutOfMemoryError.class, failure.getCause());
    }
}
