package io.mimo.runtime;

import static io.mimo.runtime.ByteSteps.append;
import static io.mimo.runtime.ByteSteps.ascii;
import static io.mimo.runtime.ByteSteps.crc;
import static io.mimo.runtime.ByteSteps.randomText;
import static io.mimo.runtime.TestSteps.assertAllEnded;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.ByteSteps.ByteRelay;
import io.mimo.runtime.ByteSteps.ByteSink;
import io.mimo.runtime.ByteSteps.ByteSource;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bytes through a workflow: integrity, zero copy, back-pressure in bytes, broadcast, kinds mixed, views. */
@Timeout(60)
class BytePortsTest {

    /** How the writer of {@link #everyByteArrivesOnceAndInOrderHoweverWrittenAndRead} writes. */
    enum WriteBy {
        VIEWS,
        OUTPUT_STREAM,
        CHANNEL
    }

    /** Writes {@code data} in views of random sizes (some empty, some larger than a pipe's capacity). */
    private static void write(byte[] data, WriteBy how, ByteOutput out, long seed) throws IOException {
        Random random = new Random(seed);
        OutputStream stream = out.asOutputStream();
        WritableByteChannel channel = out.asChannel();
        for (int at = 0; at < data.length; ) {
            int n = Math.min(
                    data.length - at,
                    random.nextInt(20) == 0
                            ? random.nextInt(200_000)
                            : random.nextInt(20) == 0 ? 0 : random.nextInt(5_000));
            switch (how) {
                case VIEWS -> out.write(ByteBuffer.wrap(data, at, n));
                case OUTPUT_STREAM -> {
                    if (n == 1) {
                        stream.write(data[at]);
                    } else {
                        stream.write(data, at, n);
                    }
                }
                case CHANNEL -> {
                    ByteBuffer buffer = random.nextBoolean() ? ByteBuffer.allocate(n) : ByteBuffer.allocateDirect(n);
                    buffer.put(data, at, n).flip();
                    assertEquals(n, channel.write(buffer));
                    assertFalse(buffer.hasRemaining());
                    buffer.clear(); // the channel copied: reusing the buffer changes nothing downstream
                    buffer.put(new byte[n]);
                }
            }
            at += n;
        }
        // No flush: the engine hands over what is pending when the stream returns.
    }

    @ParameterizedTest
    @EnumSource(WriteBy.class)
    void everyByteArrivesOnceAndInOrderHoweverWrittenAndRead(WriteBy how) {
        byte[] data = randomText(4 << 20, 2_000, 42);
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        ByteArrayOutputStream channel = new ByteArrayOutputStream();
        Workflow wf = new Workflow("checksum").byteCapacity(64 << 10);
        var writer = wf.add(new ByteSource("write", out -> write(data, how, out, 7)));
        var byViews = wf.add(new ByteSink("views"));
        var byLines = wf.add(new ByteSink("lines", in -> {
            for (ByteBuffer line; (line = in.readLineWithTerminator(1 << 20)) != null; ) {
                append(lines, line);
            }
        }));
        var byStream = wf.add(new ByteSink("stream", in -> {
            Random random = new Random(3);
            InputStream input = in.asInputStream();
            byte[] buffer = new byte[100_000];
            while (true) {
                if (random.nextInt(10) == 0) {
                    int b = input.read();
                    if (b < 0) {
                        break;
                    }
                    stream.write(b);
                } else {
                    int n = input.read(buffer, 0, 1 + random.nextInt(buffer.length));
                    if (n < 0) {
                        break;
                    }
                    assertTrue(n > 0);
                    stream.write(buffer, 0, n);
                }
            }
            assertEquals(-1, input.read());
        }));
        var byChannel = wf.add(new ByteSink("channel", in -> {
            Random random = new Random(5);
            ReadableByteChannel input = in.asChannel();
            ByteBuffer buffer = ByteBuffer.allocateDirect(70_000);
            while (true) {
                buffer.clear().limit(1 + random.nextInt(buffer.capacity()));
                if (input.read(buffer) < 0) {
                    break;
                }
                append(channel, buffer.flip());
            }
        }));
        writer.out.pipe(byViews.in);
        writer.out.pipe(byLines.in);
        writer.out.pipe(byStream.in, 10_000);
        writer.out.pipe(byChannel.in, 1);

        wf.run();

        long expected = crc(data);
        assertEquals(data.length, byViews.bytes.size());
        assertEquals(expected, crc(byViews.bytes.toByteArray()), "read by views");
        for (var got : List.of(lines, stream, channel)) {
            assertEquals(data.length, got.size());
        }
        assertEquals(expected, crc(lines.toByteArray()), "read by lines");
        assertEquals(expected, crc(stream.toByteArray()), "read through an InputStream");
        assertEquals(expected, crc(channel.toByteArray()), "read through a channel");
        assertAllEnded(writer, byViews, byLines, byStream, byChannel);
    }

