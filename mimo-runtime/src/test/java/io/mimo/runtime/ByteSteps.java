package io.mimo.runtime;

import io.mimo.runtime.TestSteps.Tracked;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;

/** Hand-written steps with byte ports, and helpers for byte tests. */
final class ByteSteps {
    private ByteSteps() {}

    interface WriterBody {
        void run(ByteOutput out) throws Exception;
    }

    interface ReaderBody {
        void run(ByteInput in) throws Exception;
    }

    interface JoinBody {
        void run(ByteInput left, ByteInput right) throws Exception;
    }

    static final class ByteSource extends Tracked {
        final OutPort<ByteBuffer> out = byteOutput("out");
        private final WriterBody body;

        ByteSource(String name, WriterBody body) {
            super(name);
            this.body = body;
        }

        @Override
        void body(Context context) throws Exception {
            body.run(context.byteOutput(out));
        }
    }

    /** Reads with {@code body}, or by default collects every byte read by views into {@link #bytes}. */
    static final class ByteSink extends Tracked {
        final InPort<ByteBuffer> in = byteInput("in");
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final ReaderBody body;

        ByteSink(String name) {
            this(name, null);
        }

        ByteSink(String name, ReaderBody body) {
            super(name);
            this.body = body;
        }

        @Override
        void body(Context context) throws Exception {
            ByteInput input = context.byteInput(in);
            if (body != null) {
                body.run(input);
            } else {
                for (ByteBuffer view; (view = input.readView()) != null; ) {
                    append(bytes, view);
                }
            }
        }
    }

    static final class ByteRelay extends Tracked {
        final InPort<ByteBuffer> in = byteInput("in");
        final OutPort<ByteBuffer> out = byteOutput("out");

        ByteRelay(String name) {
            super(name);
        }

        @Override
        void body(Context context) {
            ByteInput input = context.byteInput(in);
            ByteOutput output = context.byteOutput(out);
            for (ByteBuffer view; (view = input.readView()) != null; ) {
                output.write(view);
            }
        }
    }

    static final class ByteJoin extends Tracked {
        final InPort<ByteBuffer> left = byteInput("left");
        final InPort<ByteBuffer> right = byteInput("right");
        private final JoinBody body;

        ByteJoin(String name, JoinBody body) {
            super(name);
            this.body = body;
        }

        @Override
        void body(Context context) throws Exception {
            body.run(context.byteInput(left), context.byteInput(right));
        }
    }

    /** Appends {@code view}'s remaining bytes to {@code out}, without moving its position. */
    static void append(ByteArrayOutputStream out, ByteBuffer view) {
        byte[] bytes = new byte[view.remaining()];
        view.get(view.position(), bytes);
        out.writeBytes(bytes);
    }

    static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.US_ASCII));
    }

    static String ascii(ByteBuffer view) {
        byte[] bytes = new byte[view.remaining()];
        view.get(view.position(), bytes);
        return new String(bytes, StandardCharsets.US_ASCII);
    }

    /** Random bytes in which about one in {@code lineLength} is a {@code \n}, some after a {@code \r}. */
    static byte[] randomText(int size, int lineLength, long seed) {
        Random random = new Random(seed);
        byte[] data = new byte[size];
        random.nextBytes(data);
        for (int i = 0; i < size; i++) {
            if (data[i] == '\n' || random.nextInt(lineLength) == 0) {
                data[i] = '\n';
                if (i > 0 && random.nextBoolean()) {
                    data[i - 1] = '\r';
                }
            }
        }
        return data;
    }

    static long crc(byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return crc.getValue();
    }
}
