package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Sink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The JDK Flight Recorder events of a run: category {@code mimo}, names {@code io.mimo.*}. */
@Timeout(60)
class FlightRecorderTest {
    @TempDir
    Path dir;

    /** Runs {@code run} under a recording of every mimo event (waits from 1 ms) and returns what it recorded. */
    private List<RecordedEvent> recorded(Runnable run) throws Exception {
        try (Recording recording = new Recording()) {
            recording.enable("io.mimo.PipeWait").withThreshold(Duration.ofMillis(1));
            recording.enable("io.mimo.PipeStatistics").withPeriod(Duration.ofMillis(50));
            for (String name : List.of("PipeGrow", "StreamFailed", "Deadlock", "WorkflowRun")) {
                recording.enable("io.mimo." + name);
            }
            recording.start();
            run.run();
            recording.stop();
            Path file = dir.resolve("run.jfr");
            recording.dump(file);
            List<RecordedEvent> events = RecordingFile.readAllEvents(file);
            Files.delete(file);
            return events;
        }
    }

    private static List<RecordedEvent> named(List<RecordedEvent> events, String name) {
        return events.stream()
                .filter(e -> e.getEventType().getName().equals(name))
                .toList();
    }

    @Test
    void aSlowReaderShowsAsWaitsForRoomAndTheRunAsOneEvent() throws Exception {
        List<RecordedEvent> events = recorded(() -> {
            Workflow wf = new Workflow("slow", 4);
            var source = wf.add(range("source", 0, 40));
            var sink = wf.add(new Sink<Integer>("sink", in -> {
                for (Integer ignored : in) {
                    Thread.sleep(5);
                }
            }));
            source.pipe(sink);
            wf.run();
        });

        List<RecordedEvent> waits = named(events, "io.mimo.PipeWait");
        assertFalse(waits.isEmpty(), "the source waited for room");
        RecordedEvent wait = waits.stream()
                .filter(e -> e.getString("direction").equals("room"))
                .findFirst()
                .orElseThrow();
        assertEquals("slow", wait.getString("workflow"));
        assertEquals("source", wait.getString("stream"));
        assertEquals("source.out -> sink.in", wait.getString("pipe"));
        assertEquals(4, wait.getLong("capacity"));
        assertTrue(wait.getDuration().toMillis() >= 1);
        assertEquals("mimo", wait.getEventType().getCategoryNames().get(0));

        List<RecordedEvent> runs = named(events, "io.mimo.WorkflowRun");
        assertEquals(1, runs.size());
        assertEquals("slow", runs.get(0).getString("workflow"));
        assertEquals("succeeded", runs.get(0).getString("outcome"));
        assertEquals(2, runs.get(0).getInt("threads"));
        assertTrue(runs.get(0).getDuration().toMillis() >= 40 * 5 - 4 * 5);

        assertFalse(named(events, "io.mimo.PipeStatistics").isEmpty(), "statistics every 50 ms while it ran");
    }

    @Test
    void aDiamondThatGrowsAPipeRecordsTheGrowth() throws Exception {
        List<RecordedEvent> events = recorded(() -> {
            Workflow wf = new Workflow("diamond", 4);
            var source = wf.add(range("source", 0, 100));
            var join = wf.add(new Join<Integer, Integer, Integer>("join", (a, b, out) -> {
                for (Integer ignored : b) {}
                for (Integer ignored : a) {}
            }));
            source.out.pipe(join.left);
            source.out.pipe(join.right);
            join.out.discard();
            wf.run();
        });

        List<RecordedEvent> growths = named(events, "io.mimo.PipeGrow");
        assertFalse(growths.isEmpty());
        for (RecordedEvent growth : growths) {
            assertEquals("diamond", growth.getString("workflow"));
            assertEquals("source.out -> join.left", growth.getString("pipe"));
            assertEquals("items", growth.getString("unit"));
            assertEquals(2 * growth.getLong("from"), growth.getLong("to"), "a growth doubles");
        }
        assertTrue(growths.stream().anyMatch(g -> g.getLong("from") == 4), "the first growth, from the capacity of 4");
    }

    @Test
    void aFailureAndADeadlockAreRecorded() throws Exception {
        List<RecordedEvent> events = recorded(() -> {
            Workflow failing = new Workflow("failing");
            failing.add(range("source", 0, 10)).pipe(failing.add(new Sink<Integer>("sink", in -> {
                throw new IllegalStateException("boom");
            })));
            assertThrows(WorkflowException.class, failing::run);

            Workflow cycle = new Workflow("cycle");
            var a = cycle.add(TestSteps.copy("a"));
            var b = cycle.add(TestSteps.copy("b"));
            a.pipe(b).pipe(a);
            assertThrows(WorkflowException.class, cycle::run);
        });

        RecordedEvent failed = named(events, "io.mimo.StreamFailed").get(0);
        assertEquals("failing", failed.getString("workflow"));
        assertEquals("sink", failed.getString("stream"));
        assertEquals(IllegalStateException.class.getName(), failed.getString("exception"));
        assertEquals("boom", failed.getString("message"));
        assertTrue(failed.getBoolean("first"));

        RecordedEvent deadlock = named(events, "io.mimo.Deadlock").get(0);
        assertEquals("cycle", deadlock.getString("workflow"));
        assertTrue(deadlock.getString("message").startsWith("deadlock in workflow 'cycle'"));

        List<String> outcomes = named(events, "io.mimo.WorkflowRun").stream()
                .map(e -> e.getString("workflow") + ": " + e.getString("outcome"))
                .toList();
        assertTrue(outcomes.contains("failing: stream 'sink' failed: boom"), outcomes::toString);
    }
}
