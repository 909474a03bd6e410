package io.mimo.runtime.engine;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Context;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@link Context} of one stream: its ports' ends, found by the ports the plan keyed them with. */
final class StreamContext implements Context {
    private final StreamRun stream;
    private final List<Plan.Port> inputPorts;
    private final List<Plan.Port> outputPorts;
    /** Port key to its wired end ({@code ItemInput}, {@code ItemOutput}, {@code StreamByteInput}, {@code StreamByteOutput}). */
    private final Map<Object, Object> ends = new IdentityHashMap<>();
    /** The byte outputs' ends, flushed when the body returns. */
    private final List<StreamByteOutput> byteOutputs = new ArrayList<>();

    StreamContext(StreamRun stream, Plan.Node node) {
        this.stream = stream;
        this.inputPorts = node.inputs();
        this.outputPorts = node.outputs();
    }

    /** What a fused element step's input is bound to: nothing to read, items come through its handler. */
    private static final Object FUSED = new Object();

    /** Wiring: {@code port}, a fused element step's only input, is not read: its items come through the handler. */
    void fusedInput(Plan.Port port) {
        ends.put(port.key(), FUSED);
    }

    /** Wiring: the end a stream gets for {@code port}. */
    void bind(Plan.Port port, Object end) {
        ends.put(port.key(), end);
        if (end instanceof StreamByteOutput byteOutput) {
            byteOutputs.add(byteOutput);
        }
    }

    /**
     * The stream's thread, once its body has returned normally: hands over what its byte outputs'
     * stream and channel views still hold, so that nothing written is lost. It may wait for room
     * like any write.
     */
    void flushByteOutputs() {
        for (StreamByteOutput output : byteOutputs) {
            output.flush();
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Input<T> input(InPort<T> port) {
        return (Input<T>) end(port, inputPorts, "input", Plan.Kind.ITEMS);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Output<T> output(OutPort<T> port) {
        return (Output<T>) end(port, outputPorts, "output", Plan.Kind.ITEMS);
    }

    @Override
    public ByteInput byteInput(InPort<ByteBuffer> port) {
        return (ByteInput) end(port, inputPorts, "input", Plan.Kind.BYTES);
    }

    @Override
    public ByteOutput byteOutput(OutPort<ByteBuffer> port) {
        return (ByteOutput) end(port, outputPorts, "output", Plan.Kind.BYTES);
    }

    private Object end(Object key, List<Plan.Port> ports, String role, Plan.Kind kind) {
        if (key == null) {
            throw new NullPointerException("stream '" + stream.name + "' asked for the " + role + " of a null port");
        }
        for (Plan.Port port : ports) {
            if (port.key() == key) {
                if (port.kind() != kind) {
                    throw new IllegalArgumentException("'" + key + "' is " + describe(port.kind()) + " " + role
                            + ": use Context." + accessor(port.kind(), role) + " for it");
                }
                Object end = ends.get(key);
                if (end == FUSED) {
                    throw new IllegalStateException("input '" + stream.name + "." + port.name() + "' of element step '"
                            + stream.name + "' runs fused: its items come through the handler that open() returns;"
                            + " do not read it from the context");
                }
                return end;
            }
        }
        throw new IllegalArgumentException("'" + key + "' is not an " + role + " of stream '" + stream.name
                + "'; its " + role + "s are: "
                + (ports.isEmpty() ? "none" : ports.stream().map(Plan.Port::name).collect(Collectors.joining(", "))));
    }

    private static String describe(Plan.Kind kind) {
        return kind == Plan.Kind.BYTES ? "a byte" : "an item";
    }

    private static String accessor(Plan.Kind kind, String role) {
        return kind == Plan.Kind.BYTES ? "byte" + Character.toUpperCase(role.charAt(0)) + role.substring(1) : role;
    }

    @Override
    public String toString() {
        return "context of stream '" + stream.name + "'";
    }
}
