package io.mimo.processor.model;

import java.util.Optional;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The runtime types that make a parameter a port of a process-style stream. The processor names
 * them rather than linking against the runtime, which is only on the user's class path.
 */
public enum PortType {
    INPUT("io.mimo.runtime.Input", PortKind.IN, false),
    OUTPUT("io.mimo.runtime.Output", PortKind.OUT, false),
    BYTE_INPUT("io.mimo.runtime.ByteInput", PortKind.IN, true),
    BYTE_OUTPUT("io.mimo.runtime.ByteOutput", PortKind.OUT, true);

    private final String qualifiedName;
    private final PortKind kind;
    private final boolean bytes;

    PortType(String qualifiedName, PortKind kind, boolean bytes) {
        this.qualifiedName = qualifiedName;
        this.kind = kind;
        this.bytes = bytes;
    }

    /** The port type {@code type} is, if any. */
    public static Optional<PortType> of(TypeMirror type) {
        String name = qualifiedName(type);
        for (PortType portType : values()) {
            if (portType.qualifiedName.equals(name)) {
                return Optional.of(portType);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code type} is {@code java.util.Optional}, raw or parameterised. */
    public static boolean isOptional(TypeMirror type) {
        return "java.util.Optional".equals(qualifiedName(type));
    }

    private static String qualifiedName(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return "";
        }
        return ((TypeElement) ((DeclaredType) type).asElement())
                .getQualifiedName()
                .toString();
    }

    /** The direction a parameter of this type has. */
    public PortKind kind() {
        return kind;
    }

    /** Whether this is a byte port (items are {@code ByteBuffer} views). */
    public boolean bytes() {
        return bytes;
    }

    /** The simple name users write: {@code "Input"}. */
    public String simpleName() {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
