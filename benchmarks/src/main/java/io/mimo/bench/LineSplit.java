package io.mimo.bench;

import io.mimo.runtime.bytes.ByteStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Workload 5b, line splitting: {@code lineBytes} (256 MiB) of text lines arriving in fragments
 * (see {@link LineData}) are split into lines as they arrive; each line is handed to the
 * {@code Blackhole}, and the run checks the number of lines and their total length.
 *
 * <p>{@code BufferedReader} reads an {@code InputStream} that returns at most the rest of the
 * current fragment per read (as a socket does) and decodes to {@code String}s, as its API requires;
 * the byte containers receive each fragment and then take every complete line out as bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class LineSplit {

    @Param("268435456")
    public long lineBytes;

    private LineData data;

    @Setup(Level.Trial)
    public void setUp() {
        data = LineData.of(lineBytes);
    }

    /** Number of lines one op splits. */
    public static long itemsPerOp(long lineBytes) {
        return LineData.of(lineBytes).lines();
    }

    /** An input stream over the fragments: each read returns at most what is left of the current one. */
    static final class FragmentStream extends InputStream {
        private final LineData d;
        private int repeat;
        private int fragment;
        private int pos;
        private boolean ended;

        FragmentStream(LineData d) {
            this.d = d;
            this.pos = d.cuts[0];
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            if (pos == d.cuts[fragment + 1]) {
                fragment++;
                if (fragment == d.cuts.length - 1) {
                    fragment = 0;
                    pos = 0;
                    if (++repeat == d.repeats) {
                        ended = true;
                        return -1;
                    }
                }
            }
            int n = Math.min(len, d.cuts[fragment + 1] - pos);
            System.arraycopy(d.block, pos, b, off, n);
            pos += n;
            return n;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }
    }

    /** Longest line {@code ByteStream.readLine} accepts here: far above any line of the data. */
    static final int MAX_LINE = 1 << 20;

    @Benchmark
    public long byteStream(Blackhole bh) {
        ByteStream stream = new ByteStream();
        long lines = 0;
        long bytes = 0;
        int[] cuts = data.cuts;
        for (int r = 0; r < data.repeats; r++) {
            for (int f = 0; f + 1 < cuts.length; f++) {
                stream.writeView(ByteBuffer.wrap(data.block, cuts[f], cuts[f + 1] - cuts[f]));
                ByteBuffer line;
                while ((line = stream.readLine(MAX_LINE)) != null) {
                    lines++;
                    bytes += line.remaining();
                    bh.consume(line);
                }
            }
        }
        return finish(bh, lines, bytes);
    }

    @Benchmark
    public long bufferedReaderReadLine(Blackhole bh) throws IOException {
        long lines = 0;
        long bytes = 0;
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(new FragmentStream(data), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                bytes += line.length();
                bh.consume(line);
            }
        }
        return finish(bh, lines, bytes);
    }

    @Benchmark
    public long okioBuffer(Blackhole bh) throws IOException {
        okio.Buffer buffer = new okio.Buffer();
        long lines = 0;
        long bytes = 0;
        int[] cuts = data.cuts;
        for (int r = 0; r < data.repeats; r++) {
            for (int f = 0; f + 1 < cuts.length; f++) {
                buffer.write(data.block, cuts[f], cuts[f + 1] - cuts[f]);
                long end;
                while ((end = buffer.indexOf((byte) '\n')) >= 0) {
                    okio.ByteString line = buffer.readByteString(end);
                    buffer.skip(1);
                    lines++;
                    bytes += line.size();
                    bh.consume(line);
                }
            }
        }
        return finish(bh, lines, bytes);
    }

    @Benchmark
    public long nettyCompositeByteBuf(Blackhole bh) {
        CompositeByteBuf buffer = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        long lines = 0;
        long bytes = 0;
        int[] cuts = data.cuts;
        for (int r = 0; r < data.repeats; r++) {
            for (int f = 0; f + 1 < cuts.length; f++) {
                buffer.addComponent(true, Unpooled.wrappedBuffer(data.block, cuts[f], cuts[f + 1] - cuts[f]));
                int end;
                while ((end = buffer.indexOf(buffer.readerIndex(), buffer.writerIndex(), (byte) '\n')) >= 0) {
                    ByteBuf line = buffer.readSlice(end - buffer.readerIndex());
                    buffer.skipBytes(1);
                    lines++;
                    bytes += line.readableBytes();
                    bh.consume(line);
                }
                buffer.discardReadComponents();
            }
        }
        buffer.release();
        return finish(bh, lines, bytes);
    }

    private long finish(Blackhole bh, long lines, long bytes) {
        Work.check("lines", data.lines(), lines);
        Work.check("bytes in lines", data.lineBytes(), bytes);
        bh.consume(bytes);
        return lines;
    }
}
