package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.ints;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/** Reactor at either end of a workflow, through {@code java.util.concurrent.Flow}. */
@Timeout(30)
class ReactorInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final Runs runs = new Runs();

    @AfterEach
    void endRuns() {
        runs.endAll(WAIT);
    }

    @Test
    void aFluxFeedsAWorkflow() {
        Flux<Integer> flux = Flux.range(0, 10_000).map(i -> i * 2);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("from-flux", 16);
        var source = wf.add(Steps.source(JdkFlowAdapter.publisherToFlowPublisher(flux)));
        source.pipe(wf.add(TestSteps.<Integer>copy("relay"))).pipe(wf.add(Steps.<Integer>forEach(seen::add)));

        wf.run();

        assertEquals(ints(0, 10_000).stream().map(i -> i * 2).toList(), seen);
    }

    @Test
    void aFluxSignallingFromItsOwnThreadsFeedsAWorkflowInOrder() {
        Flux<Integer> flux = Flux.range(0, 50_000).publishOn(Schedulers.parallel(), 32);
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("async-flux", 8);
        wf.add(Steps.source(JdkFlowAdapter.publisherToFlowPublisher(flux)))
                .pipe(wf.add(Steps.<Integer>forEach(seen::add)));

        wf.run();

        assertEquals(ints(0, 50_000), seen);
    }

    @Test
    void aFailingFluxFailsTheWorkflowNamingTheSource() {
        IOException broke = new IOException("the flux broke");
        Flux<Integer> flux = Flux.concat(Flux.range(0, 3), Flux.error(broke));
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("failing-flux");
        wf.add(Steps.source(JdkFlowAdapter.publisherToFlowPublisher(flux)))
                .pipe(wf.add(Steps.<Integer>forEach(seen::add)));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("source", e.stream());
        assertSame(broke, e.getCause());
        assertEquals(List.of(0, 1, 2), seen);
    }

    @Test
    void aWorkflowFeedsAFlux() {
        WorkflowPublisher<Integer> publisher =
                new WorkflowPublisher<>("to-flux", wf -> wf.add(Steps.from(ints(0, 10_000))), runs);

        List<Integer> result = JdkFlowAdapter.flowPublisherToFlux(publisher)
                .map(i -> i + 1)
                .limitRate(7)
                .collectList()
                .block(WAIT);

        assertEquals(ints(1, 10_001), result);
    }

    @Test
    void aFluxTakingAFewEndsTheEndlessWorkflowBehindItWithoutFailure() {
        AtomicBoolean closed = new AtomicBoolean();
        WorkflowPublisher<Integer> publisher = new WorkflowPublisher<>(
                "take",
                wf -> wf.add(Steps.from(Stream.iterate(0, i -> i + 1).onClose(() -> closed.set(true))))
                        .pipe(wf.add(TestSteps.<Integer>copy("relay"))),
                runs);

        List<Integer> result = JdkFlowAdapter.flowPublisherToFlux(publisher)
                .take(5)
                .collectList()
                .block(WAIT);

        assertEquals(List.of(0, 1, 2, 3, 4), result);
        Execution run = runs.all().get(0);
        assertTrue(run.await(WAIT), "the workflow ends by itself once the flux cancels: SIGPIPE");
        assertTrue(closed.get());
    }

    @Test
    void aFailingWorkflowFailsTheFlux() {
        WorkflowPublisher<Integer> publisher = new WorkflowPublisher<>(
                "failing",
                wf -> wf.add(new TestSteps.Source<Integer>("fails", out -> {
                    out.push(1);
                    throw new IOException("the workflow broke");
                })),
                runs);

        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> JdkFlowAdapter.flowPublisherToFlux(publisher)
                        .collectList()
                        .block(WAIT));

        // From the sink, when it ran before the workflow stopped: "stream 'sink' ended before its
        // input did: …"; from the publisher, when it did not: the run's own failure.
        WorkflowException signalled = assertInstanceOfCauseOrSelf(e);
        assertTrue(
                signalled.getMessage().startsWith("stream 'sink' ended before its input did")
                        || signalled.getMessage().equals("stream 'fails' failed: the workflow broke"),
                signalled::getMessage);
        WorkflowException outcome =
                assertThrows(WorkflowException.class, () -> runs.all().get(0).await());
        assertEquals("fails", outcome.stream());
    }

    /** Reactor's {@code block} rethrows a runtime exception as it is, a checked one wrapped. */
    private static WorkflowException assertInstanceOfCauseOrSelf(RuntimeException e) {
        if (e instanceof WorkflowException w) {
            return w;
        }
        if (e.getCause() instanceof WorkflowException w) {
            return w;
        }
        throw new AssertionError("not a WorkflowException", e);
    }
}