    @Test
    void aReaderGetsTheWritersMemoryNotACopyThroughARelayToo() {
        byte[] array = new byte[1000];
        ByteBuffer written = ByteBuffer.wrap(array, 100, 500).order(ByteOrder.LITTLE_ENDIAN);
        List<ByteBuffer> views = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("zero-copy");
        var writer = wf.add(new ByteSource("write", out -> {
            out.write(written);
            assertEquals(100, written.position(), "the writer's position is not moved");
        }));
        var relay = wf.add(new ByteRelay("relay"));
        var reader = wf.add(new ByteSink("read", in -> {
            for (ByteBuffer view; (view = in.readView()) != null; ) {
                views.add(view);
            }
        }));
        writer.out.pipe(relay.in);
        relay.out.pipe(reader.in);

        wf.run();

        assertEquals(1, views.size());
        ByteBuffer view = views.get(0);
        assertSame(array, view.array());
        assertEquals(100, view.arrayOffset() + view.position());
        assertEquals(500, view.remaining());
        assertEquals(ByteOrder.LITTLE_ENDIAN, view.order());
        assertNotSame(written, view);
    }

    @Test
    void backPressureBoundsTheBytesInFlightByTheCapacityInBytes() {
        int capacity = 10_000;
        int viewSize = 1_000;
        AtomicLong written = new AtomicLong();
        AtomicLong read = new AtomicLong();
        AtomicLong mostInFlight = new AtomicLong();
        Workflow wf = new Workflow("pressure");
        var writer = wf.add(new ByteSource("write", out -> {
            for (int i = 0; i < 2_000; i++) {
                out.write(ByteBuffer.allocate(viewSize));
                mostInFlight.accumulateAndGet(written.addAndGet(viewSize) - read.get(), Math::max);
            }
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            int views = 0;
            for (ByteBuffer view; (view = in.readView()) != null; ) {
                if (views++ % 100 == 0) {
                    Thread.sleep(5); // a slow reader: the pipe fills up
                }
                mostInFlight.accumulateAndGet(written.get() - read.get(), Math::max);
                read.addAndGet(view.remaining());
            }
        }));
        writer.out.pipe(reader.in, capacity);

        wf.run();

        assertEquals(2_000L * viewSize, read.get());
        // The pipe holds less than its capacity plus the view that filled it; the reader holds one more.
        assertTrue(mostInFlight.get() <= capacity + 2L * viewSize, "in flight: " + mostInFlight.get());
        assertTrue(mostInFlight.get() >= capacity, "the pipe never filled: " + mostInFlight.get());
    }

    @Test
    void viewsLargerThanTheCapacityGoThroughWhole() {
        byte[] big = new byte[100_000];
        new Random(1).nextBytes(big);
        List<ByteBuffer> views = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("large").byteCapacity(1024);
        var writer = wf.add(new ByteSource("write", out -> {
            out.write(ByteBuffer.wrap(big));
            out.write(ByteBuffer.wrap(big));
            out.write(ascii("end"));
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            for (ByteBuffer view; (view = in.readView()) != null; ) {
                views.add(view);
            }
        }));
        writer.out.pipe(reader.in);

        wf.run();

        assertEquals(3, views.size());
        assertSame(big, views.get(0).array());
        assertEquals(big.length, views.get(0).remaining());
        assertSame(big, views.get(1).array());
        assertEquals("end", ascii(views.get(2)));
    }

