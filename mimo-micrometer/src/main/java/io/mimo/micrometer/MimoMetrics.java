package io.mimo.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowListener;
import io.mimo.runtime.WorkflowSnapshot;
import io.mimo.runtime.WorkflowSnapshot.PipeSnapshot;
import io.mimo.runtime.WorkflowSnapshot.PortCount;
import io.mimo.runtime.WorkflowSnapshot.StreamSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToDoubleFunction;

/**
 * Binds the numbers of a workflow's runs to a Micrometer {@link MeterRegistry}, as Reactor's
 * {@code micrometer} module does for a Flux: {@code wf.listener(MimoMetrics.of(registry))}. Each run
 * registers, tagged {@code workflow}:
 *
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>kind</th><th>more tags</th><th>what</th></tr>
 *   <tr><td>{@code mimo.pipe.fill}</td><td>gauge</td><td>{@code pipe}, {@code unit}</td>
 *       <td>items (or bytes) a pipe holds</td></tr>
 *   <tr><td>{@code mimo.pipe.capacity}</td><td>gauge</td><td>{@code pipe}, {@code unit}</td>
 *       <td>what it holds when full, after any growth</td></tr>
 *   <tr><td>{@code mimo.pipe.crossed}</td><td>function counter</td><td>{@code pipe}, {@code unit}</td>
 *       <td>what its reader took</td></tr>
 *   <tr><td>{@code mimo.stream.items.in}, {@code mimo.stream.items.out}</td><td>function counter</td>
 *       <td>{@code stream}, {@code port}, {@code unit}</td><td>what a stream took from an input, pushed to
 *       an output</td></tr>
 *   <tr><td>{@code mimo.stream.busy}, {@code mimo.stream.wait.items}, {@code mimo.stream.wait.room}</td>
 *       <td>function counter, seconds</td><td>{@code stream}</td><td>time its thread was busy, and time
 *       it waited for items and for room</td></tr>
 * </table>
 *
 * <p>The meters read the run's latest {@linkplain WorkflowListener#snapshot snapshot}, so they lag by at
 * most the workflow's {@link Workflow#snapshotEvery(Duration) snapshot period} (a second by
 * default), and hold the exact final numbers once the run has ended; they stay registered. A new run
 * of a workflow of the same name replaces the meters of the last one. A workflow with this listener
 * counts the items of fused pipes too ({@link Workflow#counting()}). Streams of one name (the copies
 * of a parallel step) are told apart by an {@code index} tag, their place in the run.
 */
public final class MimoMetrics implements WorkflowListener {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();
    /** Written by the run's watcher thread, read by whoever scrapes the registry. */
    private volatile WorkflowSnapshot latest;

    private MimoMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A listener that binds each run of the workflows it is added to to {@code registry}. */
    public static MimoMetrics of(MeterRegistry registry) {
        return new MimoMetrics(
                Objects.requireNonNull(registry, "MimoMetrics needs a MeterRegistry to publish to, not null"));
    }

    @Override
    public void started(WorkflowSnapshot snapshot) {
        latest = snapshot;
        meters.forEach(registry::remove);
        meters.clear();
        Tags workflow = Tags.of("workflow", snapshot.workflow());
        List<PipeSnapshot> pipes = snapshot.pipes();
        for (int i = 0; i < pipes.size(); i++) {
            int index = i;
            PipeSnapshot pipe = pipes.get(i);
            Tags tags = workflow.and("pipe", pipe.name(), "unit", pipe.unit());
            gauge(
                    "mimo.pipe.fill",
                    "items (or bytes) the pipe holds",
                    tags,
                    s -> s.pipes().get(index).fill());
            gauge(
                    "mimo.pipe.capacity",
                    "what the pipe holds when full",
                    tags,
                    s -> s.pipes().get(index).capacity());
            counter(
                    "mimo.pipe.crossed",
                    "what the pipe's reader took",
                    tags,
                    null,
                    s -> s.pipes().get(index).crossed());
        }
        for (StreamSnapshot stream : snapshot.streams()) {
            int index = stream.index();
            Tags tags = workflow.and("stream", stream.name(), "index", String.valueOf(index));
            ports("mimo.stream.items.in", "what the stream took from the input", tags, stream.inputs(), index, true);
            ports(
                    "mimo.stream.items.out",
                    "what the stream pushed to the output",
                    tags,
                    stream.outputs(),
                    index,
                    false);
            counter(
                    "mimo.stream.busy",
                    "time the stream's thread was busy",
                    tags,
                    "seconds",
                    s -> seconds(s.streams().get(index).busy()));
            counter(
                    "mimo.stream.wait.items",
                    "time the stream waited for items",
                    tags,
                    "seconds",
                    s -> seconds(s.streams().get(index).waitingForItems()));
            counter(
                    "mimo.stream.wait.room",
                    "time the stream waited for room",
                    tags,
                    "seconds",
                    s -> seconds(s.streams().get(index).waitingForRoom()));
        }
    }

    private void ports(String name, String description, Tags stream, List<PortCount> ports, int index, boolean in) {
        for (int p = 0; p < ports.size(); p++) {
            int port = p;
            PortCount count = ports.get(p);
            counter(name, description, stream.and("port", count.port(), "unit", count.unit()), null, s -> {
                StreamSnapshot now = s.streams().get(index);
                return (in ? now.inputs() : now.outputs()).get(port).count();
            });
        }
    }

    private void gauge(String name, String description, Tags tags, ToDoubleFunction<WorkflowSnapshot> value) {
        meters.add(Gauge.builder(name, this, m -> value.applyAsDouble(m.latest))
                .description(description)
                .tags(tags)
                .register(registry));
    }

    /** A count of the snapshot; one the run does not keep (-1) reads as NaN, which Micrometer skips. */
    private void counter(
            String name, String description, Tags tags, String unit, ToDoubleFunction<WorkflowSnapshot> value) {
        meters.add(FunctionCounter.builder(name, this, m -> {
                    double v = value.applyAsDouble(m.latest);
                    return v < 0 ? Double.NaN : v;
                })
                .description(description)
                .tags(tags)
                .baseUnit(unit)
                .register(registry));
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    @Override
    public void snapshot(WorkflowSnapshot snapshot) {
        latest = snapshot;
    }

    @Override
    public void ended(WorkflowSnapshot snapshot) {
        latest = snapshot;
    }

    @Override
    public String toString() {
        return "MimoMetrics(" + registry.getClass().getSimpleName() + ")";
    }
}
