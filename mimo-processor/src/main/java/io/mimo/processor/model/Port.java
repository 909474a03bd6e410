package io.mimo.processor.model;

import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * A port of a stream.
 *
 * @param name the port's name, as written in {@code @Stream}
 * @param kind input or output
 * @param type the item type, boxed ({@code int} gives {@code Integer}); {@code ByteBuffer} for
 *     byte ports
 * @param itemClass the class the step records as its items' at run time, where erasure hides
 *     {@code type}: the erasure of {@code type} ({@code List} for {@code List<String>},
 *     {@code Number} for a {@code T extends Number}), or empty when that says nothing (a type
 *     variable whose bound erases to {@code Object})
 * @param bytes whether it is a byte port ({@code ByteInput}/{@code ByteOutput})
 */
public record Port(String name, PortKind kind, TypeMirror type, Optional<TypeMirror> itemClass, boolean bytes) {}
