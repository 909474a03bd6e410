package io.mimo.runtime.engine;

import io.mimo.runtime.Context;
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

    /** A stream: its ports, in declaration order, and its body. */
    public record Node(String name, List<Port> inputs, List<Port> outputs, Body body) {}

    /**
     * A pipe from output {@code fromPort} of stream {@code fromStream} to an input, by index.
     *
     * @param capacity in the unit of the input's kind: items, or bytes for a byte input
     */
    public record Edge(int fromStream, int fromPort, int toStream, int toPort, int capacity) {}

    /** A stream's body. */
    @FunctionalInterface
    public interface Body {
        void run(Context context) throws Exception;
    }
}
