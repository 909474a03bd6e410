package io.mimo.runtime.bytes;

import static io.mimo.runtime.bytes.ByteStreamModelTest.bytesOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The byte search under {@link ByteStream#indexOf} and {@link ByteStream#readLine}, which looks at
 * eight bytes at a time: matches at every offset of a word and of a view, views shorter than a
 * word, every kind of buffer (heap, heap slices, direct, read-only, either byte order), and bytes
 * next to the one searched for in value, which a word-at-a-time test could mistake for it.
 */
class ByteStreamSearchTest {

    /** Byte values around the searched ones: one bit off, the high bit set, all bits set, zero. */
    private static final byte[] FILLERS = {
        0x00, 0x01, 0x09, 0x0B, '\r', 0x7F, (byte) 0x80, (byte) 0x8A, (byte) 0x8B, (byte) 0xFF, 'a'
    };

    private static final byte[] TARGETS = {'\n', 0x00, (byte) 0x80, (byte) 0xFF, 0x0B};
    private static final int[] LENGTHS = {0, 1, 2, 3, 5, 7, 8, 9, 10, 15, 16, 17, 23, 24, 25, 31, 32, 33, 40};

    /** Ways to hold the same bytes: the buffer's remaining bytes are {@code content}. */
    private enum Kind {
        HEAP_AT_OFFSET(content -> {
            byte[] array = new byte[content.length + 7];
            System.arraycopy(content, 0, array, 3, content.length);
            return ByteBuffer.wrap(array, 3, content.length);
        }),
        HEAP_SLICE(content -> {
            byte[] array = new byte[content.length + 9];
            System.arraycopy(content, 0, array, 5, content.length);
            // a slice has a non-zero arrayOffset; positioned further in as well
            return ByteBuffer.wrap(array).position(3).slice().position(2).limit(2 + content.length);
        }),
        DIRECT(content -> ByteBuffer.allocateDirect(content.length + 6)
                .position(1)
                .put(content)
                .flip()
                .position(1)),
        READ_ONLY_HEAP(content -> HEAP_AT_OFFSET.of(content).asReadOnlyBuffer());

        private final Function<byte[], ByteBuffer> maker;

        Kind(Function<byte[], ByteBuffer> maker) {
            this.maker = maker;
        }

        ByteBuffer of(byte[] content) {
            return maker.apply(content);
        }

        ByteBuffer of(byte[] content, ByteOrder order) {
            return of(content).order(order);
        }
    }

    private static byte[] filled(int length, byte filler) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, filler);
        return bytes;
    }

    private static long naiveIndexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) if (bytes[i] == b) return i;
        return -1;
    }

    @Test
    void indexOfFindsTheFirstMatchAtEveryOffsetAmongBytesNearItInValue() {
        for (Kind kind : Kind.values()) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
                for (byte target : TARGETS) {
                    for (byte filler : FILLERS) {
                        if (filler == target) continue;
                        for (int length : LENGTHS) {
                            for (int at = -1; at < length; at++) {
                                byte[] content = filled(length, filler);
                                if (at >= 0) content[at] = target;
                                // a second match later must not win over the first
                                if (at >= 0 && at + 9 < length) content[at + 9] = target;
                                ByteStream stream = ByteStream.fromBuffer(kind.of(content, order));
                                for (int from : new int[] {0, 1, Math.max(at, 0), at + 1}) {
                                    String what = kind + " " + order + ", " + length + " bytes of " + filler + ", "
                                            + target + " at " + at + ", from " + from;
                                    assertEquals(
                                            naiveIndexOf(content, target, from),
                                            stream.indexOf(target, from, length + 5),
                                            what);
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void indexOfSearchesEveryViewOfAStreamOfShortAndLongViews() {
        for (Kind kind : Kind.values()) {
            ByteStream stream = new ByteStream();
            byte[] all = new byte[0];
            // views of 1 to 19 bytes, the newline in the last one only
            for (int length = 1; length < 20; length++) {
                byte[] content = filled(length, (byte) 0x0B);
                if (length == 19) content[11] = '\n';
                stream.writeView(kind.of(content));
                all = concat(all, content);
            }
            long expected = naiveIndexOf(all, (byte) '\n', 0);
            assertEquals(expected, stream.indexOf((byte) '\n', 0, all.length), kind.toString());
            assertEquals(expected, stream.indexOf((byte) '\n', expected, expected + 1), kind.toString());
            assertEquals(-1, stream.indexOf((byte) '\n', 0, expected), kind.toString());
        }
    }

    @Test
    void indexOfFromEveryIndexFindsWhatANaiveSearchFinds() {
        // A search starting in the second half walks back from the tail to its first view; one in
        // the first half walks forward from the head: both must land on the same bytes.
        ByteStream stream = new ByteStream();
        byte[] all = new byte[0];
        for (int length : new int[] {3, 1, 0, 9, 2, 17, 1, 1, 8, 5, 0, 12, 1}) {
            byte[] content = filled(length, (byte) 0x0B);
            for (int i = 0; i < length; i += 4) {
                content[i] = '\n';
            }
            stream.writeView(ByteBuffer.wrap(content));
            all = concat(all, content);
        }
        for (int from = 0; from <= all.length; from++) {
            for (int to = from; to <= all.length + 1; to++) {
                long expected = naiveIndexOf(all, (byte) '\n', from);
                long within = expected >= 0 && expected < to ? expected : -1;
                assertEquals(within, stream.indexOf((byte) '\n', from, to), "indexOf('\\n', " + from + ", " + to + ")");
            }
        }
    }

    @Test
    void readLineFindsTheNewlineAtEveryOffsetOfAView() {
        for (Kind kind : Kind.values()) {
            for (byte filler : new byte[] {'a', 0x0B, (byte) 0x8A, (byte) 0xFF, 0x00, 0x09}) {
                for (int length = 1; length <= 40; length++) {
                    for (int at = 0; at < length; at++) {
                        for (boolean crlf : new boolean[] {false, true}) {
                            if (crlf && at == 0) continue;
                            byte[] content = filled(length, filler);
                            content[at] = '\n';
                            if (crlf) content[at - 1] = '\r';
                            ByteBuffer view = kind.of(content);
                            ByteStream stream = ByteStream.fromBuffer(view);
                            String what = kind + ", " + length + " bytes of " + filler + ", newline at " + at
                                    + (crlf ? " after \\r" : "");

                            ByteBuffer line = stream.readLine(64);

                            assertArrayEquals(Arrays.copyOf(content, crlf ? at - 1 : at), bytesOf(line), what);
                            assertEquals(length - at - 1, stream.byteCount(), what);
                            if (view.hasArray())
                                assertSame(view.array(), line.array(), "a line inside one view is a slice: " + what);
                            assertNull(stream.readLine(64), what); // the rest holds no newline
                        }
                    }
                }
            }
        }
    }

    @Test
    void readLineEndsAtTheMaximumWhereverTheNewlineFallsInAWord() {
        for (int max = 0; max <= 20; max++) {
            for (int length = 0; length <= 24; length++) {
                byte[] content = concat(filled(length, (byte) 0x0B), new byte[] {'\n'});
                ByteStream stream = ByteStream.fromBuffer(ByteBuffer.wrap(content));
                if (length > max) {
                    int m = max;
                    assertThrows(LineTooLongException.class, () -> stream.readLine(m), length + " bytes, max " + max);
                    assertEquals(content.length, stream.byteCount(), "nothing consumed");
                } else {
                    assertEquals(length, stream.readLine(max).remaining(), length + " bytes, max " + max);
                }
            }
        }
    }

    @Test
    void aCarriageReturnEndingOneViewAndANewlineStartingTheNextEndOneLine() {
        for (Kind first : Kind.values()) {
            for (Kind second : Kind.values()) {
                for (int length = 0; length <= 20; length++) {
                    byte[] head = concat(filled(length, (byte) 0x0C), new byte[] {'\r'});
                    String what = first + " then " + second + ", " + length + " bytes before \\r";
                    for (boolean withTerminator : new boolean[] {false, true}) {
                        ByteStream stream = new ByteStream();
                        stream.writeView(first.of(head));
                        assertNull(stream.readLine(length), what + ": the \\r alone ends nothing");
                        stream.writeView(second.of("\nnext\r\n".getBytes(US_ASCII)));

                        ByteBuffer line =
                                withTerminator ? stream.readLineWithTerminator(length) : stream.readLine(length);

                        byte[] expected =
                                withTerminator ? concat(head, new byte[] {'\n'}) : filled(length, (byte) 0x0C);
                        assertArrayEquals(expected, bytesOf(line), what);
                        assertEquals("next", new String(bytesOf(stream.readLine(4)), US_ASCII), what);
                    }
                    ByteStream stream = new ByteStream();
                    stream.writeViews(first.of(head), second.of(new byte[] {'\n'}));
                    if (length > 0) {
                        int max = length - 1;
                        assertThrows(LineTooLongException.class, () -> stream.readLine(max), what);
                    }
                }
            }
        }
    }

    @Test
    void aLineArrivingAByteAtATimeIsWholeWhenItsNewlineArrives() {
        byte[] line = "a line of some length, long enough to span words\r\n".getBytes(US_ASCII);
        for (Kind kind : Kind.values()) {
            ByteStream stream = new ByteStream();
            for (int i = 0; i < line.length - 1; i++) {
                stream.writeView(kind.of(new byte[] {line[i]}));
                assertNull(stream.readLine(100), kind + ", after byte " + i);
            }
            stream.writeView(kind.of(new byte[] {'\n', 'z'}));
            assertArrayEquals(Arrays.copyOf(line, line.length - 2), bytesOf(stream.readLine(100)), kind.toString());
            assertEquals(1, stream.byteCount());
        }
    }

    /** readLine remembers how far it searched; every way of changing the head must be seen. */
    @Test
    void aSearchThatFoundNoLineIsNotTrustedForBytesPutBackAtTheHead() {
        ByteStream stream = ByteStream.fromBuffer(ByteBuffer.wrap("abcdefghij".getBytes(US_ASCII)));
        assertNull(stream.readLine(100));

        stream.unreadView(ByteBuffer.wrap("x\n".getBytes(US_ASCII)));

        assertEquals("x", new String(bytesOf(stream.readLine(100)), US_ASCII));
        assertNull(stream.readLine(100));
    }

    @Test
    void aSearchThatFoundNoLineStillHoldsAfterTruncatingAndWritingAgain() {
        ByteStream stream = ByteStream.fromBuffer(ByteBuffer.wrap("abcdefghij".getBytes(US_ASCII)));
        assertNull(stream.readLine(100));

        stream.truncate(2);
        stream.write("\nrest".getBytes(US_ASCII));

        assertEquals("ab", new String(bytesOf(stream.readLine(100)), US_ASCII));
    }

    @Test
    void aSearchThatFoundNoLineStillHoldsAfterReadingPartOfIt() {
        ByteStream stream = new ByteStream();
        stream.writeViews(
                ByteBuffer.wrap("abcdefghijkl".getBytes(US_ASCII)), ByteBuffer.wrap("mnop".getBytes(US_ASCII)));
        assertNull(stream.readLine(100));

        stream.skip(13);
        stream.write("q\r\nr\n".getBytes(US_ASCII));

        assertEquals("nopq", new String(bytesOf(stream.readLine(100)), US_ASCII));
        assertEquals("r", new String(bytesOf(stream.readLine(100)), US_ASCII));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
