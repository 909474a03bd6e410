package io.mimo.runtime.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a run's streams from a {@link Plan}: the ends of their ports and one pipe per edge. This
 * is where each kind of port gets its kind of end, and each edge its kind of pipe: the kind of the
 * input it feeds. Into an item input goes an {@link ItemPipe} (bounded in items), whether an item
 * output or a byte output writes it (a byte output's views arrive as items); into a byte input
 * goes a {@link StreamBytePipe} (bounded in bytes), whether a byte output or an item output of
 * {@code ByteBuffer}s writes it. The workflow has checked that a byte input has exactly one pipe.
 *
 * <p>A fused edge gets no pipe: its reader, an element step, becomes a fused target of the writer's
 * item output ({@link StreamRun#feeds(StreamRun)}), called on the writer's thread, and its input's
 * end refuses to be read ({@link StreamContext#fusedInput(Plan.Port)}). When it is that output's
 * only reader, the step will replace the output's end by a {@link FusedOutput} once its handler is
 * open ({@link StreamRun#soleReaderOf}).
 */
final class Wiring {
    private Wiring() {}

    /** The streams of {@code plan}, each with the ends of its ports, joined by their pipes. */
    static StreamRun[] wire(Run run, Plan plan) {
        StreamRun[] streams = new StreamRun[plan.streams().size()];
        List<List<Object>> inputs = new ArrayList<>();
        List<List<Object>> outputs = new ArrayList<>();
        Map<Object, Plan.Port> portOf = new IdentityHashMap<>();
        for (int i = 0; i < streams.length; i++) {
            Plan.Node node = plan.streams().get(i);
            StreamRun stream = new StreamRun(run, node);
            streams[i] = stream;
            List<Object> ins = new ArrayList<>();
            for (Plan.Port port : node.inputs()) {
                String name = qualified(node, port);
                Object end = port.kind() == Plan.Kind.ITEMS
                        ? new ItemInput<>(stream, name) : new StreamByteInput(stream, name);
                ins.add(end);
                stream.context.bind(port, end);
            }
            List<Object> outs = new ArrayList<>();
            for (Plan.Port port : node.outputs()) {
                String name = qualified(node, port);
                Object end = port.kind() == Plan.Kind.ITEMS
                        ? new ItemOutput<>(stream, name, port.discarded())
                        : new StreamByteOutput(stream, name, port.discarded());
                outs.add(end);
                portOf.put(end, port);
                stream.context.bind(port, end);
                if (port.discarded()) {
                    stream.addDiscardedOutput();
                }
            }
            inputs.add(ins);
            outputs.add(outs);
        }
        Map<Object, List<ItemPipe>> itemPipesInto = new IdentityHashMap<>();
        Map<Object, List<ItemPipe>> itemPipesOutOf = new IdentityHashMap<>();
        Map<Object, List<StreamBytePipe>> bytePipesOutOf = new IdentityHashMap<>();
        Map<Object, List<StreamRun>> fusedInto = new IdentityHashMap<>();
        Map<Object, Integer> fanIn = new IdentityHashMap<>();
        Map<Object, AtomicLong> sequences = new IdentityHashMap<>();
        for (Plan.Edge edge : plan.pipes()) {
            fanIn.merge(inputs.get(edge.toStream()).get(edge.toPort()), 1, Integer::sum);
        }
        for (Plan.Edge edge : plan.pipes()) {
            Object output = outputs.get(edge.fromStream()).get(edge.fromPort());
            Object input = inputs.get(edge.toStream()).get(edge.toPort());
            StreamRun writer = streams[edge.fromStream()];
            StreamRun reader = streams[edge.toStream()];
            if (edge.fused()) {
                Plan.Node target = plan.streams().get(edge.toStream());
                if (!(output instanceof ItemOutput<?>) || target.inputs().size() != 1 || fanIn.get(input) != 1) {
                    throw new IllegalStateException("cannot fuse '" + output + "' into '" + input
                            + "': only an item output into the only input of an element step, fed by that output alone");
                }
                writer.feeds(reader);
                fusedInto.computeIfAbsent(output, k -> new ArrayList<>()).add(reader);
                reader.context.fusedInput(target.inputs().get(0));
                continue;
            }
            String name = output + " -> " + input;
            Pipe pipe;
            if (input instanceof StreamByteInput byteInput) {
                StreamBytePipe bytePipe = new StreamBytePipe(writer, reader, name, byteInput.name(), edge.capacity(),
                        plan.byteGrowthLimit());
                byteInput.readFrom(bytePipe);
                bytePipesOutOf.computeIfAbsent(output, k -> new ArrayList<>()).add(bytePipe);
                pipe = bytePipe;
            } else {
                AtomicLong sequence = fanIn.get(input) > 1 ? sequences.computeIfAbsent(input, k -> new AtomicLong()) : null;
                ItemPipe itemPipe = new ItemPipe(writer, reader, name, edge.capacity(), plan.growthLimit(), sequence);
                itemPipesOutOf.computeIfAbsent(output, k -> new ArrayList<>()).add(itemPipe);
                itemPipesInto.computeIfAbsent(input, k -> new ArrayList<>()).add(itemPipe);
                pipe = itemPipe;
            }
            writer.writesTo(pipe);
            reader.readsFrom(pipe);
        }
        for (List<Object> outs : outputs) {
            for (Object output : outs) {
                ItemPipe[] itemPipes = itemPipesOutOf.getOrDefault(output, List.of()).toArray(ItemPipe[]::new);
                StreamBytePipe[] bytePipes = bytePipesOutOf.getOrDefault(output, List.of())
                        .toArray(StreamBytePipe[]::new);
                if (output instanceof ItemOutput<?> itemOutput) {
                    StreamRun[] fused = fusedInto.getOrDefault(output, List.of()).toArray(StreamRun[]::new);
                    itemOutput.writeTo(itemPipes, bytePipes, fused);
                    if (fused.length == 1 && itemPipes.length == 0 && bytePipes.length == 0) {
                        fused[0].soleReaderOf(portOf.get(output), itemOutput);
                    }
                } else {
                    ((StreamByteOutput) output).writeTo(bytePipes, itemPipes);
                }
            }
        }
        itemPipesInto.forEach((input, pipes) -> ((ItemInput<?>) input).readFrom(pipes.toArray(ItemPipe[]::new)));
        for (StreamRun stream : streams) {
            if (stream.fused()) {
                stream.fuse(streams.length);
            }
        }
        return streams;
    }

    private static String qualified(Plan.Node node, Plan.Port port) {
        return node.name() + "." + port.name();
    }
}
