package io.mimo.runtime.bytes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random operation sequences on a {@link ByteStream}, checked against a plain byte array (plus the
 * byte order each byte was written in). On failure the message names the seed and the operations.
 */
class ByteStreamModelTest {
    private static final int SEEDS = 400;
    private static final int OPS = 250;

    @Test
    @Timeout(30)
    void everyOperationAgreesWithAByteArrayModel() {
        for (int seed = 0; seed < SEEDS; seed++) new Run(seed).run();
    }

    /** One seeded run: the stream under test, the model, and the log of operations so far. */
    private static final class Run {
        final long seed;
        final Random random;
        final List<String> log = new ArrayList<>();
        ByteStream stream = new ByteStream();
        OutputStream out = stream.asOutputStream();
        InputStream in = stream.asInputStream();
        /** The bytes the stream should hold, head first, and the byte order each came with. */
        byte[] model = new byte[0];

        ByteOrder[] orders = new ByteOrder[0];
        /** Buffers handed to the stream, and the position and limit they must keep. */
        final List<Object[]> callerBuffers = new ArrayList<>();

        Run(long seed) {
            this.seed = seed;
            this.random = new Random(seed);
        }

        void run() {
            try {
                for (int i = 0; i < OPS; i++) {
                    step();
                    checkInvariants();
                }
                for (Object[] b : callerBuffers) {
                    ByteBuffer buffer = (ByteBuffer) b[0];
                    assertEquals(b[1], buffer.position(), "a written buffer's position moved");
                    assertEquals(b[2], buffer.limit(), "a written buffer's limit moved");
                }
            } catch (Throwable t) {
                throw new AssertionError("seed " + seed + " failed; operations:\n  " + String.join("\n  ", log), t);
            }
        }

