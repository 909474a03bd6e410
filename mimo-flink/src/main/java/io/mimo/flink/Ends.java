package io.mimo.flink;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import io.mimo.runtime.graph.PortEnds;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.StepView;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The ends the runner hands one step on Flink: its outputs write through an {@link Emitter}
 * (a discarded output drops what it gets), its inputs are what the operator made for them.
 */
final class Ends implements PortEnds {
    private final Output<?>[] outputs;
    private final ByteOutput[] byteOutputs;
    private final List<ChunkOutputEnd> chunkOutputs = new ArrayList<>();
    private final IntFunction<Input<?>> inputs;
    private final IntFunction<ByteInput> byteInputs;

    Ends(StepView step, Emitter emitter, IntFunction<Input<?>> inputs, IntFunction<ByteInput> byteInputs) {
        this.inputs = inputs;
        this.byteInputs = byteInputs;
        int count = step.outputs().size();
        outputs = new Output<?>[count];
        byteOutputs = new ByteOutput[count];
        Emitter drop = (output, item) -> {};
        for (PortView port : step.outputs()) {
            Emitter to = port.discarded() ? drop : emitter;
            if (port.bytes()) {
                ChunkOutputEnd end = new ChunkOutputEnd(step.name(), port.toString(), port.index(), to);
                chunkOutputs.add(end);
                byteOutputs[port.index()] = end;
            } else {
                outputs[port.index()] =
                        new ItemOutputEnd(step.name(), port.toString(), port.index(), carriesChunks(port), to);
            }
        }
    }

    /**
     * Whether the Flink stream of {@code output} carries {@code byte[]} chunks: a byte output's
     * does, and so does an output of {@code ByteBuffer} items, whose readers take them back as
     * buffers or bytes.
     */
    static boolean carriesChunks(PortView output) {
        return output.bytes() || output.itemType().orElse(null) == ByteBuffer.class;
    }

    /** Hands on what the byte outputs' stream and channel views still hold: at the end of the step. */
    void flush() {
        chunkOutputs.forEach(ChunkOutputEnd::flush);
    }

    @Override
    public Input<?> input(int index) {
        return inputs.apply(index);
    }

    @Override
    public Output<?> output(int index) {
        return outputs[index];
    }

    @Override
    public ByteInput byteInput(int index) {
        return byteInputs.apply(index);
    }

    @Override
    public ByteOutput byteOutput(int index) {
        return byteOutputs[index];
    }
}
