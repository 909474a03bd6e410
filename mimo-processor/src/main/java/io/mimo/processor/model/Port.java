package io.mimo.processor.model;

import javax.lang.model.type.TypeMirror;

/**
 * A port of a stream.
 *
 * @param name the port's name, as written in {@code @Stream}
 * @param kind input or output
 * @param type the item type, boxed ({@code int} gives {@code Integer}); {@code ByteBuffer} for
 *     byte ports
 * @param bytes whether it is a byte port ({@code ByteInput}/{@code ByteOutput})
 */
public record Port(String name, PortKind kind, TypeMirror type, boolean bytes) {}