        void step() throws IOException {
            switch (random.nextInt(30)) {
                case 0, 1, 2 -> {
                    ByteBuffer view = callerView();
                    op("writeView(" + describe(view) + ")");
                    assertEquals(view.remaining(), stream.writeView(view));
                    append(view);
                }
                case 3 -> {
                    byte[] bytes = bytes(random.nextInt(12));
                    int off = random.nextInt(bytes.length + 1);
                    int len = random.nextInt(bytes.length - off + 1);
                    op("write(byte[" + bytes.length + "], " + off + ", " + len + ")");
                    assertEquals(len, stream.write(bytes, off, len));
                    append(ByteBuffer.wrap(bytes, off, len));
                }
                case 4 -> {
                    List<ByteBuffer> list = new ArrayList<>();
                    for (int i = random.nextInt(4); i > 0; i--) list.add(callerView());
                    op("writeViews(" + list.size() + " views)");
                    long total = 0;
                    for (ByteBuffer v : list) total += v.remaining();
                    long written = random.nextBoolean()
                            ? stream.writeViews(list)
                            : stream.writeViews(list.toArray(ByteBuffer[]::new));
                    assertEquals(total, written);
                    for (ByteBuffer v : list) append(v);
                }
                case 5 -> {
                    ByteBuffer view = callerView();
                    op("unreadView(" + describe(view) + ")");
                    assertEquals(view.remaining(), stream.unreadView(view));
                    prepend(view);
                }
                case 6 -> {
                    op("unwriteView()");
                    List<ByteBuffer> before = stream.views();
                    ByteBuffer got = stream.unwriteView();
                    if (before.isEmpty()) {
                        assertEquals(0, got.remaining());
                    } else {
                        assertContent(before.get(before.size() - 1), got);
                        assertEquals(
                                got.remaining(),
                                got.capacity() - got.position(),
                                "a view handed out ends at its capacity");
                        assertOrderOfByte(model.length - got.remaining(), got);
                        cut(model.length - got.remaining(), model.length);
                    }
                }
                case 7, 8 -> {
                    op("readView()");
                    List<ByteBuffer> before = stream.views();
                    ByteBuffer got = stream.readView();
                    if (before.isEmpty()) {
                        assertEquals(0, got.remaining());
                    } else {
                        assertContent(before.get(0), got);
                        assertEquals(
                                got.remaining(),
                                got.capacity() - got.position(),
                                "a view handed out ends at its capacity");
                        expectHead(got);
                    }
                }
                case 9 -> {
                    op("readViews()");
                    List<ByteBuffer> before = stream.views();
                    List<ByteBuffer> got = stream.readViews();
                    assertEquals(before.size(), got.size());
                    for (int i = 0; i < got.size(); i++) {
                        assertContent(before.get(i), got.get(i));
                        expectHead(got.get(i));
                    }
                }
                case 10, 11 -> {
                    int n = random.nextInt(model.length + 6);
                    op("read(" + n + ")");
                    ByteBuffer head = stream.viewCount() > 0 ? stream.peek(0) : null;
                    ByteBuffer got = stream.read(n);
                    assertEquals(Math.min(n, model.length), got.remaining());
                    if (head != null && head.remaining() >= got.remaining() && head.hasArray() && got.remaining() > 0) {
                        assertSame(head.array(), got.array(), "read(n) copied bytes the head view held");
                    }
                    expectHead(got);
                }
                case 12 -> {
                    op("read()");
                    ByteBuffer got = stream.read();
                    assertEquals(model.length, got.remaining());
                    expectHead(got);
                }
                case 13 -> {
                    int n = random.nextInt(20);
                    op("read1(" + n + ")");
                    List<ByteBuffer> before = stream.views();
                    ByteBuffer got = stream.read1(n);
                    int expected =
                            before.isEmpty() ? 0 : Math.min(n, before.get(0).remaining());
                    assertEquals(expected, got.remaining());
                    expectHead(got);
                }
                case 14 -> {
                    int size = random.nextInt(20);
                    int pos = random.nextInt(4);
                    ByteBuffer dst = ByteBuffer.allocate(size + pos).position(pos);
                    op("readInto(ByteBuffer " + size + " free)");
                    int got = stream.readInto(dst);
                    assertEquals(Math.min(size, model.length), got);
                    assertEquals(pos + got, dst.position(), "readInto moves dst's position by the count");
                    byte[] copied = Arrays.copyOfRange(dst.array(), pos, pos + got);
                    assertArrayEquals(Arrays.copyOf(model, got), copied);
                    cut(0, got);
                }
                case 15 -> {
                    byte[] dst = new byte[random.nextInt(20)];
                    int off = random.nextInt(dst.length + 1);
                    int len = random.nextInt(dst.length - off + 1);
                    op("readInto(byte[" + dst.length + "], " + off + ", " + len + ")");
                    int got = stream.readInto(dst, off, len);
                    assertEquals(Math.min(len, model.length), got);
                    assertArrayEquals(Arrays.copyOf(model, got), Arrays.copyOfRange(dst, off, off + got));
                    cut(0, got);
                }
                case 16, 17, 18 -> readLine(random.nextBoolean());
                case 19 -> {
                    long n = random.nextInt(model.length + 6);
                    op("skip(" + n + ")");
                    assertEquals(Math.min(n, model.length), stream.skip(n));
                    cut(0, (int) Math.min(n, model.length));
                }
                case 20 -> {
                    long n = random.nextInt(model.length + 6);
                    op("truncate(" + n + ")");
                    assertEquals(Math.min(n, model.length), stream.truncate(n));
                    cut((int) Math.min(n, model.length), model.length);
                }
                case 21 -> {
                    op("peek/getByte/indexOf/toView");
                    if (stream.viewCount() > 0) {
                        int i = random.nextInt(stream.viewCount());
                        ByteBuffer peeked = stream.peek(i);
                        assertContent(stream.views().get(i), peeked);
                        peeked.position(peeked.limit()); // moving a peeked view must not consume
                        peeked.order(
                                peeked.order() == ByteOrder.BIG_ENDIAN
                                        ? ByteOrder.LITTLE_ENDIAN
                                        : ByteOrder.BIG_ENDIAN);
                    }
                    assertThrows(IndexOutOfBoundsException.class, () -> stream.peek(stream.viewCount()));
                    if (model.length > 0) {
                        int i = random.nextInt(model.length);
                        assertEquals(model[i], stream.getByte(i));
                    }
                    byte b = pickByte();
                    int from = random.nextInt(model.length + 2);
                    int to = from + random.nextInt(model.length + 3);
                    assertEquals(
                            modelIndexOf(b, from, to),
                            stream.indexOf(b, from, to),
                            "indexOf(" + b + ", " + from + ", " + to + ")");
                    ByteBuffer whole = stream.toView();
                    assertArrayEquals(model, bytesOf(whole));
                    if (model.length > 0) assertOrderOfByte(0, whole);
                }
                case 22 -> {
                    op("copy() and carry on with the copy");
                    ByteStream copy = stream.copy();
                    assertEquals(stream.viewCount(), copy.viewCount());
                    // reading the original must not disturb the copy
                    stream.readViews();
                    stream = copy;
                    out = stream.asOutputStream();
                    in = stream.asInputStream();
                }
                case 23 -> {
                    op("deepCopy(), scribble on it");
                    ByteStream copy = stream.deepCopy();
                    assertEquals(stream.viewCount(), copy.viewCount());
                    List<ByteBuffer> copied = copy.views();
                    List<ByteBuffer> original = stream.views();
                    for (int i = 0; i < copied.size(); i++) {
                        assertEquals(original.get(i).order(), copied.get(i).order());
                        assertEquals(original.get(i).isDirect(), copied.get(i).isDirect());
                    }
                    assertArrayEquals(model, copy.toByteArray());
                    for (ByteBuffer v : copied) {
                        for (int i = v.position(); i < v.limit(); i++) v.put(i, (byte) ~v.get(i));
                    }
                    // the original is checked against the model after every step
                }
                case 24 -> {
                    op("asInputStream reads");
                    int choice = random.nextInt(4);
                    if (choice == 0) {
                        int b = in.read();
                        if (model.length == 0) {
                            assertEquals(-1, b);
                        } else {
                            assertEquals(model[0] & 0xff, b);
                            cut(0, 1);
                        }
                    } else if (choice == 1) {
                        byte[] dst = new byte[random.nextInt(10)];
                        int n = in.read(dst, 0, dst.length);
                        if (dst.length == 0) assertEquals(0, n);
                        else if (model.length == 0) assertEquals(-1, n);
                        else {
                            assertEquals(Math.min(dst.length, model.length), n);
                            assertArrayEquals(Arrays.copyOf(model, n), Arrays.copyOf(dst, n));
                            cut(0, n);
                        }
                    } else if (choice == 2) {
                        assertEquals(model.length, in.available());
                        long n = random.nextInt(8);
                        assertEquals(Math.min(n, model.length), in.skip(n));
                        cut(0, (int) Math.min(n, model.length));
                    } else {
                        ByteArrayOutputStream sink = new ByteArrayOutputStream();
                        assertEquals(model.length, in.transferTo(sink));
                        assertArrayEquals(model, sink.toByteArray());
                        cut(0, model.length);
                    }
                }
                case 25, 26 -> {
                    byte[] bytes = bytes(random.nextInt(3) == 0 ? 1 : random.nextInt(40));
                    op("asOutputStream write " + bytes.length + " bytes");
                    byte[] expected = bytes.clone();
                    if (bytes.length == 1 && random.nextBoolean()) out.write(bytes[0]);
                    else out.write(bytes);
                    // The stream must have copied them: reusing the array may not change its content.
                    Arrays.fill(bytes, (byte) 'X');
                    appendBytes(expected, ByteOrder.BIG_ENDIAN);
                }
                case 27 -> {
                    byte[] bytes = bytes(random.nextInt(30));
                    int max = random.nextInt(20);
                    boolean channel = random.nextBoolean();
                    op("readFrom(" + (channel ? "channel" : "InputStream") + " of " + bytes.length + ", " + max + ")");
                    int n = channel
                            ? stream.readFrom(TestIo.shortReadChannel(bytes, random), max)
                            : stream.readFrom(TestIo.shortReads(bytes, random), max);
                    if (bytes.length == 0 && max > 0) assertEquals(-1, n);
                    else {
                        assertTrue(n >= 0 && n <= Math.min(max, bytes.length), "read count " + n);
                        appendBytes(Arrays.copyOf(bytes, n), ByteOrder.BIG_ENDIAN);
                    }
                }
                case 28 -> {
                    op("writeTo(short-write gathering channel)");
                    TestIo.ShortWriteChannel channel = new TestIo.ShortWriteChannel(random, 0.3, ByteStream.MAX_GATHER);
                    long n = stream.writeTo(channel);
                    assertEquals(channel.written.size(), n);
                    assertArrayEquals(Arrays.copyOf(model, (int) n), channel.written.toByteArray());
                    cut(0, (int) n);
                }
                case 29 -> {
                    op("writeTo(OutputStream)");
                    ByteArrayOutputStream sink = new ByteArrayOutputStream();
                    assertEquals(model.length, stream.writeTo(sink));
                    assertArrayEquals(model, sink.toByteArray());
                    cut(0, model.length);
                }
                default -> throw new AssertionError();
            }
        }

