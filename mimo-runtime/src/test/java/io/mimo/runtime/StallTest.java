package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.FusionTest.Collect;
import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.WorkflowListenerTest.Recorder;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link Workflow#stallTimeout}: a run that waits outside mimo is reported once per stall, and is no deadlock. */
@Timeout(60)
class StallTest {
    @TempDir
    Path dir;

    /** source → 'blocked' (waits on {@code latch} at its fifth item) → sink, stalling after 100 ms. */
    private static Workflow blockedOn(CountDownLatch latch, Collect<Integer> sink) {
        Workflow wf = new Workflow("stalls", 4).stallTimeout(Duration.ofMillis(100));
        var source = wf.add(range("source", 0, 20));
        var blocked = wf.add(new Relay<Integer, Integer>("blocked", (in, out) -> {
            for (Integer item : in) {
                if (item == 5) {
                    latch.await();
                }
                out.push(item);
            }
        }));
        source.pipe(blocked).pipe(wf.add(sink));
        return wf;
    }

    @Test
    void aStreamBlockedOnAnOutsideLatchIsOneStallAndNoDeadlockAndTheRunEndsWhenItOpens() throws Exception {
        CountDownLatch latch = new CountDownLatch(1);
        CountDownLatch stalled = new CountDownLatch(1);
        Recorder recorder = new Recorder() {
            @Override
            public void stalled(String message, WorkflowSnapshot snapshot) {
                super.stalled(message, snapshot);
                stalled.countDown();
            }
        };
        Collect<Integer> sink = new Collect<>("sink");
        Workflow wf = blockedOn(latch, sink).listener(recorder);
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable("io.mimo.Stall");
            recording.start();
            Execution run = wf.start();
            assertTrue(stalled.await(30, TimeUnit.SECONDS), "a stall is heard");
            // Four more timeouts of silence: still one stall.
            Thread.sleep(400);
            latch.countDown();
            run.await();
            recording.stop();
            Path file = dir.resolve("stall.jfr");
            recording.dump(file);
            events = RecordingFile.readAllEvents(file);
        }

        assertEquals(20, sink.items.size(), "the run completes when the latch opens");
        List<String> stalls =
                recorder.calls.stream().filter(c -> c.startsWith("stalled ")).toList();
        assertEquals(1, stalls.size(), recorder.calls::toString);
        assertFalse(recorder.calls.stream().anyMatch(c -> c.startsWith("deadlocked")));
        String message = stalls.get(0).substring("stalled ".length());
        assertTrue(message.startsWith("stall in workflow 'stalls': nothing has crossed a pipe for 0."), message);
        assertTrue(
                message.contains("'blocked' waits outside mimo (WAITING) in java.util.concurrent.CountDownLatch.await,"
                        + " called from io.mimo.runtime.StallTest.lambda$blockedOn$0(StallTest.java:"),
                message);
        assertTrue(message.contains("'source' waits for room on 'source.out -> blocked.in'"), message);
        assertTrue(message.endsWith("If a stream may rightly wait that long, raise Workflow.stallTimeout"), message);
        RecordedEvent event = events.stream()
                .filter(e -> e.getEventType().getName().equals("io.mimo.Stall"))
                .findFirst()
                .orElseThrow();
        assertEquals("stalls", event.getString("workflow"));
        assertEquals(message, event.getString("message"));
        assertTrue(event.getDuration("stalledFor").toMillis() >= 100);
    }

    @Test
    void withNoListenerAStallIsLoggedOnce() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        // java.util.logging, System.Logger's backend in this JVM, through reflection: the runtime's
        // module, which these tests are compiled into, does not read java.logging.
        Class<?> loggers = Class.forName("java.util.logging.Logger");
        Class<?> handlers = Class.forName("java.util.logging.Handler");
        Object logger = loggers.getMethod("getLogger", String.class).invoke(null, "io.mimo.runtime");
        Object handler = Class.forName("java.util.logging.StreamHandler")
                .getConstructor(OutputStream.class, Class.forName("java.util.logging.Formatter"))
                .newInstance(
                        log,
                        Class.forName("java.util.logging.SimpleFormatter")
                                .getConstructor()
                                .newInstance());
        loggers.getMethod("addHandler", handlers).invoke(logger, handler);
        try {
            CountDownLatch latch = new CountDownLatch(1);
            Collect<Integer> sink = new Collect<>("sink");
            Execution run = blockedOn(latch, sink).start();
            Thread.sleep(600);
            latch.countDown();
            run.await();
            assertEquals(20, sink.items.size());
        } finally {
            loggers.getMethod("removeHandler", handlers).invoke(logger, handler);
            handlers.getMethod("flush").invoke(handler);
        }
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("WARNING: stall in workflow 'stalls': nothing has crossed a pipe"), logged);
        assertEquals(1, logged.split("stall in workflow", -1).length - 1, logged);
    }

    @Test
    void aStreamThatWorksWithoutCrossingAPipeIsNoStall() {
        Recorder recorder = new Recorder();
        Workflow wf = new Workflow("busy").stallTimeout(Duration.ofMillis(50)).listener(recorder);
        var source = wf.add(range("source", 0, 3));
        var busy = wf.add(new Relay<Integer, Integer>("busy", (in, out) -> {
            for (Integer item : in) {
                long until = System.nanoTime() + 150_000_000L;
                long spin = 0;
                while (System.nanoTime() < until) {
                    spin++;
                }
                out.push(item + (int) (spin & 0));
            }
        }));
        var sink = wf.add(new Collect<Integer>("sink"));
        source.pipe(busy).pipe(sink);

        wf.run();

        assertFalse(recorder.calls.stream().anyMatch(c -> c.startsWith("stalled")), recorder.calls::toString);
    }
}
