package io.mimo.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.flink.TestSteps.Boom;
import io.mimo.flink.TestSteps.Collect;
import io.mimo.flink.TestSteps.CollectAll;
import io.mimo.flink.TestSteps.Concat;
import io.mimo.flink.TestSteps.FailOn;
import io.mimo.flink.TestSteps.Fork;
import io.mimo.flink.TestSteps.Format;
import io.mimo.flink.TestSteps.Parse;
import io.mimo.flink.TestSteps.Range;
import io.mimo.flink.TestSteps.Square;
import io.mimo.runtime.DynamicStep;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Workflows of every shape of the mapping, run on one MiniCluster reached by configuration. */
@Timeout(60)
class FlinkRunnerTest {
    /** Started once for the class; closed after its last test (which deletes its temporary files). */
    @AutoClose
    private static LocalCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new LocalCluster(4);
    }

    private static void run(SerializableSupplier<Workflow> workflow) {
        FlinkRunner.run(workflow, cluster.configuration());
    }

    private static void runStreaming(SerializableSupplier<Workflow> workflow) {
        Configuration config = cluster.configuration();
        config.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        FlinkRunner.run(workflow, config);
    }

    static Workflow line() {
        return line("line");
    }

    static Workflow line(String key) {
        Workflow wf = new Workflow("line");
        Range range = wf.add(new Range("range", 0, 5000));
        Square square = wf.add(new Square());
        wf.pipe(range.out, square.onlyInput());
        wf.pipe(square.out, wf.add(new Collect("collect", key)).onlyInput());
        return wf;
    }

    @Test
    void aLineOfASourceAndElementStepsKeepsTheOrder() {
        run(FlinkRunnerTest::line);
        assertEquals(LongStream.range(0, 5000).map(x -> x * x).boxed().toList(), TestSteps.sink("line"));
    }

    @Test
    void anEnvironmentOfTheUsersRunsTheJobAndTheRunWaitsForItsEnd() {
        // a remote target's environment is detached unless told otherwise: run() still waits
        FlinkRunner.run(() -> line("line in an environment"), new StreamExecutionEnvironment(cluster.configuration()));
        assertEquals(5000, TestSteps.sink("line in an environment").size());
    }

    static Workflow shapes() {
        Workflow wf = new Workflow("shapes");
        Range range = wf.add(new Range("range", 0, 1000));
        Fork fork = wf.add(new Fork());
        wf.pipe(range.out, fork.in);
        // broadcast: the evens to two sinks; merge: evens and odds into a third
        wf.pipe(fork.even, wf.add(new Collect("evens", "evens")).onlyInput());
        wf.pipe(fork.even, wf.add(new Collect("evens again", "evens again")).onlyInput());
        Collect all = wf.add(new Collect("all", "all"));
        wf.pipe(fork.even, all.onlyInput());
        wf.pipe(fork.odd, all.onlyInput());
        return wf;
    }

    @Test
    void severalOutputsBroadcastAndMergeGiveEveryItemToEveryReader() {
        run(FlinkRunnerTest::shapes);
        List<Object> evens = IntStream.range(0, 1000)
                .filter(i -> i % 2 == 0)
                .boxed()
                .map(Object.class::cast)
                .toList();
        assertEquals(evens, TestSteps.sink("evens"));
        assertEquals(evens, TestSteps.sink("evens again"));
        List<Object> all = new ArrayList<>(TestSteps.sink("all"));
        all.sort(null);
        assertEquals(IntStream.range(0, 1000).boxed().toList(), all);
    }

    static Workflow concat3() {
        Workflow wf = new Workflow("concat3");
        Concat concat = wf.add(new Concat("concat", 3));
        for (int i = 0; i < 3; i++) {
            Range range = wf.add(new Range("range" + i, i * 10_000, (i + 1) * 10_000));
            wf.pipe(range.out, concat.ins.get(i));
        }
        wf.pipe(concat.out, wf.add(new Collect("collect", "concat3")).onlyInput());
        return wf;
    }

    @Test
    void aStepWithThreeInputsReadsThemInTheOrderItChooses() {
        run(FlinkRunnerTest::concat3);
        assertEquals(IntStream.range(0, 30_000).boxed().toList(), TestSteps.sink("concat3"));
    }

    static Workflow intoThree() {
        Workflow wf = new Workflow("intoThree");
        CollectAll last = wf.add(new CollectAll("collectAll", "intoThree", 3));
        for (int i = 0; i < 3; i++) {
            Range range = wf.add(new Range("range" + i, i * 100, (i + 1) * 100));
            wf.pipe(range.out, last.ins.get(i));
        }
        return wf;
    }

    @Test
    void aLastStepWithThreeInputsAndNoOutputRuns() {
        run(FlinkRunnerTest::intoThree);
        assertEquals(IntStream.range(0, 300).boxed().toList(), TestSteps.sink("intoThree"));
    }

    /** One source feeding both inputs of a step that reads its first input to the end first. */
    static Workflow diamond(int items, String key) {
        Workflow wf = new Workflow("diamond").growthLimit(10_000);
        Range range = wf.add(new Range("range", 0, items));
        Concat concat = wf.add(new Concat("readFirst", 2));
        wf.pipe(range.out, concat.ins.get(0));
        wf.pipe(range.out, concat.ins.get(1));
        wf.pipe(concat.out, wf.add(new Collect("collect", key)).onlyInput());
        return wf;
    }

    @Test
    void aDiamondWithAStepReadingOneInputFirstCompletesInBatchMode() {
        run(() -> diamond(200_000, "diamond batch"));
        List<Integer> expected = new ArrayList<>();
        IntStream.range(0, 200_000).forEach(expected::add);
        IntStream.range(0, 200_000).forEach(expected::add);
        assertEquals(expected, TestSteps.sink("diamond batch"));
    }

    @Test
    void aDiamondInStreamingModeCompletesWithinTheGrowthLimit() {
        runStreaming(() -> diamond(5_000, "diamond streaming"));
        assertEquals(10_000, TestSteps.sink("diamond streaming").size());
    }

    @Test
    void aDiamondInStreamingModePastTheGrowthLimitFailsWithADeadlockErrorNotAHang() {
        WorkflowException e =
                assertThrows(WorkflowException.class, () -> runStreaming(() -> diamond(200_000, "diamond dead")));
        assertNull(e.stream());
        assertTrue(
                e.getMessage()
                        .startsWith("deadlock in workflow 'diamond' on Flink: stream 'readFirst' waits for input"
                                + " 'readFirst.in0' while input 'readFirst.in1' holds 10001 items, past the growth"
                                + " limit of 10000 items"),
                e.getMessage());
        assertTrue(e.getMessage().contains("share upstream step 'range'"), e.getMessage());
    }

    /** Released by the reader of {@link #conversation()} once it has heard three items. */
    private static final CountDownLatch HEARD = new CountDownLatch(1);

    /** A source that says three items, then waits until its reader has heard them, then says a fourth. */
    static Workflow conversation() {
        Workflow wf = new Workflow("conversation");
        DynamicStep say = wf.add(DynamicStep.of("say", List.of(), List.of("out"), ports -> {
            Output<Object> out = ports.output("out");
            for (int i = 0; i < 3; i++) {
                out.push(i);
            }
            if (!HEARD.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the reader never heard the first three items");
            }
            out.push(3);
        }));
        DynamicStep hear = wf.add(DynamicStep.of("hear", List.of("in"), List.of(), ports -> {
            Input<Object> in = ports.input("in");
            for (Object item; (item = in.poll()) != null; ) {
                TestSteps.SINKS
                        .computeIfAbsent("conversation", k -> new ConcurrentLinkedQueue<>())
                        .add(item);
                if (TestSteps.sink("conversation").size() == 3) {
                    HEARD.countDown();
                }
            }
        }));
        wf.pipe(say.out("out"), hear.in("in"));
        return wf;
    }

    @Test
    void inStreamingModeFewItemsDoNotWaitForABatchToFill() {
        runStreaming(FlinkRunnerTest::conversation);
        assertEquals(List.of(0, 1, 2, 3), TestSteps.sink("conversation"));
    }

    static Workflow failing() {
        Workflow wf = new Workflow("failing");
        Range range = wf.add(new Range("range", 0, 1_000_000));
        wf.pipe(range.out, wf.add(new FailOn(500)).onlyInput());
        return wf;
    }

    @Test
    void aFailingStreamSurfacesAsAWorkflowExceptionNamingIt() {
        WorkflowException e = assertThrows(WorkflowException.class, () -> run(FlinkRunnerTest::failing));
        assertEquals("failOn", e.stream());
        assertEquals("stream 'failOn' failed: refusing 500", e.getMessage());
        assertEquals(
                "refusing 500",
                assertInstanceOf(IOException.class, e.getCause()).getMessage());
    }

    static Workflow failingProcess() {
        Workflow wf = new Workflow("failing process");
        Range range = wf.add(new Range("range", 0, 1_000_000));
        Boom boom = wf.add(new Boom(5000));
        wf.pipe(range.out, boom.in);
        wf.pipe(boom.out, wf.add(new Collect("collect", "failing process")).onlyInput());
        return wf;
    }

    @Test
    void aFailingProcessStepSurfacesNamingIt() {
        WorkflowException e = assertThrows(WorkflowException.class, () -> run(FlinkRunnerTest::failingProcess));
        assertEquals("boom", e.stream());
        assertEquals("stream 'boom' failed: boom at 5000", e.getMessage());
        assertInstanceOf(IllegalStateException.class, e.getCause());
    }

    /** A process step whose reader fails while the step is in the middle of a batch. */
    static Workflow failingAfterProcess() {
        Workflow wf = new Workflow("failing after a process step");
        Range range = wf.add(new Range("range", 0, 1_000_000));
        Boom passOn = wf.add(new Boom(-1)); // never fails itself
        wf.pipe(range.out, passOn.in);
        wf.pipe(passOn.out, wf.add(new FailOn(500)).onlyInput());
        return wf;
    }

    @Test
    void aStepFailingDownstreamOfAProcessStepIsTheOneNamed() {
        WorkflowException e = assertThrows(WorkflowException.class, () -> run(FlinkRunnerTest::failingAfterProcess));
        assertEquals("failOn", e.stream());
        assertEquals("stream 'failOn' failed: refusing 500", e.getMessage());
    }

    static Workflow cycle() {
        Workflow wf = new Workflow("cycle");
        Range range = wf.add(new Range("range", 0, 10));
        Concat a = wf.add(new Concat("a", 2));
        Concat b = wf.add(new Concat("b", 1));
        wf.pipe(range.out, a.ins.get(0));
        wf.pipe(a.out, b.ins.get(0));
        wf.pipe(b.out, a.ins.get(1));
        return wf;
    }

    @Test
    void aCycleIsRefusedBeforeTheJobStarts() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> run(FlinkRunnerTest::cycle));
        assertEquals(
                "workflow 'cycle' cannot run on Flink: its steps 'a' -> 'b' -> 'a' form a cycle, and Flink runs no"
                        + " cycles (its iterations were removed in 2.0): run this workflow locally with run(), or"
                        + " break the cycle",
                e.getMessage());
    }

    static Workflow bytes() {
        Workflow wf = new Workflow("bytes");
        Range range = wf.add(new Range("range", 0, 20_000));
        Format format = wf.add(new Format());
        Parse parse = wf.add(new Parse());
        wf.pipe(range.out, format.in);
        wf.pipe(format.text, parse.text);
        wf.pipe(parse.out, wf.add(new Collect("collect", "bytes")).onlyInput());
        return wf;
    }

    @Test
    void bytePortsCrossAFlinkEdgeAsChunks() {
        run(FlinkRunnerTest::bytes);
        assertEquals(IntStream.range(0, 20_000).boxed().toList(), TestSteps.sink("bytes"));
    }
}