    @Test
    void aBroadcastGivesEachReaderEveryByteAsSlicesOfItsOwn() {
        byte[] data = randomText(300_000, 50, 9);
        Workflow wf = new Workflow("broadcast").byteCapacity(4096);
        var writer = wf.add(new ByteSource("write", out -> {
            for (int at = 0; at < data.length; at += 1000) {
                out.write(ByteBuffer.wrap(data, at, Math.min(1000, data.length - at)));
            }
        }));
        List<ByteBuffer> seenByA = Collections.synchronizedList(new ArrayList<>());
        // A consumes its views: relative gets move their positions, and it clears some.
        var a = wf.add(new ByteSink("a", in -> {
            for (ByteBuffer view; (view = in.readView()) != null; ) {
                seenByA.add(view);
                while (view.hasRemaining()) {
                    view.get();
                }
                view.clear();
            }
        }));
        var b = wf.add(new ByteSink("b"));
        writer.out.pipe(a.in);
        writer.out.pipe(b.in);

        wf.run();

        assertArrayEquals(data, b.bytes.toByteArray());
        assertEquals(300, seenByA.size());
        for (ByteBuffer view : seenByA) {
            assertSame(data, view.array(), "no copy");
        }
    }

    @Test
    void aByteOutputFeedsAnItemInputOneViewPerItem() {
        byte[] array = "hello, world".getBytes();
        Workflow wf = new Workflow("bytes-to-items");
        var writer = wf.add(new ByteSource("write", out -> {
            out.write(ByteBuffer.wrap(array, 0, 5));
            out.write(ByteBuffer.allocate(0)); // empty: nothing arrives
            out.asOutputStream().write(", ".getBytes());
            out.write(ByteBuffer.wrap(array, 7, 5));
        }));
        var views = wf.add(new Sink<ByteBuffer>("views"));
        var objects = wf.add(new Sink<Object>("objects"));
        writer.out.pipe(views.in);
        writer.out.pipe(objects.in, 1); // an item pipe: its capacity is in items

        wf.run();

        assertEquals(
                List.of("hello", ", ", "world"),
                views.items.stream().map(ByteSteps::ascii).toList());
        assertSame(array, views.items.get(0).array());
        assertEquals(3, objects.items.size());
        assertNotSame(views.items.get(0), objects.items.get(0), "each reader gets a slice of its own");
        assertTrue(wf.toString().contains("write.out  -> objects.in  1 items"), wf.toString());
    }

    @Test
    void anItemOutputOfBuffersFeedsAByteInputBoundedInBytes() {
        Workflow wf = new Workflow("items-to-bytes").byteCapacity(4);
        var source = wf.add(new Source<ByteBuffer>("buffers", out -> {
            for (String s : List.of("one\n", "two\nthr", "ee\n")) {
                out.push(ascii(s));
            }
        }));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        var reader = wf.add(new ByteSink("lines", in -> {
            for (ByteBuffer line; (line = in.readLine(100)) != null; ) {
                lines.add(ascii(line));
            }
        }));
        source.out.pipe(reader.in);

        assertTrue(wf.toString().contains("buffers.out  -> lines.in  4 bytes"), wf.toString());
        wf.run();

        assertEquals(List.of("one", "two", "three"), lines);
    }

    @Test
    void theStreamAndChannelViewsOfAnOutputKeepOrderWithViewsAndHandOverOnFlush() throws Exception {
        CountDownLatch firstLineRead = new CountDownLatch(1);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("flush");
        var writer = wf.add(new ByteSource("write", out -> {
            OutputStream stream = out.asOutputStream();
            stream.write("first ".getBytes());
            out.asChannel().write(ascii("line"));
            stream.write('\n');
            out.flush();
            // Were the bytes still held, the reader could not count down.
            assertTrue(firstLineRead.await(10, TimeUnit.SECONDS), "flush() did not hand the bytes over");
            stream.write('a');
            out.write(ascii("b"));
            out.asChannel().write(ascii("c"));
            stream.close();
            assertThrows(IOException.class, () -> stream.write('x'));
            out.asOutputStream().write('d'); // another view still works; handed over at the end
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            lines.add(ascii(in.readLine(100)));
            firstLineRead.countDown();
            lines.add(ascii(in.readLine(100)));
            assertNull(in.readLine(100));
        }));
        writer.out.pipe(reader.in);

        wf.run();

        assertEquals(List.of("first line", "abcd"), lines);
    }

