package io.mimo.runtime.engine;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import io.mimo.runtime.graph.PortEnds;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.StepView;
import java.util.List;

/**
 * The ends of one stream's ports, by port index: what its body or handler reads and writes. Each
 * port gets the end of its kind when the stream is made ({@link ItemInputEnd}, {@link ByteInputEnd},
 * {@link ItemOutputEnd}, {@link ByteOutputEnd}); {@link Wiring} then joins them to pipes. The
 * view's context has checked the port's kind before it asks, so each array is read only where its
 * kind has an end.
 */
final class StreamEnds implements PortEnds {
    private final RunningStream stream;
    private final StepView step;
    private final ItemInputEnd<?>[] itemInputs;
    private final ByteInputEnd[] byteInputs;
    /** An {@link ItemOutputEnd}, or the {@link FusedOutputEnd} that replaced it when its only reader is fused. */
    private final Output<?>[] itemOutputs;

    /** The {@link ItemOutputEnd}s as made, which keep their counts after {@link #replaceOutput}. */
    private final ItemOutputEnd<?>[] itemOutputEnds;

    private final ByteOutputEnd[] byteOutputs;
    /** Whether the stream is a fused element step, whose items come through its handler. */
    private boolean inputFused;

    StreamEnds(RunningStream stream, StepView step) {
        this.stream = stream;
        this.step = step;
        List<PortView> inputs = step.inputs();
        List<PortView> outputs = step.outputs();
        itemInputs = new ItemInputEnd<?>[inputs.size()];
        byteInputs = new ByteInputEnd[inputs.size()];
        for (PortView port : inputs) {
            if (port.bytes()) {
                byteInputs[port.index()] = new ByteInputEnd(stream, port.toString());
            } else {
                itemInputs[port.index()] = new ItemInputEnd<>(stream, port.toString());
            }
        }
        itemOutputs = new Output<?>[outputs.size()];
        itemOutputEnds = new ItemOutputEnd<?>[outputs.size()];
        byteOutputs = new ByteOutputEnd[outputs.size()];
        for (PortView port : outputs) {
            if (port.bytes()) {
                byteOutputs[port.index()] = new ByteOutputEnd(stream, port.toString(), port.discarded());
            } else {
                itemOutputEnds[port.index()] = new ItemOutputEnd<>(stream, port.toString(), port.discarded());
                itemOutputs[port.index()] = itemOutputEnds[port.index()];
            }
        }
    }

    /** Wiring: the end of item input {@code index}, to join to its pipes. */
    ItemInputEnd<?> itemInputEnd(int index) {
        return itemInputs[index];
    }

    /** Wiring: the end of byte input {@code index}. */
    ByteInputEnd byteInputEnd(int index) {
        return byteInputs[index];
    }

    /** Wiring: the end of item output {@code index}, before any {@link #replaceOutput}. */
    ItemOutputEnd<?> itemOutputEnd(int index) {
        return itemOutputEnds[index];
    }

    /**
     * For snapshots, from any thread: items (or bytes) taken from input {@code index} so far; for a
     * fused element step, what its handler was called with (-1 if not counted).
     */
    long taken(int index) {
        if (inputFused) {
            return ((FusedStep) stream).itemsIn();
        }
        ItemInputEnd<?> items = itemInputs[index];
        return items != null ? items.taken() : byteInputs[index].taken();
    }

    /**
     * For snapshots, from any thread: items pushed to (or bytes written to) output {@code index} so
     * far; -1 if it calls a fused step directly and the run does not count.
     */
    long pushed(int index) {
        ItemOutputEnd<?> items = itemOutputEnds[index];
        if (items == null) {
            return byteOutputs[index].written();
        }
        // A FusedOutputEnd that replaced it counts what was pushed since, if the run counts.
        long direct = itemOutputs[index] instanceof FusedOutputEnds.Cut fused ? fused.pushed() : 0;
        return direct < 0 ? -1 : items.pushed() + direct;
    }

    /** Wiring: the end of byte output {@code index}. */
    ByteOutputEnd byteOutputEnd(int index) {
        return byteOutputs[index];
    }

    /** Wiring: the stream is a fused element step; its input is not read, its items come through its handler. */
    void fuseInput() {
        inputFused = true;
    }

    /** Host's thread, opening a fused step: item output {@code index} now calls that step's handler directly. */
    void replaceOutput(int index, Output<?> end) {
        itemOutputs[index] = end;
    }

    /**
     * The stream's thread, once its body has returned normally: hands over what its byte outputs'
     * stream and channel views still hold, so that nothing written is lost. It may wait for room
     * like any write.
     */
    void flushByteOutputs() {
        for (ByteOutputEnd output : byteOutputs) {
            if (output != null) {
                output.flush();
            }
        }
    }

    @Override
    public Input<?> input(int index) {
        if (inputFused) {
            throw new IllegalStateException("input '" + step.inputs().get(index) + "' of element step '" + stream.name
                    + "' runs fused: its items come through the handler that open() returns;"
                    + " do not read it from the context");
        }
        return itemInputs[index];
    }

    @Override
    public Output<?> output(int index) {
        return itemOutputs[index];
    }

    @Override
    public ByteInput byteInput(int index) {
        return byteInputs[index];
    }

    @Override
    public ByteOutput byteOutput(int index) {
        return byteOutputs[index];
    }

    @Override
    public void expect(long units) {
        stream.expected = units;
    }

    @Override
    public String toString() {
        return "ends of stream '" + stream.name + "'";
    }
}
