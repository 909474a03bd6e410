package io.mimo.micrometer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mimo.runtime.Context;
import io.mimo.runtime.InPort;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Step;
import io.mimo.runtime.Workflow;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link MimoMetrics} against Micrometer's {@link SimpleMeterRegistry}. */
@Timeout(60)
class MimoMetricsTest {

    static final class Range extends Step {
        final OutPort<Integer> out = output("out");
        private final int count;

        Range(int count) {
            super("range");
            this.count = count;
        }

        @Override
        protected void run(Context context) {
            for (int i = 0; i < count; i++) {
                context.output(out).push(i);
            }
        }
    }

    /** Takes every item, sleeping {@code millis} per item: its pipe fills and it is busy. */
    static final class Slow extends Step {
        final InPort<Integer> in = input("in");
        private final long millis;

        Slow(long millis) {
            super("slow");
            this.millis = millis;
        }

        @Override
        protected void run(Context context) throws InterruptedException {
            for (Integer ignored : context.input(in)) {
                Thread.sleep(millis);
            }
        }
    }

    private static Workflow workflow(int items, long millis, MimoMetrics metrics) {
        Workflow wf = new Workflow("metered", 8).listener(metrics).snapshotEvery(Duration.ofMillis(10));
        var range = wf.add(new Range(items));
        var slow = wf.add(new Slow(millis));
        range.out.pipe(slow.in);
        return wf;
    }

    @Test
    void afterARunEveryMeterHoldsTheRunsExactNumbers() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        workflow(1000, 0, MimoMetrics.of(registry)).run();

        FunctionCounter crossed = registry.get("mimo.pipe.crossed")
                .tags("workflow", "metered", "pipe", "range.out -> slow.in", "unit", "items")
                .functionCounter();
        assertEquals(1000, crossed.count());
        assertEquals(
                1000,
                registry.get("mimo.stream.items.out")
                        .tags("stream", "range", "port", "range.out")
                        .functionCounter()
                        .count());
        assertEquals(
                1000,
                registry.get("mimo.stream.items.in")
                        .tags("stream", "slow", "port", "slow.in")
                        .functionCounter()
                        .count());
        assertEquals(0, registry.get("mimo.pipe.fill").gauge().value());
        assertEquals(8, registry.get("mimo.pipe.capacity").gauge().value());
        FunctionCounter busy =
                registry.get("mimo.stream.busy").tags("stream", "slow").functionCounter();
        assertEquals("seconds", busy.getId().getBaseUnit());
        assertTrue(busy.count() > 0);
    }

    @Test
    void whileARunGoesOnTheMetersFollowItsSnapshots() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        var run = workflow(40, 5, MimoMetrics.of(registry)).start();
        // The slow reader keeps its pipe full: the fill gauge shows it within a few snapshots.
        Gauge fill = null;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            fill = registry.find("mimo.pipe.fill").gauge();
            if (fill != null && fill.value() >= 4) {
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(fill != null && fill.value() >= 4, "the pipe of 8 fills up");
        double waited = registry.get("mimo.stream.wait.room")
                .tags("stream", "range")
                .functionCounter()
                .count();
        run.await();
        assertEquals(40, registry.get("mimo.pipe.crossed").functionCounter().count());
        assertTrue(registry.get("mimo.stream.wait.room")
                        .tags("stream", "range")
                        .functionCounter()
                        .count()
                >= waited);
    }

    @Test
    void aNewRunOfTheWorkflowReplacesTheMetersOfTheLast() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MimoMetrics metrics = MimoMetrics.of(registry);
        workflow(100, 0, metrics).run();
        workflow(30, 0, metrics).run();

        assertEquals(1, registry.find("mimo.pipe.crossed").functionCounters().size());
        assertEquals(30, registry.get("mimo.pipe.crossed").functionCounter().count());
    }
}
