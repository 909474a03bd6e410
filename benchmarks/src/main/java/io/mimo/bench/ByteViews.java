package io.mimo.bench;

import io.mimo.runtime.bytes.ByteStream;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Workload 5a, byte views: write {@code viewBytes} (1 GiB) into a byte container as 64 KiB
 * buffers, then read it all back as 64 KiB pieces. The writer's buffers are drawn in turn from a
 * pool of {@value #POOL} distinct 64 KiB arrays of random bytes. Each piece read is checked at
 * both ends and handed to the {@code Blackhole}; the run checks the byte count and a checksum of
 * those ends, so a container that lost, reordered or shortened pieces fails.
 *
 * <p>Containers that take a buffer without copying (mimo's {@code ByteStream}, Netty's
 * {@code CompositeByteBuf}) hold the views; {@code ByteArrayOutputStream} and Okio's
 * {@code Buffer} copy on write and on read, as their APIs require.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class ByteViews {

    /** Bytes in one view. */
    public static final int VIEW = 64 * 1024;

    static final int POOL = 16;

    @Param("1073741824")
    public long viewBytes;

    private int views;
    private byte[][] pool;
    private long expectedChecksum;

    @Setup(Level.Trial)
    public void setUp() {
        if (viewBytes % VIEW != 0 || viewBytes / VIEW > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("viewBytes must be a multiple of " + VIEW);
        }
        views = (int) (viewBytes / VIEW);
        SplittableRandom random = new SplittableRandom(42);
        pool = new byte[POOL][VIEW];
        for (byte[] chunk : pool) {
            random.nextBytes(chunk);
        }
        long c = 0;
        for (int i = 0; i < views; i++) {
            c = checksum(c, pool[i % POOL][0], pool[i % POOL][VIEW - 1]);
        }
        expectedChecksum = c;
    }

    static long checksum(long c, byte first, byte last) {
        return c * 31 + (first & 0xff) * 257 + (last & 0xff);
    }

    /** Number of views one op writes and reads back. */
    public static long itemsPerOp(long viewBytes) {
        return viewBytes / VIEW;
    }

    @Benchmark
    public long byteStream(Blackhole bh) {
        ByteStream stream = new ByteStream();
        for (int i = 0; i < views; i++) {
            stream.writeView(ByteBuffer.wrap(pool[i % POOL]));
        }
        long bytes = 0;
        long c = 0;
        while (!stream.isEmpty()) {
            ByteBuffer piece = stream.readView();
            int n = piece.remaining();
            bytes += n;
            c = checksum(c, piece.get(piece.position()), piece.get(piece.limit() - 1));
            bh.consume(piece);
        }
        return finish(bh, bytes, c);
    }

    @Benchmark
    public long byteArrayOutputStream(Blackhole bh) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < views; i++) {
            out.write(pool[i % POOL], 0, VIEW);
        }
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        out = null; // let the container go: the copy is what is read
        byte[] piece = new byte[VIEW];
        long bytes = 0;
        long c = 0;
        int n;
        while ((n = in.readNBytes(piece, 0, VIEW)) > 0) {
            bytes += n;
            c = checksum(c, piece[0], piece[n - 1]);
            bh.consume(piece);
        }
        return finish(bh, bytes, c);
    }

    @Benchmark
    public long okioBuffer(Blackhole bh) throws EOFException {
        okio.Buffer buffer = new okio.Buffer();
        for (int i = 0; i < views; i++) {
            buffer.write(pool[i % POOL], 0, VIEW);
        }
        byte[] piece = new byte[VIEW];
        long bytes = 0;
        long c = 0;
        while (buffer.size() > 0) {
            buffer.readFully(piece);
            bytes += VIEW;
            c = checksum(c, piece[0], piece[VIEW - 1]);
            bh.consume(piece);
        }
        return finish(bh, bytes, c);
    }

    @Benchmark
    public long nettyCompositeByteBuf(Blackhole bh) {
        CompositeByteBuf buffer = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        for (int i = 0; i < views; i++) {
            buffer.addComponent(true, Unpooled.wrappedBuffer(pool[i % POOL]));
        }
        long bytes = 0;
        long c = 0;
        while (buffer.isReadable()) {
            ByteBuf piece = buffer.readSlice(VIEW);
            int n = piece.readableBytes();
            bytes += n;
            c = checksum(c, piece.getByte(0), piece.getByte(n - 1));
            bh.consume(piece);
        }
        buffer.release();
        return finish(bh, bytes, c);
    }

    private long finish(Blackhole bh, long bytes, long checksum) {
        Work.check("bytes read back", viewBytes, bytes);
        Work.check("checksum of the pieces' ends", expectedChecksum, checksum);
        bh.consume(checksum);
        return bytes;
    }
}
