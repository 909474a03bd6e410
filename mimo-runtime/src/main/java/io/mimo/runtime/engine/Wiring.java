package io.mimo.runtime.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds a run's streams from a {@link Plan}: the ends of their ports and one pipe per edge. This
 * is where each kind of port gets its kind of pipe: item ports get {@link ItemPipe}s; byte ports
 * get no end yet, so {@link StreamContext} refuses them.
 */
final class Wiring {
    private Wiring() {}

    /** The streams of {@code plan}, each with the ends of its ports, joined by their pipes. */
    static StreamRun[] wire(Run run, Plan plan) {
        StreamRun[] streams = new StreamRun[plan.streams().size()];
        List<List<ItemInput<?>>> inputs = new ArrayList<>();
        List<List<ItemOutput<?>>> outputs = new ArrayList<>();
        for (int i = 0; i < streams.length; i++) {
            Plan.Node node = plan.streams().get(i);
            StreamRun stream = new StreamRun(run, node);
            streams[i] = stream;
            List<ItemInput<?>> ins = new ArrayList<>();
            for (Plan.Port port : node.inputs()) {
                // Byte ports get no end yet: Context.byteInput refuses them.
                ItemInput<?> end = port.kind() == Plan.Kind.ITEMS ? new ItemInput<>(stream, qualified(node, port)) : null;
                ins.add(end);
                if (end != null) {
                    stream.context.bind(port, end);
                }
            }
            List<ItemOutput<?>> outs = new ArrayList<>();
            for (Plan.Port port : node.outputs()) {
                ItemOutput<?> end = port.kind() == Plan.Kind.ITEMS
                        ? new ItemOutput<>(stream, qualified(node, port), port.discarded()) : null;
                outs.add(end);
                if (end != null) {
                    stream.context.bind(port, end);
                }
                if (port.discarded()) {
                    stream.addDiscardedOutput();
                }
            }
            inputs.add(ins);
            outputs.add(outs);
        }
        Map<ItemInput<?>, List<ItemPipe>> into = new IdentityHashMap<>();
        Map<ItemOutput<?>, List<ItemPipe>> outOf = new IdentityHashMap<>();
        Map<ItemInput<?>, AtomicLong> sequences = new IdentityHashMap<>();
        Map<ItemInput<?>, Integer> fanIn = new IdentityHashMap<>();
        for (Plan.Edge edge : plan.pipes()) {
            ItemInput<?> input = inputs.get(edge.toStream()).get(edge.toPort());
            if (input != null) {
                fanIn.merge(input, 1, Integer::sum);
            }
        }
        for (Plan.Edge edge : plan.pipes()) {
            ItemOutput<?> output = outputs.get(edge.fromStream()).get(edge.fromPort());
            ItemInput<?> input = inputs.get(edge.toStream()).get(edge.toPort());
            if (output == null || input == null) {
                continue; // a byte pipe: not wired yet (the plan never mixes kinds)
            }
            AtomicLong sequence = fanIn.get(input) > 1 ? sequences.computeIfAbsent(input, k -> new AtomicLong()) : null;
            StreamRun writer = streams[edge.fromStream()];
            StreamRun reader = streams[edge.toStream()];
            ItemPipe pipe = new ItemPipe(writer, reader, output.name() + " -> " + input.name(), edge.capacity(), sequence);
            writer.writesTo(pipe);
            reader.readsFrom(pipe);
            outOf.computeIfAbsent(output, k -> new ArrayList<>()).add(pipe);
            into.computeIfAbsent(input, k -> new ArrayList<>()).add(pipe);
        }
        outOf.forEach((output, pipes) -> output.writeTo(pipes.toArray(ItemPipe[]::new)));
        into.forEach((input, pipes) -> input.readFrom(pipes.toArray(ItemPipe[]::new)));
        return streams;
    }

    private static String qualified(Plan.Node node, Plan.Port port) {
        return node.name() + "." + port.name();
    }
}
