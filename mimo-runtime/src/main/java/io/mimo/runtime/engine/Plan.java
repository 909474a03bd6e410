package io.mimo.runtime.engine;

import io.mimo.runtime.Context;
import io.mimo.runtime.ElementStep;
import java.util.List;

/**
 * Internal: a validated workflow graph, as the engine needs it. Built by
 * {@link io.mimo.runtime.Workflow#start()}; not API.
 *
 * @param workflow the workflow's name
 * @param streams the streams, in the workflow's order
 * @param pipes the pipes; an input's pipes are merged in the order they appear here
 * @param growthLimit items up to which a full item pipe may grow to resolve a deadlock
 * @param byteGrowthLimit bytes up to which a full byte pipe may grow to resolve a deadlock
 */
public record Plan(String workflow, List<Node> streams, List<Edge> pipes, int growthLimit, int byteGrowthLimit) {

    /** What a port carries. */
    public enum Kind {
        /** Objects, bounded by count. */
        ITEMS,
        /** Bytes, bounded by byte count. */
        BYTES
    }

    /**
     * A port of a stream.
     *
     * @param key the {@code InPort}/{@code OutPort} a stream passes to its {@link Context}
     * @param discarded for an output: whether pushes to it are dropped
     */
    public record Port(Object key, String name, Kind kind, boolean discarded) {}

    /**
     * A stream: its ports, in declaration order, and its body.
     *
     * @param element for an {@link ElementStep}: how to open its handler, so that it can run fused;
     *     otherwise {@code null}
     */
    public record Node(String name, List<Port> inputs, List<Port> outputs, Body body, Element element) {}

    /**
     * A pipe from output {@code fromPort} of stream {@code fromStream} to an input, by index.
     *
     * @param capacity in the unit of the input's kind: items, or bytes for a byte input
     * @param fused whether the pipe is replaced by a direct call: the input's stream is an element
     *     step run on the writer's thread. Only an edge from an item output into the only input of a
     *     stream with an {@link Node#element()}, which no other edge feeds, may be fused, and fused
     *     edges form no cycle.
     */
    public record Edge(int fromStream, int fromPort, int toStream, int toPort, int capacity, boolean fused) {}

    /** A stream's body. */
    @FunctionalInterface
    public interface Body {
        void run(Context context) throws Exception;
    }

    /** An element step's {@code open}: what it does with each item of its only input. */
    @FunctionalInterface
    public interface Element {
        ElementStep.ItemHandler<Object> open(Context context) throws Exception;
    }
}