        void readLine(boolean withTerminator) {
            // Mostly short maxima (lines too long come up), sometimes long ones (searches span words).
            int max = random.nextInt(4) == 0 ? random.nextInt(64) : random.nextInt(12);
            op((withTerminator ? "readLineWithTerminator(" : "readLine(") + max + ")");
            // The spec, stated on the whole byte array: the first '\n' ends the line; a '\r' just
            // before it is part of the terminator; a line longer than max is an error as soon as
            // that is certain, a line without '\n' yet is null.
            int newline = -1;
            for (int i = 0; i < model.length; i++) {
                if (model[i] == '\n') {
                    newline = i;
                    break;
                }
            }
            if (newline < 0) {
                int shortest = model.length > 0 && model[model.length - 1] == '\r' ? model.length - 1 : model.length;
                if (shortest > max) {
                    LineTooLongException e = assertThrows(LineTooLongException.class, () -> call(withTerminator, max));
                    assertEquals(max, e.maxLength());
                    assertTrue(e.getMessage().contains(String.valueOf(max)), e.getMessage());
                } else {
                    assertNull(call(withTerminator, max));
                }
                return;
            }
            int length = newline > 0 && model[newline - 1] == '\r' ? newline - 1 : newline;
            if (length > max) {
                assertThrows(LineTooLongException.class, () -> call(withTerminator, max));
                return;
            }
            ByteBuffer line = call(withTerminator, max);
            int expected = withTerminator ? newline + 1 : length;
            assertArrayEquals(Arrays.copyOf(model, expected), bytesOf(line));
            if (expected > 0) assertOrderOfByte(0, line);
            cut(0, newline + 1);
        }

