package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.assertAllEnded;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ExecutionTest {

    @Test
    void startReturnsAtOnceAndAwaitWaitsForEveryStream() {
        CountDownLatch go = new CountDownLatch(1);
        Workflow wf = new Workflow("started");
        var source = wf.add(new Source<Integer>("gated", out -> {
            go.await();
            out.push(7);
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(sink);

        Execution execution = wf.start();

        assertFalse(execution.isDone());
        assertFalse(execution.await(Duration.ofMillis(20)));
        go.countDown();
        assertTrue(execution.await(Duration.ofSeconds(20)));
        assertTrue(execution.isDone());
        execution.await();
        assertEquals(List.of(7), sink.items);
        assertAllEnded(source, sink);
    }

    @Test
    void cancelStopsEveryStreamAndAwaitSaysSo() {
        Workflow wf = new Workflow("cancelled", 4);
        var source = wf.add(EarlyEndTest.endless("endless", new AtomicInteger()));
        var sink = wf.add(new Sink<Integer>("sink", in -> in.forEach(x -> {})));
        source.pipe(sink);
        Execution execution = wf.start();

        execution.cancel();

        WorkflowException e = assertThrows(WorkflowException.class, execution::await);
        assertEquals("workflow 'cancelled' was cancelled", e.getMessage());
        assertNull(e.stream());
        assertTrue(execution.isDone());
        assertAllEnded(source, sink);
        WorkflowException again = assertThrows(WorkflowException.class, () -> execution.await(Duration.ZERO));
        assertNotSame(e, again);
    }

    @Test
    void cancelOnceDoneDoesNothing() {
        Workflow wf = new Workflow("done");
        wf.add(range("range", 0, 3)).out.discard();
        Execution execution = wf.start();
        execution.await();

        execution.cancel();

        execution.await();
        assertTrue(execution.isDone());
    }

    @Test
    void awaitWithATimeoutThrowsWhenAStreamFailed() {
        Workflow wf = new Workflow("failing");
        wf.add(new Source<Integer>("broken", out -> {
                    throw new IllegalStateException("no input file");
                }))
                .out
                .discard();

        Execution execution = wf.start();

        WorkflowException e = assertThrows(WorkflowException.class, () -> execution.await(Duration.ofSeconds(20)));
        assertEquals("stream 'broken' failed: no input file", e.getMessage());
    }

    @Test
    void anInterruptedCallerCancelsTheWorkflowAndKeepsItsInterruptFlag() throws Exception {
        CountDownLatch running = new CountDownLatch(1);
        Workflow wf = new Workflow("interrupted");
        var source = wf.add(new Source<Integer>("sleeper", out -> {
            running.countDown();
            Thread.sleep(Long.MAX_VALUE);
        }));
        source.out.discard();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                wf.run();
            } catch (Throwable t) {
                thrown.set(t);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        running.await();

        caller.interrupt();
        caller.join();

        WorkflowException e = assertInstanceOf(WorkflowException.class, thrown.get());
        assertEquals("workflow 'interrupted' was cancelled: a thread awaiting it was interrupted", e.getMessage());
        assertInstanceOf(InterruptedException.class, e.getCause());
        assertTrue(flagKept.get());
        assertAllEnded(source);
    }

    @Test
    void anEmptyWorkflowRunsAndIsDoneAtOnce() {
        Execution execution = new Workflow("empty").start();

        assertTrue(execution.isDone());
        execution.await();
    }

    @Test
    void aStreamAwaitingItsOwnWorkflowFailsInsteadOfHanging() {
        AtomicReference<Execution> self = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        Workflow wf = new Workflow("selfish");
        wf.add(new Source<Integer>("waiter", out -> {
                    started.await();
                    self.get().await();
                }))
                .out
                .discard();
        self.set(wf.start());
        started.countDown();

        WorkflowException e = assertThrows(WorkflowException.class, self.get()::await);

        assertEquals(
                "stream 'waiter' awaits its own workflow 'selfish': it would wait for itself forever",
                assertInstanceOf(IllegalStateException.class, e.getCause()).getMessage());
    }
}
