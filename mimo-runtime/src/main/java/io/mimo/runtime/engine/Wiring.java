package io.mimo.runtime.engine;

import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a run's streams from a graph and its {@link Fusion} decision: one pipe per pipe of the
 * graph, of the kind of the input it feeds. Into an item input goes an {@link ItemPipe} (bounded
 * in items), whether an item output or a byte output writes it (a byte output's views arrive as
 * items); into a byte input goes a {@link ByteInputPipe} (bounded in bytes), whether a byte output
 * or an item output of {@code ByteBuffer}s writes it.
 *
 * <p>A fused pipe gets no pipe: its reader, a {@link FusedStep}, becomes a fused target of the
 * writer's item output, called on the writer's thread, and its input's end refuses to be read.
 * When it is that output's only reader, the step replaces the output's end by a
 * {@link FusedOutputEnd} once its handler is open ({@link FusedStep#soleReaderOf}).
 */
final class Wiring {
    private Wiring() {}

    /** The streams of {@code graph}, by step index, each with the ends of its ports, joined by their pipes. */
    static RunningStream[] wire(Scheduler scheduler, WorkflowGraph graph, Fusion fusion) {
        List<StepView> steps = graph.steps();
        RunningStream[] streams = new RunningStream[steps.size()];
        for (StepView step : steps) {
            streams[step.index()] = fusion.feed(step.index()) != null
                    ? new FusedStep(scheduler, (ElementStepView) step)
                    : new ThreadedStream(scheduler, step);
            for (PortView output : step.outputs()) {
                if (output.discarded()) {
                    streams[step.index()].addDiscardedOutput();
                }
            }
        }
        Map<PortView, Integer> fanIn = new HashMap<>();
        for (PipeView pipe : graph.pipes()) {
            fanIn.merge(pipe.to(), 1, Integer::sum);
        }
        IdentityHashMap<ItemInputEnd<?>, List<ItemPipe>> itemPipesInto = new IdentityHashMap<>();
        IdentityHashMap<ItemInputEnd<?>, AtomicLong> sequences = new IdentityHashMap<>();
        Map<PortView, Targets> targets = new HashMap<>();
        for (PipeView pipe : graph.pipes()) {
            RunningStream writer = streams[pipe.from().step()];
            RunningStream reader = streams[pipe.to().step()];
            Targets out = targets.computeIfAbsent(pipe.from(), k -> new Targets());
            if (fusion.fused(pipe)) {
                FusedStep step = (FusedStep) reader;
                step.fedBy(writer);
                step.ends.fuseInput();
                out.fused.add(step);
                continue;
            }
            String name = pipe.toString();
            Pipe made;
            if (pipe.to().bytes()) {
                ByteInputPipe bytePipe = new ByteInputPipe(
                        writer, reader, name, pipe.to().toString(), pipe.capacity(), graph.byteGrowthLimit());
                reader.ends.byteInputEnd(pipe.to().index()).readFrom(bytePipe);
                out.bytePipes.add(bytePipe);
                made = bytePipe;
            } else {
                ItemInputEnd<?> input = reader.ends.itemInputEnd(pipe.to().index());
                AtomicLong sequence =
                        fanIn.get(pipe.to()) > 1 ? sequences.computeIfAbsent(input, k -> new AtomicLong()) : null;
                ItemPipe itemPipe = new ItemPipe(writer, reader, name, pipe.capacity(), graph.growthLimit(), sequence);
                itemPipesInto.computeIfAbsent(input, k -> new ArrayList<>()).add(itemPipe);
                out.itemPipes.add(itemPipe);
                made = itemPipe;
            }
            made.view = pipe;
            writer.writesTo(made);
            reader.readsFrom(made);
        }
        for (StepView step : steps) {
            RunningStream writer = streams[step.index()];
            for (PortView output : step.outputs()) {
                Targets out = targets.getOrDefault(output, new Targets());
                ItemPipe[] itemPipes = out.itemPipes.toArray(ItemPipe[]::new);
                ByteInputPipe[] bytePipes = out.bytePipes.toArray(ByteInputPipe[]::new);
                if (output.bytes()) {
                    writer.ends.byteOutputEnd(output.index()).writeTo(bytePipes, itemPipes);
                    continue;
                }
                ItemOutputEnd<?> end = writer.ends.itemOutputEnd(output.index());
                FusedStep[] fused = out.fused.toArray(FusedStep[]::new);
                end.writeTo(itemPipes, bytePipes, fused);
                if (fused.length == 1 && itemPipes.length == 0 && bytePipes.length == 0) {
                    fused[0].soleReaderOf(output.index(), end);
                }
            }
        }
        itemPipesInto.forEach((input, pipes) -> input.readFrom(pipes.toArray(ItemPipe[]::new)));
        for (RunningStream stream : streams) {
            if (stream instanceof FusedStep step) {
                step.joinHost();
            }
        }
        return streams;
    }

    /** What one output writes to: its pipes of each kind and the fused steps it calls. */
    private static final class Targets {
        final List<ItemPipe> itemPipes = new ArrayList<>();
        final List<ByteInputPipe> bytePipes = new ArrayList<>();
        final List<FusedStep> fused = new ArrayList<>();
    }
}
