package io.mimo.runtime.graph;

/** What a port carries, and so what its pipes count. */
public enum PortKind {
    /** Objects, one at a time; a pipe into such an input is bounded in items. */
    ITEMS,
    /** Bytes, as {@link java.nio.ByteBuffer} views; a pipe into such an input is bounded in bytes. */
    BYTES
}
