package io.mimo.runtime;

import io.mimo.runtime.graph.PortEnds;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@link Context} a step's body gets: it finds the index of the port asked for among the
 * step's own ports, checks its kind, and asks the runner's {@link PortEnds} for that index.
 */
final class StepContext implements Context {
    private final Step step;
    private final PortEnds ends;

    StepContext(Step step, PortEnds ends) {
        this.step = step;
        this.ends = ends;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Input<T> input(InPort<T> port) {
        return (Input<T>) ends.input(indexOf(port, step.inputs(), "input", false));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Output<T> output(OutPort<T> port) {
        return (Output<T>) ends.output(indexOf(port, step.outputs(), "output", false));
    }

    @Override
    public ByteInput byteInput(InPort<ByteBuffer> port) {
        return ends.byteInput(indexOf(port, step.inputs(), "input", true));
    }

    @Override
    public ByteOutput byteOutput(OutPort<ByteBuffer> port) {
        return ends.byteOutput(indexOf(port, step.outputs(), "output", true));
    }

    private int indexOf(Object port, List<?> ports, String role, boolean bytes) {
        if (port == null) {
            throw new NullPointerException("stream '" + step.name() + "' asked for the " + role + " of a null port");
        }
        for (int i = 0; i < ports.size(); i++) {
            if (ports.get(i) == port) {
                boolean isBytes = port instanceof InPort<?> in ? in.bytes() : ((OutPort<?>) port).bytes();
                if (isBytes != bytes) {
                    throw new IllegalArgumentException("'" + port + "' is " + (isBytes ? "a byte " : "an item ") + role
                            + ": use Context."
                            + (isBytes ? "byte" + Character.toUpperCase(role.charAt(0)) + role.substring(1) : role)
                            + " for it");
                }
                return i;
            }
        }
        throw new IllegalArgumentException("'" + port + "' is not an " + role + " of stream '" + step.name()
                + "'; its " + role + "s are: "
                + (ports.isEmpty()
                        ? "none"
                        : ports.stream()
                                .map(p -> p instanceof InPort<?> in ? in.name() : ((OutPort<?>) p).name())
                                .collect(Collectors.joining(", "))));
    }

    @Override
    public void expect(long units) {
        if (units < 0) {
            throw new IllegalArgumentException(
                    "stream '" + step.name() + "' cannot expect to write " + units + " units: give 0 or more");
        }
        ends.expect(units);
    }

    @Override
    public String toString() {
        return "context of stream '" + step.name() + "'";
    }
}