    @Test
    void closingAStreamOrChannelViewOfAnInputOnlyClosesThatView() {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("close");
        var writer = wf.add(new ByteSource("write", out -> out.write(ascii("abcdef"))));
        var reader = wf.add(new ByteSink("read", in -> {
            InputStream stream = in.asInputStream();
            seen.add(String.valueOf((char) stream.read()));
            stream.close();
            seen.add(assertThrows(IOException.class, stream::read).getMessage());
            ReadableByteChannel channel = in.asChannel();
            ByteBuffer two = ByteBuffer.allocate(2);
            channel.read(two);
            seen.add(ascii(two.flip()));
            channel.close();
            assertFalse(channel.isOpen());
            assertThrows(ClosedChannelException.class, () -> channel.read(ByteBuffer.allocate(1)));
            seen.add(ascii(in.readView()));
            assertEquals(-1, in.asInputStream().read());
        }));
        writer.out.pipe(reader.in);

        wf.run();

        assertEquals(
                List.of(
                        "a",
                        "this InputStream of byte input 'read.in' was closed; the input itself stays"
                                + " readable (by readView, or a new asInputStream())",
                        "bc",
                        "def"),
                seen);
    }

    @Test
    void anInputStreamTransfersToAnOutputStreamWithoutLosingBytes() {
        byte[] data = randomText(1 << 20, 100, 11);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Workflow wf = new Workflow("transfer").byteCapacity(8192);
        var writer = wf.add(new ByteSource("write", out -> {
            out.write(ByteBuffer.allocateDirect(3).put(data, 0, 3).flip());
            out.asOutputStream().write(data, 3, data.length - 3);
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            InputStream stream = in.asInputStream();
            got.write(stream.read());
            assertEquals(data.length - 1, stream.transferTo(got));
        }));
        writer.out.pipe(reader.in);

        wf.run();

        assertArrayEquals(data, got.toByteArray());
    }

    @Test
    void aDiscardedByteOutputDropsWhatIsWritten() {
        Workflow wf = new Workflow("discard");
        var writer = wf.add(new ByteSource("write", out -> {
            for (int i = 0; i < 1000; i++) {
                out.write(ByteBuffer.allocate(10_000));
            }
            out.asOutputStream().write(new byte[100]);
        }));
        writer.out.discard();

        wf.run();

        assertAllEnded(writer);
    }

    @Test
    void byteCapacityAndGrowthLimitAreCheckedAndFixedOnceStarted() {
        Workflow wf = new Workflow("settings");
        assertEquals(Workflow.DEFAULT_BYTE_CAPACITY, wf.byteCapacity());
        assertEquals(Workflow.DEFAULT_BYTE_GROWTH_LIMIT, wf.byteGrowthLimit());
        assertEquals(
                "the capacity of the byte pipes of workflow 'settings' must be in [1, 1073741824] bytes, got 0",
                assertThrows(IllegalArgumentException.class, () -> wf.byteCapacity(0))
                        .getMessage());
        assertThrows(IllegalArgumentException.class, () -> wf.byteGrowthLimit(0));
        var writer = wf.add(new ByteSource("write", out -> {}));
        var reader = wf.add(new ByteSink("read"));
        assertEquals(
                "the capacity of pipe 'write.out -> read.in' must be in [1, 1073741824] bytes, got -1",
                assertThrows(IllegalArgumentException.class, () -> writer.out.pipe(reader.in, -1))
                        .getMessage());
        writer.out.pipe(reader.in);
        assertTrue(wf.toString().contains("write.out  -> read.in  1048576 bytes"), wf.toString());

        wf.run();

        assertThrows(IllegalStateException.class, () -> wf.byteCapacity(10));
        assertThrows(IllegalStateException.class, () -> wf.byteGrowthLimit(10));
    }
}
