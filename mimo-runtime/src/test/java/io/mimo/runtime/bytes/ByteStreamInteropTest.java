package io.mimo.runtime.bytes;

import static io.mimo.runtime.bytes.ByteStreamModelTest.bytesOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.Pipe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link ByteStream} with java.io streams, NIO channels and mapped files. */
class ByteStreamInteropTest {

    private static byte[] randomBytes(int n, long seed) {
        byte[] bytes = new byte[n];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** A stream of {@code count} views of 1..size bytes, the content also returned. */
    private static ByteStream manyViews(int count, int size, Random random, ByteArrayOutputStream content) {
        ByteStream stream = new ByteStream();
        for (int i = 0; i < count; i++) {
            byte[] view = new byte[1 + random.nextInt(size)];
            random.nextBytes(view);
            content.writeBytes(view);
            if (random.nextBoolean()) stream.write(view);
            else
                stream.writeView(
                        ByteBuffer.allocateDirect(view.length).put(view).flip());
        }
        return stream;
    }

    @Test
    void gatheringWriteLoopsOnShortWritesAndConsumesExactlyWhatWasWritten() throws IOException {
        for (long seed = 0; seed < 50; seed++) {
            Random random = new Random(seed);
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            ByteStream stream = manyViews(50, 30, random, content);
            TestIo.ShortWriteChannel channel = new TestIo.ShortWriteChannel(random, 0.0, ByteStream.MAX_GATHER);

            long written = stream.writeTo(channel);

            assertEquals(content.size(), written, "seed " + seed);
            assertTrue(stream.isEmpty());
            assertArrayEquals(content.toByteArray(), channel.written.toByteArray(), "seed " + seed);
            assertTrue(channel.viewsPerCall.size() > 1, "short writes were followed by more writes");
        }
    }

    @Test
    void aChannelThatTakesNothingStopsTheWriteAndKeepsTheRest() throws IOException {
        ByteStream stream = ByteStream.fromBuffer(ByteBuffer.wrap(randomBytes(100, 1)));
        TestIo.ShortWriteChannel full = new TestIo.ShortWriteChannel(new Random(1), 1.0, ByteStream.MAX_GATHER);

        assertEquals(0, stream.writeTo(full));
        assertEquals(100, stream.byteCount());
    }

    @Test
    void gatheringWritesHandAtMost1024ViewsPerCall() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteStream stream = manyViews(2500, 4, new Random(7), content);
        // This channel would take any number of views in one call, and writes all it is given.
        TestIo.ShortWriteChannel greedy = new TestIo.ShortWriteChannel(new Random(7), 0.0, Integer.MAX_VALUE) {
            @Override
            public long write(ByteBuffer[] srcs, int offset, int length) {
                viewsPerCall.add(length);
                long n = 0;
                for (int i = offset; i < offset + length; i++) {
                    n += srcs[i].remaining();
                    written.writeBytes(bytesOf(srcs[i]));
                    srcs[i].position(srcs[i].limit());
                }
                return n;
            }
        };

        assertEquals(content.size(), stream.writeTo(greedy));

        assertEquals(java.util.List.of(1024, 1024, 452), greedy.viewsPerCall);
        assertArrayEquals(content.toByteArray(), greedy.written.toByteArray());
    }

    @Test
    void aChannelThatThrowsAfterTakingPartOfAViewLeavesTheRest() {
        ByteStream stream = new ByteStream();
        stream.writeViews(ByteBuffer.wrap("abc".getBytes(US_ASCII)), ByteBuffer.wrap("defg".getBytes(US_ASCII)));
        TestIo.ShortWriteChannel broken = new TestIo.ShortWriteChannel(new Random(1), 0.0, ByteStream.MAX_GATHER) {
            @Override
            public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
                srcs[offset].position(srcs[offset].limit());
                srcs[offset + 1].get();
                throw new IOException("disk full");
            }
        };

        assertThrows(IOException.class, () -> stream.writeTo(broken));