        ByteBuffer call(boolean withTerminator, int max) {
            return withTerminator ? stream.readLineWithTerminator(max) : stream.readLine(max);
        }

        void checkInvariants() {
            assertEquals(model.length, stream.byteCount(), "byteCount");
            assertEquals(model.length == 0, stream.isEmpty(), "isEmpty");
            assertArrayEquals(model, stream.toByteArray(), "content");
            List<ByteBuffer> views = stream.views();
            assertEquals(views.size(), stream.viewCount(), "viewCount");
            int at = 0;
            for (ByteBuffer v : views) {
                assertTrue(v.hasRemaining(), "an empty view is held");
                for (int i = v.position(); i < v.limit(); i++) {
                    assertEquals(model[at], v.get(i), "view content at byte " + at);
                    assertEquals(orders[at], v.order(), "byte order of the view holding byte " + at);
                    at++;
                }
            }
            assertThrows(UnsupportedOperationException.class, () -> views.add(ByteBuffer.allocate(1)));
        }

        // ---- model helpers

        void op(String description) {
            log.add(description + "   [model " + model.length + " bytes, " + stream.viewCount() + " views]");
        }

        /** The got buffer must be the model's head: check content and order, then drop it. */
        void expectHead(ByteBuffer got) {
            assertArrayEquals(Arrays.copyOf(model, got.remaining()), bytesOf(got));
            if (got.hasRemaining()) assertOrderOfByte(0, got);
            cut(0, got.remaining());
        }

