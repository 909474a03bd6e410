package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.copy;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.FusionTest.Collect;
import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link Workflow#listener}: what listeners hear, on which thread, and that they cannot break a run. */
@Timeout(60)
class WorkflowListenerTest {

    /** Writes down every call, with the thread that made it. */
    static class Recorder implements WorkflowListener {
        final List<String> calls = Collections.synchronizedList(new ArrayList<>());
        final Set<Thread> threads = ConcurrentHashMap.newKeySet();
        final List<WorkflowSnapshot> snapshots = Collections.synchronizedList(new ArrayList<>());
        volatile WorkflowSnapshot last;

        private void call(String what) {
            threads.add(Thread.currentThread());
            calls.add(what);
        }

        @Override
        public void started(WorkflowSnapshot snapshot) {
            call("started " + snapshot.streams().size());
        }

        @Override
        public void streamEnded(String stream) {
            call("ended " + stream);
        }

        @Override
        public void streamFailed(String stream, Throwable failure) {
            call("failed " + stream + ": " + failure.getMessage());
        }

        @Override
        public void pipeGrew(String pipe, long from, long to) {
            call("grew " + pipe + " " + from + " -> " + to);
        }

        @Override
        public void stalled(String message, WorkflowSnapshot snapshot) {
            call("stalled " + message);
        }

        @Override
        public void deadlocked(String message) {
            call("deadlocked " + message);
        }

        @Override
        public void snapshot(WorkflowSnapshot snapshot) {
            threads.add(Thread.currentThread());
            snapshots.add(snapshot);
        }

        @Override
        public void ended(WorkflowSnapshot snapshot) {
            last = snapshot;
            call("run ended");
        }
    }

    @Test
    void aListenerHearsTheStartEveryStreamsEndSnapshotsAndTheEndOnTheWatchersThread() {
        Recorder recorder = new Recorder();
        Workflow wf = new Workflow("heard", 4).listener(recorder).snapshotEvery(Duration.ofMillis(10));
        var source = wf.add(range("source", 0, 100));
        var square = wf.add(FusionTest.map("square", (Integer x) -> x * x));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            for (Integer ignored : in) {
                Thread.sleep(1);
            }
        }));
        source.pipe(square).pipe(sink);

        wf.run();

        List<String> calls = List.copyOf(recorder.calls);
        assertEquals("started 3", calls.get(0), calls::toString);
        assertEquals("run ended", calls.get(calls.size() - 1), calls::toString);
        assertEquals(Set.of("ended source", "ended square", "ended sink"), Set.copyOf(calls.subList(1, 4)));
        assertTrue(calls.indexOf("ended square") < calls.indexOf("ended source"), "fused steps end before their host");
        assertEquals(5, calls.size(), calls::toString);
        assertTrue(recorder.snapshots.size() >= 3, "a snapshot every 10 ms of a run of 100 ms or more");
        assertTrue(recorder.last.done());
        assertTrue(wf.counting(), "a listener turns counting on");
        assertEquals(100, recorder.last.streams().get(1).inputs().get(0).count(), "fused items counted");
        assertEquals(1, recorder.threads.size());
        Thread watcher = recorder.threads.iterator().next();
        assertEquals("heard/watch", watcher.getName());
        assertTrue(watcher.isVirtual());
        assertFalse(watcher.isAlive(), "the watcher ends with the run");
    }

    @Test
    void aListenerHearsAFailureAGrowthAndADeadlock() {
        Recorder failing = new Recorder();
        Workflow wf = new Workflow("failing").listener(failing);
        var source = wf.add(range("source", 0, 10));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            throw new IllegalStateException("boom");
        }));
        source.pipe(sink);
        assertThrows(WorkflowException.class, wf::run);
        assertTrue(failing.calls.contains("failed sink: boom"), failing.calls::toString);
        assertFalse(failing.calls.contains("ended sink"), "a failed stream is heard as failed only");

        Recorder cycle = new Recorder();
        Workflow deadlocked = new Workflow("cycle").listener(cycle);
        Relay<Integer, Integer> a = deadlocked.add(copy("a"));
        Relay<Integer, Integer> b = deadlocked.add(copy("b"));
        a.pipe(b).pipe(a);
        WorkflowException e = assertThrows(WorkflowException.class, deadlocked::run);
        assertTrue(cycle.calls.contains("deadlocked " + e.getMessage()), cycle.calls::toString);

        Recorder grown = new Recorder();
        Workflow diamond = WorkflowSnapshotTest.growingDiamond().listener(grown);
        diamond.run();
        assertTrue(grown.calls.stream().anyMatch(c -> c.matches("grew .* 4 -> 8")), grown.calls::toString);
    }

    @Test
    void whatAListenerThrowsIsLoggedAndTheRunGoesOn() {
        Recorder recorder = new Recorder();
        WorkflowListener throwing = new WorkflowListener() {
            @Override
            public void started(WorkflowSnapshot snapshot) {
                throw new IllegalStateException("listener broken");
            }

            @Override
            public void streamEnded(String stream) {
                throw new IllegalStateException("listener broken");
            }

            @Override
            public void ended(WorkflowSnapshot snapshot) {
                throw new IllegalStateException("listener broken");
            }
        };
        Workflow wf = new Workflow("robust").listener(throwing).listener(recorder);
        var source = wf.add(range("source", 0, 1000));
        var sink = wf.add(new Collect<Integer>("sink"));
        source.pipe(sink);

        wf.run();

        assertEquals(1000, sink.items.size());
        assertEquals("started 2", recorder.calls.get(0), "the next listener is still called");
        assertEquals("run ended", recorder.calls.get(recorder.calls.size() - 1));
    }

    @Test
    void aListenerThatAwaitsItsOwnRunIsRefused() {
        List<Throwable> refused = Collections.synchronizedList(new ArrayList<>());
        Execution[] run = new Execution[1];
        Workflow wf = new Workflow("self").listener(new WorkflowListener() {
            @Override
            public void streamEnded(String stream) {
                Execution self;
                synchronized (run) {
                    self = run[0];
                }
                try {
                    self.await();
                } catch (IllegalStateException e) {
                    refused.add(e);
                }
            }
        });
        var source = wf.add(range("source", 0, 10));
        var sink = wf.add(new Collect<Integer>("sink"));
        source.pipe(sink);
        synchronized (run) {
            run[0] = wf.start();
        }
        run[0].await();

        assertEquals(2, refused.size());
        assertTrue(refused.get(0).getMessage().startsWith("a listener of workflow 'self' awaits its run"));
    }

    @Test
    void periodsAndTimeoutsMustBePositive() {
        Workflow wf = new Workflow("w");
        IllegalArgumentException zero =
                assertThrows(IllegalArgumentException.class, () -> wf.stallTimeout(Duration.ZERO));
        assertEquals("the stall timeout of workflow 'w' must be a positive duration, got PT0S", zero.getMessage());
        assertThrows(IllegalArgumentException.class, () -> wf.stallTimeout(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> wf.snapshotEvery(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> wf.listener(null));
        assertEquals(Workflow.DEFAULT_STALL_TIMEOUT, wf.stallTimeout());
        assertEquals(Duration.ofSeconds(30), wf.stallTimeout());
        assertEquals(Duration.ofSeconds(1), wf.snapshotEvery());
    }
}
