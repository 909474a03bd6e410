package io.mimo.runtime.bytes;

import static io.mimo.runtime.bytes.ByteStreamModelTest.bytesOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/**
 * The places where {@link ByteStream} differs from Python's streamview on purpose, one test each,
 * as the class doc lists them. Each test says what streamview does instead. (That a one-view
 * stream's deep copy shares no memory, where streamview's shares it, is
 * {@link ByteStreamTest#deepCopyOfAOneViewStreamSharesNoMemory()}.)
 */
class ByteStreamStreamviewTest {

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(US_ASCII));
    }

    private static String text(ByteBuffer view) {
        return view == null ? null : new String(bytesOf(view), US_ASCII);
    }

    @Test
    void anEmptyStreamReturnsEmptyZeroOrNullWhereStreamviewRaisesBlockingIOError() {
        // streamview: readview, unwriteview, read1, read (even read() and read(0)), readinto,
        // readinto1 and readline raise BlockingIOError on an empty stream.
        ByteStream stream = new ByteStream();

        assertEquals(0, stream.readView().remaining());
        assertEquals(0, stream.unwriteView().remaining());
        assertEquals(0, stream.read1(1).remaining());
        assertEquals(0, stream.read1(0).remaining());
        assertEquals(0, stream.read(1).remaining());
        assertEquals(0, stream.read(0).remaining());
        assertEquals(0, stream.read().remaining());
        assertEquals(0, stream.readInto(ByteBuffer.allocate(1)));
        assertEquals(0, stream.readInto(new byte[1], 0, 1));
        assertNull(stream.readLine(10));
        assertNull(stream.readLineWithTerminator(10));
        assertEquals(0, stream.skip(1));
        assertEquals(0, stream.truncate(1));
        assertTrue(stream.readViews().isEmpty());
        assertTrue(stream.isEmpty(), "nothing yet; the stream goes on");
        stream.write(new byte[] {'x'});
        assertEquals("x", text(stream.read()));
    }

    @Test
    void readLineConsumesTheTerminatorAndWaitsForItWhereStreamviewLeavesItAndTakesAnUnterminatedRest() {
        // streamview: readline() on "a\nb" returns "a" and leaves "\nb", so every later call returns
        // an empty line; and on "b" alone it returns "b" as a line.
        ByteStream stream = ByteStream.fromBuffer(ascii("a\nb"));

        assertEquals("a", text(stream.readLine(10)));
        assertEquals(1, stream.byteCount(), "the \\n went with the line");
        assertNull(stream.readLine(10), "\"b\" is no line until its terminator arrives");
        assertEquals(1, stream.byteCount(), "and stays in the stream");
        stream.write("\n".getBytes(US_ASCII));
        assertEquals("b", text(stream.readLine(10)));
        assertTrue(stream.isEmpty());
    }

    @Test
    void toViewAndToByteArrayDoNotConsumeWhereStreamviewsToviewAndBytesDo() {
        // streamview: toview() is read(), and bytes(stream) calls toview(): both empty the stream.
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("ab"), ascii("cd"), ascii("ef"));

        assertEquals("abcdef", text(stream.toView()));
        assertEquals("abcdef", new String(stream.toByteArray(), US_ASCII));
        assertEquals("abcdef", text(stream.toView()), "a second look sees the same");

        assertEquals(6, stream.byteCount());
        assertEquals(3, stream.viewCount(), "the views are still the ones written");
        assertEquals("ab", text(stream.readView()));
        assertEquals("cdef", text(stream.read()), "read() is what takes everything");
    }

    @Test
    void deepCopyKeepsViewBoundariesWhereStreamviewMergesThemIntoOneView() {
        // streamview: deepcopy reads its copy back as one view, so three views become one.
        ByteBuffer little = ByteBuffer.allocate(2)
                .order(ByteOrder.LITTLE_ENDIAN)
                .put(0, (byte) 'a')
                .put(1, (byte) 'b');
        ByteBuffer direct = ByteBuffer.allocateDirect(3).put(ascii("cde")).flip();
        ByteBuffer heap = ascii("f");
        ByteStream stream = new ByteStream();
        stream.writeViews(little, direct, heap);

        ByteStream deep = stream.deepCopy();

        assertEquals(3, deep.viewCount());
        assertEquals(6, deep.byteCount());
        ByteBuffer first = deep.readView();
        ByteBuffer second = deep.readView();
        ByteBuffer third = deep.readView();
        assertEquals("ab", text(first));
        assertEquals(ByteOrder.LITTLE_ENDIAN, first.order(), "each copy keeps its view's byte order");
        assertEquals("cde", text(second));
        assertTrue(second.isDirect(), "and its kind of memory");
        assertEquals("f", text(third));
        assertFalse(third.isDirect());
        assertNotSame(little.array(), first.array());
        assertNotSame(heap.array(), third.array());
        assertEquals(3, stream.viewCount(), "the original is untouched");
    }

    @Test
    void deepCopyOfAnEmptyStreamIsAnEmptyStreamWhereStreamviewRaisesBlockingIOError() {
        // streamview: deepcopy calls read() on the empty copy, which raises BlockingIOError.
        ByteStream deep = new ByteStream().deepCopy();

        assertTrue(deep.isEmpty());
        assertEquals(0, deep.viewCount());
    }

    @Test
    void negativeArgumentsAreRefusedWhereStreamviewReadsThemPythonsWay() {
        // streamview: read(-1) reads everything, read1(-1) the whole head view, truncate(-1)
        // empties the stream, seek(-1) consumes nothing, stream[-1] is the last view.
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("ab"), ascii("cd"));

        assertThrows(IllegalArgumentException.class, () -> stream.read(-1));
        assertThrows(IllegalArgumentException.class, () -> stream.read1(-1));
        assertThrows(IllegalArgumentException.class, () -> stream.truncate(-1));
        assertThrows(IllegalArgumentException.class, () -> stream.skip(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> stream.peek(-1));
        assertEquals(4, stream.byteCount(), "none of them consumed anything");

        // What Python spells with -1, said in Java.
        assertEquals("cd", text(stream.peek(stream.viewCount() - 1)));
        assertEquals("ab", text(stream.readView()));
        assertEquals("cd", text(stream.read()));
        stream.write(new byte[] {'x'});
        assertEquals(0, stream.truncate(0));
    }

    @Test
    void aClosedStreamRefusesUseWhereStreamviewsStaysUsable() {
        // streamview: close() releases the views and the stream takes writes again afterwards.
        ByteStream stream = ByteStream.fromBuffer(ascii("ab"));
        ByteBuffer handedOut = stream.peek(0);

        stream.close();

        assertThrows(IllegalStateException.class, () -> stream.write(new byte[] {'x'}));
        assertThrows(IllegalStateException.class, stream::isEmpty);
        assertEquals("ab", text(handedOut), "streamview releases a view it gave out; Java cannot revoke one");
    }
}
