package io.mimo.runtime.graph;

import java.util.Objects;
import java.util.Optional;

/**
 * A port of a step: an input or an output, by its place among its step's ports of that direction.
 *
 * @param step the index of its step in {@link WorkflowGraph#steps()}
 * @param stepName its step's name
 * @param name the port's name, as declared
 * @param index its place among its step's inputs, or among its outputs
 * @param kind what it carries
 * @param itemType the erasure of its item type ({@code ByteBuffer} for a byte port), or empty when
 *     the step did not record it (a hand-written step, a generic one, a dynamic step)
 * @param discarded for an output: whether it was {@link io.mimo.runtime.OutPort#discard()
 *     discarded}, so that what is pushed to it is dropped; {@code false} for an input
 */
public record PortView(
        int step,
        String stepName,
        String name,
        int index,
        PortKind kind,
        Optional<Class<?>> itemType,
        boolean discarded) {

    /** Checks the components. */
    public PortView {
        Objects.requireNonNull(stepName, "stepName");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(itemType, "itemType");
        if (step < 0 || index < 0) {
            throw new IllegalArgumentException("port '" + stepName + "." + name + "' has a negative index");
        }
    }

    /** Whether it carries bytes. */
    public boolean bytes() {
        return kind == PortKind.BYTES;
    }

    /** {@code "step.port"}, as messages name it. */
    @Override
    public String toString() {
        return stepName + "." + name;
    }
}
