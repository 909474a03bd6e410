package io.mimo.runtime.bytes;

import static io.mimo.runtime.bytes.ByteStreamModelTest.bytesOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every count and index parameter of {@link ByteStream}, at -1, at the edges of its range and just
 * past them, as the class doc's "Arguments" says: no negative value means "all" or "from the end"
 * as in Python; counts are refused with {@link IllegalArgumentException}, indexes with
 * {@link IndexOutOfBoundsException}, each naming the argument, its value and its range, and a
 * refused call changes nothing.
 */
class ByteStreamArgumentsTest {

    /** A stream of the views "ab", "cde", "f": 6 bytes, 3 views. */
    private static ByteStream abcdef() {
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("ab"), ascii("cde"), ascii("f"));
        return stream;
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(US_ASCII));
    }

    private static String text(ByteBuffer view) {
        return view == null ? null : new String(bytesOf(view), US_ASCII);
    }

    /** {@code call} throws {@code type} with a message holding every one of {@code words}, and leaves "abcdef" whole. */
    private static <T extends Throwable> void refused(
            Class<T> type, ByteStream stream, Executable call, String... words) {
        T e = assertThrows(type, call);
        for (String word : words) assertTrue(e.getMessage().contains(word), e.getMessage());
        assertEquals(6, stream.byteCount(), "a refused call consumes nothing");
        assertEquals(3, stream.viewCount(), "a refused call changes no view");
        assertEquals("abcdef", new String(stream.toByteArray(), US_ASCII));
    }

    // ------------------------------------------------------------------------------ counts

    @Test
    void read1RefusesANegativeCountRatherThanReadingTheWholeHeadView() {
        ByteStream stream = abcdef();

        refused(IllegalArgumentException.class, stream, () -> stream.read1(-1), "maxBytes", "-1", "0 or more");
        refused(IllegalArgumentException.class, stream, () -> stream.read1(Integer.MIN_VALUE), "maxBytes");
        assertEquals(0, stream.read1(0).remaining());
        assertEquals(6, stream.byteCount(), "read1(0) takes nothing");
        assertEquals("ab", text(stream.read1(Integer.MAX_VALUE)), "a count past the head view takes the view");
    }

    @Test
    void readRefusesANegativeCountRatherThanReadingEverything() {
        ByteStream stream = abcdef();

        refused(IllegalArgumentException.class, stream, () -> stream.read(-1), "maxBytes", "-1", "0 or more");
        refused(IllegalArgumentException.class, stream, () -> stream.read(Integer.MIN_VALUE), "maxBytes");
        assertEquals(0, stream.read(0).remaining());
        assertEquals(6, stream.byteCount(), "read(0) takes nothing");
        assertEquals("abcdef", text(stream.read(Integer.MAX_VALUE)), "a count past the end takes what there is");
    }

    @Test
    void readLineRefusesANegativeMaximumLength() {
        ByteStream stream = abcdef();

        refused(IllegalArgumentException.class, stream, () -> stream.readLine(-1), "maxLength", "-1", "0 or more");
        refused(
                IllegalArgumentException.class,
                stream,
                () -> stream.readLineWithTerminator(-1),
                "maxLength",
                "-1",
                "0 or more");
        assertNull(stream.readLine(Integer.MAX_VALUE), "no terminator yet");

        ByteStream lines = ByteStream.fromBuffer(ascii("\r\nx\n"));
        assertEquals("", text(lines.readLine(0)), "0 accepts an empty line");
        assertThrows(LineTooLongException.class, () -> lines.readLine(0));
        assertEquals("x\n", text(lines.readLineWithTerminator(1)));
    }

    @Test
    void skipRefusesANegativeCountRatherThanSkippingNothing() {
        ByteStream stream = abcdef();

        refused(IllegalArgumentException.class, stream, () -> stream.skip(-1), "byteCount", "-1", "0 or more");
        refused(IllegalArgumentException.class, stream, () -> stream.skip(Long.MIN_VALUE), "byteCount");
        assertEquals(0, stream.skip(0));
        assertEquals(6, stream.skip(Long.MAX_VALUE), "a count past the end skips what there is");
        assertTrue(stream.isEmpty());
    }

    @Test
    void truncateRefusesANegativeSizeRatherThanEmptyingTheStream() {
        ByteStream stream = abcdef();

        refused(IllegalArgumentException.class, stream, () -> stream.truncate(-1), "size", "-1", "0 or more");
        refused(IllegalArgumentException.class, stream, () -> stream.truncate(Long.MIN_VALUE), "size");
        assertEquals(6, stream.truncate(Long.MAX_VALUE), "a size past the end keeps everything");
        assertEquals(6, stream.truncate(6));
        assertEquals(3, stream.viewCount());
        assertEquals(0, stream.truncate(0), "truncate(0) keeps nothing");
        assertTrue(stream.isEmpty());
    }

    @Test
    void readFromRefusesANegativeCountAndReadsNothingForZero() throws IOException {
        ByteStream stream = abcdef();
        InputStream in = new ByteArrayInputStream(new byte[] {1, 2, 3});
        ReadableByteChannel channel = Channels.newChannel(new ByteArrayInputStream(new byte[] {1, 2, 3}));

        refused(IllegalArgumentException.class, stream, () -> stream.readFrom(in, -1), "maxBytes", "-1");
        refused(IllegalArgumentException.class, stream, () -> stream.readFrom(channel, -1), "maxBytes", "-1");
        assertEquals(0, stream.readFrom(in, 0));
        assertEquals(0, stream.readFrom(channel, 0));
        assertEquals(3, in.available(), "a read of 0 bytes does not touch the source");
        assertEquals(6, stream.byteCount());
        assertEquals(3, stream.readFrom(in, 100), "a count past the source's bytes reads them");
        assertEquals(9, stream.byteCount());
    }

    @Test
    void mapRefusesNegativePositionsAndSizesAndRegionsPastTheFile(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("ten"), "0123456789".getBytes(US_ASCII));

        try (FileChannel channel = FileChannel.open(file)) {
            IllegalArgumentException e;
            e = assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, -1, 2, 2));
            assertTrue(e.getMessage().contains("position") && e.getMessage().contains("-1"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, 0, -1, 2));
            assertTrue(e.getMessage().contains("size") && e.getMessage().contains("-1"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, 0, 2, -1));
            assertTrue(e.getMessage().contains("viewSize") && e.getMessage().contains("1 or more"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, 0, 2, 0));
            assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, 11, 0, 2));
            assertThrows(IllegalArgumentException.class, () -> ByteStream.map(channel, 9, 2, 2));
            e = assertThrows(
                    IllegalArgumentException.class, () -> ByteStream.map(channel, Long.MAX_VALUE, Long.MAX_VALUE, 2));
            assertTrue(e.getMessage().contains("10 bytes"), "position + size overflowing is still past the file");

            assertTrue(ByteStream.map(channel, 10, 0, 2).isEmpty(), "an empty region at the file's end");
            assertEquals("9", new String(ByteStream.map(channel, 9, 1, 2).toByteArray(), US_ASCII));
            ByteStream whole = ByteStream.map(channel, 0, 10, Integer.MAX_VALUE);
            assertEquals(1, whole.viewCount(), "a view size past the region makes one view");
        }
        assertThrows(IllegalArgumentException.class, () -> ByteStream.mapFile(file, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ByteStream.mapFile(file, -1));
        assertTrue(e.getMessage().contains("viewSize") && e.getMessage().contains("-1"), e.getMessage());
        assertEquals(10, ByteStream.mapFile(file, 1).viewCount());
    }

    // ------------------------------------------------------------------------------ indexes

    @Test
    void peekRefusesANegativeIndexRatherThanCountingFromTheTail() {
        ByteStream stream = abcdef();

        refused(IndexOutOfBoundsException.class, stream, () -> stream.peek(-1), "index -1", "[0, 3)", "views");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.peek(3), "index 3", "[0, 3)");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.peek(Integer.MIN_VALUE), "index");
        assertEquals("ab", text(stream.peek(0)));
        assertEquals("f", text(stream.peek(stream.viewCount() - 1)), "the last view, as Python's stream[-1]");

        ByteStream empty = new ByteStream();
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> empty.peek(0));
        assertTrue(e.getMessage().contains("[0, 0)"), e.getMessage());
    }

    @Test
    void getByteRefusesAnIndexOutsideTheBytesHeld() {
        ByteStream stream = abcdef();

        refused(IndexOutOfBoundsException.class, stream, () -> stream.getByte(-1), "index -1", "[0, 6)", "bytes");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.getByte(6), "index 6", "[0, 6)");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.getByte(Long.MIN_VALUE), "index");
        assertEquals('a', stream.getByte(0));
        assertEquals('f', stream.getByte(5));
    }

    @Test
    void indexOfRefusesANegativeOrBackwardRangeButLetsItPassTheEnd() {
        ByteStream stream = abcdef();

        refused(
                IndexOutOfBoundsException.class,
                stream,
                () -> stream.indexOf((byte) 'a', -1, 6),
                "fromIndex -1",
                "toIndex 6",
                "0 <= fromIndex <= toIndex");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.indexOf((byte) 'a', 3, 2), "fromIndex 3");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.indexOf((byte) 'a', 0, -1), "toIndex -1");
        assertEquals(-1, stream.indexOf((byte) 'a', 0, 0), "an empty range holds nothing");
        assertEquals(-1, stream.indexOf((byte) 'f', 6, 6));
        assertEquals(-1, stream.indexOf((byte) 'f', 7, Long.MAX_VALUE), "from past the end finds nothing");
        assertEquals(5, stream.indexOf((byte) 'f', 0, Long.MAX_VALUE), "to past the end searches to the end");
    }

    @Test
    void writeRefusesAnOffsetAndLengthOutsideTheArray() {
        ByteStream stream = abcdef();
        byte[] bytes = "xyz".getBytes(US_ASCII);

        refused(IndexOutOfBoundsException.class, stream, () -> stream.write(bytes, -1, 1), "offset -1", "array of 3");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.write(bytes, 0, -1), "length -1");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.write(bytes, 2, 2), "offset + length <= 3");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.write(bytes, 4, 0), "offset 4");
        refused(
                IndexOutOfBoundsException.class,
                stream,
                () -> stream.write(bytes, 1, Integer.MAX_VALUE),
                "length " + Integer.MAX_VALUE);
        assertEquals(0, stream.write(bytes, 3, 0), "an empty range at the array's end");
        assertEquals(3, stream.viewCount(), "an empty write adds no view");
        assertEquals(1, stream.write(bytes, 2, 1));
        assertEquals("abcdefz", new String(stream.toByteArray(), US_ASCII));
    }

    @Test
    void readIntoRefusesAnOffsetAndLengthOutsideTheArray() {
        ByteStream stream = abcdef();
        byte[] dst = new byte[4];

        refused(IndexOutOfBoundsException.class, stream, () -> stream.readInto(dst, -1, 1), "offset -1", "array of 4");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.readInto(dst, 0, -1), "length -1");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.readInto(dst, 3, 2), "offset + length <= 4");
        refused(IndexOutOfBoundsException.class, stream, () -> stream.readInto(dst, 1, Integer.MAX_VALUE), "length");
        assertEquals(0, stream.readInto(dst, 4, 0));
        assertEquals(4, stream.readInto(dst, 0, 4));
        assertArrayEquals("abcd".getBytes(US_ASCII), dst);
    }

    @Test
    void theJavaIoViewsCheckArrayRangesLikeTheStreamAndSkipNothingForANegativeCount() throws IOException {
        ByteStream stream = abcdef();
        InputStream in = stream.asInputStream();
        OutputStream out = stream.asOutputStream();
        byte[] array = new byte[2];

        refused(IndexOutOfBoundsException.class, stream, () -> in.read(array, -1, 1), "offset -1", "array of 2");
        refused(IndexOutOfBoundsException.class, stream, () -> in.read(array, 1, 2), "offset + length <= 2");
        refused(IndexOutOfBoundsException.class, stream, () -> out.write(array, 0, -1), "length -1");
        refused(IndexOutOfBoundsException.class, stream, () -> out.write(array, 3, 0), "offset 3");
        assertEquals(0, in.skip(-1), "InputStream's contract: a negative skip skips nothing");
        assertEquals(0, in.skip(Long.MIN_VALUE));
        assertEquals(0, in.read(array, 2, 0));
        assertEquals(6, stream.byteCount());
        assertEquals(6, in.skip(Long.MAX_VALUE));
    }
}
