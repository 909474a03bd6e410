package io.mimo.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.flink.TestSteps.Collect;
import io.mimo.flink.TestSteps.Range;
import io.mimo.runtime.DynamicStep;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import io.mimo.runtime.Workflow;
import io.mimo.runtime.graph.ProcessStepView;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The pull host without Flink: this test's thread plays the task thread, handing items in as
 * Flink would and taking what the host emits.
 */
@Timeout(10)
class PullHostTest {
    // read by a thread of a test's own while the host emits
    private final List<Object> emitted = new CopyOnWriteArrayList<>();
    private final List<Thread> emittingThreads = new CopyOnWriteArrayList<>();

    /** A host for {@code body}, a step of two inputs and one output, built as the runner builds it. */
    private PullHost host(DynamicStep.Body body, boolean selective) {
        return host(body, selective, 0);
    }

    /** Such a host whose items wait at most {@code periodNanos} for a batch (STREAMING mode's). */
    private PullHost host(DynamicStep.Body body, boolean selective, long periodNanos) {
        Workflow wf = new Workflow("host").growthLimit(1000);
        DynamicStep step = wf.add(DynamicStep.of("step", List.of("a", "b"), List.of("out"), body));
        wf.pipe(wf.add(new Range("left", 0, 1)).out, step.in("a"));
        wf.pipe(wf.add(new Range("right", 0, 1)).out, step.in("b"));
        wf.pipe(step.out("out"), wf.add(new Collect("collect", "unused")).onlyInput());
        ProcessStepView view = (ProcessStepView) wf.graph().steps().get(0);
        return new PullHost(
                "host",
                view,
                (port, item) -> {
                    emittingThreads.add(Thread.currentThread());
                    emitted.add(item);
                },
                selective,
                "the inputs share an upstream step",
                1000,
                1 << 20,
                periodNanos);
    }

    /** Passes input a on, then input b. */
    private static void concat(DynamicStep.Ports ports) {
        Output<Object> out = ports.output("out");
        for (String name : List.of("a", "b")) {
            Input<Object> in = ports.input(name);
            for (Object item; (item = in.poll()) != null; ) {
                out.push(item);
            }
        }
    }

    @Test
    void theBodyRunsOnceItsInputHoldsABatchAndEmitsOnTheTaskThreadOnly() throws Exception {
        PullHost host = host(PullHostTest::concat, true);
        host.add(0, -1); // the first record starts the body, which then waits on input a
        assertEquals(0, host.waitingFor());
        assertEquals(List.of(-1), emitted, "what the body pushed goes out when it waits");
        for (int i = 0; i < PullHost.BATCH - 1; i++) {
            host.add(0, i);
        }
        assertEquals(1, emitted.size(), "less than a batch waits");
        host.add(0, PullHost.BATCH - 1);
        assertEquals(1 + PullHost.BATCH, emitted.size(), "a batch in, a batch out, in one hand-over");

        host.end(0);
        assertEquals(1, host.waitingFor(), "input a ended: the body reads b");
        IntStream.range(0, 10).forEach(i -> add(host, 1, 1000 + i));
        host.end(1);
        host.finish();

        List<Object> expected = new ArrayList<>(List.of(-1));
        IntStream.range(0, PullHost.BATCH).forEach(expected::add);
        IntStream.range(1000, 1010).forEach(expected::add);
        assertEquals(expected, emitted);
        assertTrue(emittingThreads.stream().allMatch(t -> t == Thread.currentThread()));
        assertEquals(PullHost.ANY, host.waitingFor());
    }

