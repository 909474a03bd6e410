package p;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Context;
import io.mimo.runtime.ElementStep;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OneInput;
import io.mimo.runtime.OneOutput;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import java.nio.ByteBuffer;
import javax.annotation.processing.Generated;

/**
 * The streams of {@link Bytes}: a factory and a step class for each {@code @Stream} method.
 */
@Generated("io.mimo.processor.StreamProcessor")
public final class BytesStreams {
    private BytesStreams() {
    }

    /**
     * Returns a new step that runs {@link Bytes#decode(ByteInput, Output)}.
     */
    public static Decode decode() {
        return new Decode();
    }

    /**
     * Returns a new step that runs {@link Bytes#encode(Input, ByteOutput)}.
     */
    public static Encode encode() {
        return new Encode();
    }

    /**
     * Returns a new step that runs {@link Bytes#read(String, ByteOutput)}.
     */
    public static Read read() {
        return new Read();
    }

    /**
     * The stream of {@link Bytes#decode(ByteInput, Output)}.
     */
    public static final class Decode extends Step implements OneInput<ByteBuffer>, OneOutput<String> {
        private final InPort<ByteBuffer> raw = byteInput("raw");

        private final OutPort<String> lines = this.<String>output("lines", String.class);

        private Decode() {
            super("decode");
        }

        /**
         * The input port {@code raw}.
         */
        public InPort<ByteBuffer> raw() {
            return raw;
        }

        /**
         * The output port {@code lines}.
         */
        public OutPort<String> lines() {
            return lines;
        }

        @Override
        public InPort<ByteBuffer> onlyInput() {
            return raw;
        }

        @Override
        public OutPort<String> onlyOutput() {
            return lines;
        }

        @Override
        protected void run(Context context) throws Exception {
            Bytes.decode(context.byteInput(this.raw), context.<String>output(this.lines));
        }
    }

    /**
     * The stream of {@link Bytes#encode(Input, ByteOutput)}.
     */
    public static final class Encode extends Step implements OneInput<String>, OneOutput<ByteBuffer> {
        private final InPort<String> lines = this.<String>input("lines", String.class);

        private final OutPort<ByteBuffer> raw = byteOutput("raw");

        private Encode() {
            super("encode");
        }

        /**
         * The input port {@code lines}.
         */
        public InPort<String> lines() {
            return lines;
        }

        /**
         * The output port {@code raw}.
         */
        public OutPort<ByteBuffer> raw() {
            return raw;
        }

        @Override
        public InPort<String> onlyInput() {
            return lines;
        }

        @Override
        public OutPort<ByteBuffer> onlyOutput() {
            return raw;
        }

        @Override
        protected void run(Context context) {
            Bytes.encode(context.<String>input(this.lines), context.byteOutput(this.raw));
        }
    }

    /**
     * The stream of {@link Bytes#read(String, ByteOutput)}.
     */
    public static final class Read extends ElementStep<String> implements OneOutput<ByteBuffer> {
        private final OutPort<ByteBuffer> raw = byteOutput("raw");

        private Read() {
            super("read", "path", String.class);
        }

        /**
         * The input port {@code path}.
         */
        public InPort<String> path() {
            return onlyInput();
        }

        /**
         * The output port {@code raw}.
         */
        public OutPort<ByteBuffer> raw() {
            return raw;
        }

        @Override
        public OutPort<ByteBuffer> onlyOutput() {
            return raw;
        }

        @Override
        protected ElementStep.ItemHandler<String> open(Context context) {
            ByteOutput raw = context.byteOutput(this.raw);
            return path -> Bytes.read(path, raw);
        }
    }
}
