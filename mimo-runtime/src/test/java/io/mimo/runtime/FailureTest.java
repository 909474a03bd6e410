package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.assertAllEnded;
import static io.mimo.runtime.TestSteps.copy;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class FailureTest {

    @Test
    void aFailingStreamFailsTheWorkflowWithItsNameAndCause() {
        IllegalArgumentException cause = new IllegalArgumentException("bad item 3");
        Workflow wf = new Workflow("parsing", 2);
        var source = wf.add(range("read", 0, 1_000_000));
        var parse = wf.add(new Relay<Integer, Integer>("parse", (in, out) -> {
            for (int x : in) {
                if (x == 3) {
                    throw cause;
                }
                out.push(x);
            }
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(parse).pipe(sink);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("stream 'parse' failed: bad item 3", e.getMessage());
        assertEquals("parse", e.stream());
        assertSame(cause, e.getCause());
        assertArrayEquals(new Throwable[0], e.getSuppressed());
        assertAllEnded(source, parse, sink);
    }

    @Test
    void theOtherStreamsAreInterruptedAndNoThreadOutlivesRun() {
        AtomicBoolean sleeperInterrupted = new AtomicBoolean();
        AtomicBoolean readerReturned = new AtomicBoolean();
        CountDownLatch othersWaiting = new CountDownLatch(2);
        Workflow wf = new Workflow("interrupting");
        var sleeper = wf.add(new Source<Integer>("sleeper", out -> {
            othersWaiting.countDown();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                sleeperInterrupted.set(true);
                throw e;
            }
        }));
        var reader = wf.add(new Sink<Integer>("reader", in -> {
            othersWaiting.countDown();
            in.poll(); // blocks: the sleeper pushes nothing
            readerReturned.set(true);
        }));
        var failing = wf.add(new Source<Integer>("failing", out -> {
            othersWaiting.await();
            throw new java.io.IOException("disk full");
        }));
        sleeper.pipe(reader);
        failing.out.discard();

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("stream 'failing' failed: disk full", e.getMessage());
        assertInstanceOf(java.io.IOException.class, e.getCause());
        assertTrue(sleeperInterrupted.get());
        assertFalse(readerReturned.get(), "a blocked poll must give up when the workflow stops");
        assertArrayEquals(new Throwable[0], e.getSuppressed(), "interruptions are no failures");
        assertAllEnded(sleeper, reader, failing);
    }

    @Test
    void laterGenuineFailuresAreSuppressed() {
        IllegalStateException later = new IllegalStateException("cleanup failed");
        CountDownLatch sleeping = new CountDownLatch(1);
        Workflow wf = new Workflow("suppressing");
        var cleaner = wf.add(new Source<Integer>("cleaner", out -> {
            try {
                sleeping.countDown();
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                throw later; // not caused by the interruption, as far as anyone can tell
            }
        }));
        var failing = wf.add(new Source<Integer>("failing", out -> {
            sleeping.await();
            throw new ArithmeticException();
        }));
        cleaner.out.discard();
        failing.out.discard();

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("stream 'failing' failed: java.lang.ArithmeticException", e.getMessage());
        assertArrayEquals(new Throwable[] {later}, e.getSuppressed());
    }

    @Test
    void pushingNullIsAnErrorNamingTheStreamAndPort() {
        Workflow wf = new Workflow("nulls");
        var source = wf.add(new Source<String>("names", out -> {
            out.push("a");
            out.push(null);
        }));
        var sink = wf.add(new Sink<String>("sink"));
        source.pipe(sink);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("names", e.stream());
        NullPointerException npe = assertInstanceOf(NullPointerException.class, e.getCause());
        assertEquals("stream 'names' pushed null to output 'names.out': items must not be null", npe.getMessage());
    }

    @Test
    void aFailureStopsABusyPipelineWithoutHanging() {
        Workflow wf = new Workflow("busy", 4);
        var source = wf.add(EarlyEndTest.endless("endless", new AtomicInteger()));
        Relay<Integer, Integer> relay = wf.add(copy("relay"));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            for (int x : in) {
                if (x == 100_000) {
                    throw new IllegalStateException("enough");
                }
            }
        }));
        source.pipe(relay).pipe(sink);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("sink", e.stream());
        assertAllEnded(source, relay, sink);
    }

    @Test
    void streamsRunOnVirtualThreadsNamedAfterWorkflowAndStream() {
        AtomicReference<Thread> thread = new AtomicReference<>();
        Workflow wf = new Workflow("naming");
        var a = wf.add(new Source<Integer>("print", out -> thread.set(Thread.currentThread())));
        var b = wf.add(new Source<Integer>("print", out -> {}));
        a.out.discard();
        b.out.discard();

        wf.run();

        assertEquals("naming/print", thread.get().getName());
        assertTrue(thread.get().isVirtual());
        assertEquals("naming/print-2", b.thread.get().getName());
    }

    @Test
    void aStreamInterruptedByUserCodeFailsInsteadOfEndingSilently() {
        Workflow wf = new Workflow("self-interrupt");
        var source = wf.add(new Source<Integer>("idle", out -> Thread.sleep(Long.MAX_VALUE)));
        var reader = wf.add(new Sink<Integer>("reader", in -> {
            Thread.currentThread().interrupt();
            in.poll();
        }));
        source.pipe(reader);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("reader", e.stream());
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    }
}