    private static void add(PullHost host, int input, Object item) {
        try {
            host.add(input, item);
        } catch (StepFailure e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aHostThatCannotSelectFailsWithADeadlockOncePastTheGrowthLimit() throws Exception {
        PullHost host = host(PullHostTest::concat, false);
        host.add(0, 0);
        assertEquals(PullHost.ANY, host.waitingFor(), "a host that cannot select asks Flink for every input");
        for (int i = 0; i < 1000; i++) {
            host.add(1, i);
        }
        StepFailure deadlock = assertThrows(StepFailure.class, () -> host.add(1, 1000));
        assertNull(deadlock.stream());
        assertEquals(
                "deadlock in workflow 'host' on Flink: stream 'step' waits for input 'step.a' while input 'step.b'"
                        + " holds 1001 items, past the growth limit of 1000 items. the inputs share an upstream"
                        + " step: run the job in BATCH mode (the default for a bounded workflow), or raise the"
                        + " workflow's growth limits",
                deadlock.getMessage());
        host.close();
    }

    @Test
    void theBodysFailureIsTheStepsAndClosingStopsABodyThatWaits() throws Exception {
        PullHost failing = host(
                ports -> {
                    throw new IllegalStateException("no");
                },
                true);
        StepFailure failure = assertThrows(StepFailure.class, () -> failing.add(0, 0));
        assertEquals("step", failure.stream());
        assertEquals("stream 'step' failed: no", failure.getMessage());

        AtomicBoolean left = new AtomicBoolean();
        PullHost waiting = host(
                ports -> {
                    try {
                        concat(ports);
                    } finally {
                        left.set(true);
                    }
                },
                true);
        waiting.add(0, 0);
        waiting.close();
        assertTrue(left.get(), "the body left its method");
    }

    @Test
    void whatABodyPushedGoesOutEachPeriodWhileItRuns() throws Exception {
        CountDownLatch heard = new CountDownLatch(1);
        PullHost host = host(
                ports -> {
                    Output<Object> out = ports.output("out");
                    out.push("first");
                    // a body busy elsewhere (a socket, a slow call) after a push
                    if (!heard.await(5, TimeUnit.SECONDS)) {
                        throw new AssertionError("'first' waited for a batch to fill");
                    }
                    out.push("second");
                },
                true,
                TimeUnit.MILLISECONDS.toNanos(10));
        Thread listener = Thread.ofPlatform().start(() -> {
            while (emitted.isEmpty()) {
                Thread.onSpinWait();
            }
            heard.countDown();
        });
        host.add(0, "start");
        host.finish();
        listener.join();
        assertEquals(List.of("first", "second"), emitted);
        assertTrue(emittingThreads.stream().allMatch(t -> t == Thread.currentThread()), "emitted by the task thread");
    }

    @Test
    void aNudgeHandsTheBodyWhatItsInputHoldsBeforeABatchFills() throws Exception {
        PullHost host = host(PullHostTest::concat, true, TimeUnit.MILLISECONDS.toNanos(100));
        host.nudge();
        assertEquals(List.of(), emitted, "a host not started yet is not started by a nudge");
        host.add(0, -1);
        host.add(0, 1);
        host.add(0, 2);
        assertEquals(List.of(-1), emitted, "less than a batch waits");
        host.nudge();
        assertEquals(List.of(-1, 1, 2), emitted, "the period passed: the body got what its input holds");
        host.nudge();
        assertEquals(List.of(-1, 1, 2), emitted, "nothing more came");
        host.end(0);
        host.end(1);
        host.finish();
    }

    /**
     * On a cluster the task thread's context class loader is Flink's user-code loader, the one that sees the job's
     * jar; libraries the body calls (ServiceLoader, JAXB, Kryo) look classes up through it, so the body's virtual
     * thread must have it too, not the system loader that knows nothing of the job.
     */
    @Test
    void theBodyRunsWithTheContextClassLoaderOfTheTaskThreadThatMadeTheHost() throws Exception {
        ClassLoader userCode =
                new URLClassLoader("user-code", new URL[0], getClass().getClassLoader());
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        AtomicReference<ClassLoader> seen = new AtomicReference<>();
        PullHost host;
        Thread.currentThread().setContextClassLoader(userCode);
        try {
            host = host(
                    ports -> {
                        seen.set(Thread.currentThread().getContextClassLoader());
                        concat(ports);
                    },
                    true);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        host.add(0, 0);
        host.end(0);
        host.end(1);
        host.finish();
        assertSame(userCode, seen.get());
    }
}