        void assertOrderOfByte(int index, ByteBuffer got) {
            assertEquals(orders[index], got.order(), "byte order of a returned buffer");
        }

        void append(ByteBuffer view) {
            appendBytes(bytesOf(view), view.order());
        }

        void prepend(ByteBuffer view) {
            byte[] bytes = bytesOf(view);
            byte[] m = new byte[model.length + bytes.length];
            ByteOrder[] o = new ByteOrder[m.length];
            System.arraycopy(bytes, 0, m, 0, bytes.length);
            Arrays.fill(o, 0, bytes.length, view.order());
            System.arraycopy(model, 0, m, bytes.length, model.length);
            System.arraycopy(orders, 0, o, bytes.length, orders.length);
            model = m;
            orders = o;
        }

        void appendBytes(byte[] bytes, ByteOrder order) {
            int old = model.length;
            model = Arrays.copyOf(model, old + bytes.length);
            orders = Arrays.copyOf(orders, old + bytes.length);
            System.arraycopy(bytes, 0, model, old, bytes.length);
            Arrays.fill(orders, old, orders.length, order);
        }

        /** Removes model bytes [from, to). */
        void cut(int from, int to) {
            byte[] m = new byte[model.length - (to - from)];
            ByteOrder[] o = new ByteOrder[m.length];
            System.arraycopy(model, 0, m, 0, from);
            System.arraycopy(model, to, m, from, model.length - to);
            System.arraycopy(orders, 0, o, 0, from);
            System.arraycopy(orders, to, o, from, orders.length - to);
            model = m;
            orders = o;
        }

        long modelIndexOf(byte b, int from, int to) {
            for (int i = from; i < Math.min(to, model.length); i++) if (model[i] == b) return i;
            return -1;
        }

        // ---- random data

        /** Bytes rich in line terminators so that lines come up often. */
        byte[] bytes(int n) {
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) bytes[i] = pickByte();
            return bytes;
        }

        byte pickByte() {
            return switch (random.nextInt(9)) {
                case 0 -> '\n';
                case 1 -> '\r';
                case 2 -> (byte) 0xff;
                // values a word-at-a-time search could mistake for '\n': one bit off, high bit set, zero
                case 3 -> (byte) new int[] {0x0b, 0x8a, 0x00, 0x09}[random.nextInt(4)];
                default -> (byte) ('a' + random.nextInt(4));
            };
        }

        /**
         * A view of random content inside a larger buffer: heap or direct, either byte order,
         * sometimes read-only, position and limit not at the buffer's ends.
         */
        ByteBuffer callerView() {
            byte[] content = bytes(random.nextInt(3) == 0 ? 0 : random.nextInt(random.nextInt(4) == 0 ? 40 : 16));
            int before = random.nextInt(4);
            int after = random.nextInt(4);
            ByteBuffer buffer = random.nextBoolean()
                    ? ByteBuffer.allocate(before + content.length + after)
                    : ByteBuffer.allocateDirect(before + content.length + after);
            for (int i = 0; i < buffer.capacity(); i++) buffer.put(i, (byte) '#');
            buffer.put(before, content);
            buffer.position(before).limit(before + content.length);
            buffer.order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
            if (random.nextInt(4) == 0) buffer = buffer.asReadOnlyBuffer().order(buffer.order());
            callerBuffers.add(new Object[] {buffer, buffer.position(), buffer.limit()});
            return buffer;
        }

        static String describe(ByteBuffer view) {
            return view.remaining() + " bytes" + (view.isDirect() ? ", direct" : "")
                    + (view.isReadOnly() ? ", read-only" : "") + ", " + view.order();
        }
    }

    static byte[] bytesOf(ByteBuffer view) {
        byte[] bytes = new byte[view.remaining()];
        view.get(view.position(), bytes);
        return bytes;
    }

    static void assertContent(ByteBuffer expected, ByteBuffer actual) {
        assertArrayEquals(bytesOf(expected), bytesOf(actual));
        assertEquals(expected.order(), actual.order());
    }
}
