package io.mimo.processor.model;

/** The direction of a port: named in {@code @Stream(in = …)} or in {@code @Stream(out = …)}. */
public enum PortKind {
    IN("in"),
    OUT("out");

    private final String member;

    PortKind(String member) {
        this.member = member;
    }

    /** The {@code @Stream} member that names ports of this kind: {@code "in"} or {@code "out"}. */
    public String member() {
        return member;
    }
}