        assertEquals(3, stream.byteCount());
        assertEquals(1, stream.viewCount());
        assertEquals("efg", new String(stream.toByteArray(), US_ASCII));
    }

    @Test
    @Timeout(10)
    void aFullNonBlockingPipeTakesPartOfTheBytesAndTheRestFollowsLater() throws IOException {
        byte[] content = randomBytes(1 << 20, 3);
        ByteStream stream = new ByteStream();
        for (int at = 0; at < content.length; at += 1000) {
            stream.write(content, at, Math.min(1000, content.length - at));
        }
        Pipe pipe = Pipe.open();
        pipe.sink().configureBlocking(false);
        pipe.source().configureBlocking(false);
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        ByteBuffer drain = ByteBuffer.allocate(1 << 16);
        boolean sawShortWrite = false;

        while (!stream.isEmpty()) {
            long before = stream.byteCount();
            long written = stream.writeTo(pipe.sink());
            assertEquals(before - written, stream.byteCount(), "consumed exactly the bytes written");
            sawShortWrite |= !stream.isEmpty();
            for (int n; (n = pipe.source().read(drain.clear())) > 0; ) received.write(drain.array(), 0, n);
        }
        for (int n; (n = pipe.source().read(drain.clear())) > 0; ) received.write(drain.array(), 0, n);

        assertTrue(sawShortWrite, "a 1 MiB write should overflow an OS pipe");
        assertArrayEquals(content, received.toByteArray());
        pipe.sink().close();
        pipe.source().close();
    }

    @Test
    void aPlainChannelGetsOneViewAtATime(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteStream stream = manyViews(20, 50, new Random(5), content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(content.size(), stream.writeTo(Channels.newChannel(out)));
        assertArrayEquals(content.toByteArray(), out.toByteArray());

        // and a FileChannel, which gathers
        ByteStream again = ByteStream.fromBuffer(ByteBuffer.wrap(content.toByteArray()));
        Path file = dir.resolve("out.bin");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            again.writeTo(channel);
        }
        assertArrayEquals(content.toByteArray(), Files.readAllBytes(file));
    }

    @Test
    void writeToOutputStreamWritesHeapAndDirectViews() throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        ByteStream stream = manyViews(40, 20_000, new Random(9), content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        assertEquals(content.size(), stream.writeTo(out));

        assertArrayEquals(content.toByteArray(), out.toByteArray());
        assertTrue(stream.isEmpty());
    }

    @Test
    void readFromAnInputStreamWithShortReadsGetsEveryByte() throws IOException {
        byte[] content = randomBytes(50_000, 11);
        Random random = new Random(11);
        ByteStream stream = new ByteStream();
        InputStream in = TestIo.shortReads(content, random);

        int first = stream.readFrom(in, 100);
        assertTrue(first >= 1 && first <= 100, "one read of at most maxBytes: " + first);
        long rest = stream.readAllFrom(in);

        assertEquals(content.length, first + rest);
        assertArrayEquals(content, stream.toByteArray());
        assertEquals(-1, stream.readFrom(in, 100));
        assertTrue(stream.viewCount() < 1000, "reads fill shared chunks: " + stream.viewCount() + " views");
    }

    @Test
    void readFromAChannelPassesOnNothingReadyAndEnd() throws IOException {
        byte[] content = randomBytes(5_000, 13);
        var channel = TestIo.shortReadChannel(content, new Random(13));
        ByteStream stream = new ByteStream();
        int zeros = 0;

        for (int n; (n = stream.readFrom(channel, 700)) != -1; ) {
            assertTrue(n <= 700);
            if (n == 0) zeros++;
        }

        assertTrue(zeros > 0, "the channel had nothing ready now and then");
        assertArrayEquals(content, stream.toByteArray());
    }

    @Test
    void asInputStreamFeedsExistingReadersAndReadsEmptyAsTheEnd() throws IOException {
        ByteStream stream = new ByteStream();
        stream.writeViews(ByteBuffer.wrap("alpha\nbe".getBytes(US_ASCII)), ByteBuffer.wrap("ta\n".getBytes(US_ASCII)));
        InputStream in = stream.asInputStream();

        BufferedReader reader = new BufferedReader(new InputStreamReader(in, US_ASCII));
        assertEquals("alpha", reader.readLine());
        assertEquals("beta", reader.readLine());
        assertNull(reader.readLine());

        assertEquals(-1, in.read());
        stream.write(new byte[] {42});
        assertEquals(1, in.available());
        assertEquals(42, in.read(), "reads again once bytes are written");
    }

    @Test
    void asOutputStreamTakesDataOutputAndTheBytesReadBack() throws IOException {
        ByteStream stream = new ByteStream();
        try (DataOutputStream out = new DataOutputStream(stream.asOutputStream())) {
            for (int i = 0; i < 5000; i++) out.writeInt(i);
            out.write(new byte[20_000]);
            out.writeUTF("end");
        }

        assertTrue(stream.viewCount() < 10, "small writes share chunks: " + stream.viewCount() + " views");
        DataInputStream in = new DataInputStream(stream.asInputStream());
        for (int i = 0; i < 5000; i++) assertEquals(i, in.readInt());
        assertEquals(20_000, in.skipBytes(20_000));
        assertEquals("end", in.readUTF());
        assertTrue(stream.isEmpty());
    }

    @Test
    void mapFileSlicesTheFileIntoViewsWithoutCopying(@TempDir Path dir) throws IOException {
        byte[] content = randomBytes(10_000, 17);
        Path file = Files.write(dir.resolve("in.bin"), content);

        ByteStream stream = ByteStream.mapFile(file, 4096);

        assertEquals(3, stream.viewCount());
        assertEquals(4096, stream.peek(0).remaining());
        assertEquals(10_000 - 8192, stream.peek(2).remaining());
        assertTrue(stream.peek(0).isDirect(), "mapped memory, not a heap copy");
        assertTrue(stream.peek(0).isReadOnly());
        assertArrayEquals(content, stream.toByteArray());
    }

    @Test
    void mapTakesARegionAndRefusesOneBeyondTheFile(@TempDir Path dir) throws IOException {
        byte[] content = "0123456789".getBytes(US_ASCII);
        Path file = Files.write(dir.resolve("in.txt"), content);

        try (FileChannel channel = FileChannel.open(file)) {
            ByteStream region = ByteStream.map(channel, 2, 5, 2);
            assertEquals("23456", new String(region.toByteArray(), US_ASCII));
            assertEquals(3, region.viewCount());

            IllegalArgumentException e =
                    assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, 5, 6, 2));
            assertTrue(e.getMessage().contains("10 bytes"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, 0, 1, 0));
        }
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertTrue(ByteStream.mapFile(empty, 16).isEmpty());
    }

    @Test
    void aFileOverTwoGigabytesIsMappedInPartsWithWholeViews(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("sparse.bin");
        long size = (1L << 31) + 3 * (1L << 20) + 5;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size); // sparse: takes no disk space on common file systems
            raf.seek(size - 1);
            raf.write(7);
        }

        ByteStream stream = ByteStream.mapFile(file, 1 << 20);

        assertEquals(size, stream.byteCount());
        assertEquals(2048 + 3 + 1, stream.viewCount());
        for (int i = 0; i < stream.viewCount() - 1; i++) {
            if (stream.peek(i).remaining() != 1 << 20) throw new AssertionError("view " + i + " is not whole");
        }
        assertEquals(7, stream.getByte(size - 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, stream::toByteArray);
        assertTrue(e.getMessage().contains("read it in parts"), e.getMessage());
    }

    @Test
    void anInputStreamOfAFileMapReadsLikeTheFile(@TempDir Path dir) throws IOException {
        byte[] content = randomBytes(70_000, 19);
        Path file = Files.write(dir.resolve("f"), content);

        ByteStream stream = ByteStream.mapFile(file, 8192);

        InputStream in = stream.asInputStream();
        assertEquals(70_000, in.available());
        assertArrayEquals(content, in.readAllBytes());
    }
}
