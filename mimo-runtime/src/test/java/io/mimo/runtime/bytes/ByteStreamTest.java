package io.mimo.runtime.bytes;

import static io.mimo.runtime.bytes.ByteStreamModelTest.bytesOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The behaviours of {@link ByteStream} the class doc promises, one at a time. */
class ByteStreamTest {

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(US_ASCII));
    }

    private static String text(ByteBuffer view) {
        return view == null ? null : new String(bytesOf(view), US_ASCII);
    }

    @Test
    void readLineSplitsLinesInsideOneViewAsSlicesOfIt() {
        ByteBuffer written = ascii("one\ntwo\r\nthree\n");
        ByteStream stream = ByteStream.fromBuffer(written);

        ByteBuffer one = stream.readLine(10);
        ByteBuffer two = stream.readLine(10);
        ByteBuffer three = stream.readLine(10);

        assertEquals("one", text(one));
        assertEquals("two", text(two));
        assertEquals("three", text(three));
        for (ByteBuffer line : new ByteBuffer[] {one, two, three}) {
            assertSame(written.array(), line.array(), "a line inside one view is a slice of it, not a copy");
        }
        assertTrue(stream.isEmpty());
        assertNull(stream.readLine(10));
    }

    @Test
    void readLineJoinsALineSpreadOverViewsIncludingACrLfSplitBetweenThem() {
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("he"), ascii("llo\r"), ascii("\nwor"), ascii("ld\n"));

        assertEquals("hello", text(stream.readLine(5)));
        assertEquals("world", text(stream.readLine(5)));
        assertTrue(stream.isEmpty(), "the terminator is consumed with the line");
    }

    @Test
    void readLineWithTerminatorKeepsTheTerminatorAsWritten() {
        ByteStream stream = ByteStream.fromBuffer(ascii("a\r\nb\n"));

        assertEquals("a\r\n", text(stream.readLineWithTerminator(1)));
        assertEquals("b\n", text(stream.readLineWithTerminator(1)));
    }

    @Test
    void aLoneCarriageReturnIsData() {
        ByteStream stream = ByteStream.fromBuffer(ascii("a\rb\n\r\r\n"));

        assertEquals("a\rb", text(stream.readLine(10)));
        assertEquals("\r", text(stream.readLine(10)), "only the \\r right before \\n is terminator");
    }

    @Test
    void anUnterminatedLineStaysUntilItsTerminatorArrives() {
        ByteStream stream = ByteStream.fromBuffer(ascii("partial"));

        assertNull(stream.readLine(100));
        assertEquals(7, stream.byteCount(), "nothing consumed while the line is incomplete");
        stream.write("ly\n".getBytes(US_ASCII));
        assertEquals("partially", text(stream.readLine(100)));
    }

    @Test
    void emptyLinesAreEmptyBuffersNotNull() {
        ByteStream stream = ByteStream.fromBuffer(ascii("\n\r\n"));

        assertEquals(0, stream.readLine(0).remaining());
        assertEquals(0, stream.readLine(0).remaining());
        assertNull(stream.readLine(0));
    }

    @Test
    void aLineLongerThanTheMaximumIsAnErrorNamingTheLimitAndConsumesNothing() {
        ByteStream stream = ByteStream.fromBuffer(ascii("abcdef\n"));

        LineTooLongException e = assertThrows(LineTooLongException.class, () -> stream.readLine(5));

        assertEquals(5, e.maxLength());
        assertTrue(e.getMessage().contains("maximum of 5 bytes"), e.getMessage());
        assertEquals(7, stream.byteCount());
        assertEquals("abcdef", text(stream.readLine(6)));
    }

    @Test
    void aLongLineIsAnErrorBeforeItsTerminatorArrives() {
        ByteStream stream = new ByteStream();
        for (int i = 0; i < 4; i++) stream.write(new byte[] {'x', 'x', 'x'});

        assertThrows(
                LineTooLongException.class,
                () -> stream.readLine(10),
                "12 bytes without \\n cannot be a line of at most 10: no need to wait and hold more");
    }

    @Test
    void aLineOfExactlyTheMaximumWaitsWhenOnlyTheCarriageReturnHasArrived() {
        ByteStream stream = ByteStream.fromBuffer(ascii("abc\r"));

        assertNull(stream.readLine(3), "abc\\r may still become the line abc");
        stream.write(new byte[] {'\n'});
        assertEquals("abc", text(stream.readLine(3)));
        stream.write("abcd".getBytes(US_ASCII));
        assertThrows(LineTooLongException.class, () -> stream.readLine(3));
    }

    @Test
    void readsOnAnEmptyStreamReturnEmptyBuffersOrZero() {
        ByteStream stream = new ByteStream();

        assertEquals(0, stream.readView().capacity());
        assertEquals(0, stream.read(10).capacity());
        assertEquals(0, stream.read().capacity());
        assertEquals(0, stream.read1(10).capacity());
        assertEquals(0, stream.unwriteView().capacity());
        assertEquals(0, stream.readInto(ByteBuffer.allocate(4)));
        assertEquals(0, stream.skip(4));
        assertEquals(0, stream.toView().capacity());
        assertTrue(stream.readViews().isEmpty());
        assertNull(stream.readLine(10));
    }

    @Test
    void writingNeverMovesTheCallersBuffer() {
        ByteBuffer caller = ascii("0123456789").position(2).limit(8).mark();
        ByteStream stream = new ByteStream();

        stream.writeView(caller);
        stream.unreadView(caller);
        stream.skip(3);
        stream.read(4);
        stream.truncate(2);

        assertEquals(2, caller.position());
        assertEquals(8, caller.limit());
        caller.reset();
        assertEquals(2, caller.position(), "the mark survives too");
    }

    @Test
    void viewsKeepTheWritersByteOrderAndCopiesTakeTheHeadsOrder() {
        ByteBuffer little = ByteBuffer.allocate(8)
                .order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0, 1)
                .putInt(4, 2);
        ByteStream stream = ByteStream.fromBuffer(little);
        stream.write(new byte[] {0, 0, 0, 3}); // a wrapped array: big-endian

        ByteBuffer first = stream.read1(4);
        assertEquals(ByteOrder.LITTLE_ENDIAN, first.order());
        assertEquals(1, first.getInt());
        ByteBuffer spanning = stream.read(8); // spans both views: one copy
        assertEquals(ByteOrder.LITTLE_ENDIAN, spanning.order());
        assertEquals(2, spanning.getInt());
        assertEquals(0x03000000, spanning.getInt(), "the copied big-endian bytes read in the head's order");
    }

    @Test
    void readReturnsASliceWhenTheHeadHoldsTheBytesAndOneCopyOtherwise() {
        ByteBuffer a = ascii("abcd");
        ByteBuffer b = ascii("efgh");
        ByteStream stream = new ByteStream();
        stream.writeViews(a, b);

        ByteBuffer slice = stream.read(3);
        ByteBuffer copy = stream.read(3);

        assertSame(a.array(), slice.array());
        assertNotSame(a.array(), copy.array());
        assertNotSame(b.array(), copy.array());
        assertEquals("abc", text(slice));
        assertEquals("def", text(copy));
    }

    @Test
    void read1NeverReadsPastTheHeadView() {
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("ab"), ascii("cd"));

        assertEquals("ab", text(stream.read1(3)));
        assertEquals("c", text(stream.read1(1)));
        assertEquals("d", text(stream.read1(3)));
    }

    @Test
    void unreadAndUnwritePutBackAndTakeBackWholeViews() {
        ByteStream stream = ByteStream.fromBuffer(ascii("middle"));
        stream.unreadView(ascii("head-"));
        stream.writeView(ascii("-tail"));

        assertEquals("-tail", text(stream.unwriteView()));
        assertEquals("head-", text(stream.readView()));
        assertEquals("middle", text(stream.readView()));
    }

    @Test
    void toViewOfOneViewSharesItAndNothingIsConsumed() {
        ByteBuffer only = ascii("only");
        ByteStream stream = ByteStream.fromBuffer(only);

        assertSame(only.array(), stream.toView().array());
        stream.write("+more".getBytes(US_ASCII));
        assertEquals("only+more", text(stream.toView()));
        assertEquals("only+more", new String(stream.toByteArray(), US_ASCII));
        assertEquals(9, stream.byteCount());
    }

    @Test
    void deepCopyOfAOneViewStreamSharesNoMemory() {
        // streamview's deepcopy of a one-view stream hands back the same memory; ours must not.
        byte[] memory = "abc".getBytes(US_ASCII);
        ByteStream stream = new ByteStream();
        stream.write(memory);

        ByteStream copy = stream.deepCopy();
        memory[0] = 'X';

        assertEquals("abc", text(copy.readView()));
        assertEquals("Xbc", text(stream.readView()));
    }

    @Test
    void copySharesMemoryButReadsIndependently() {
        byte[] memory = "abcdef".getBytes(US_ASCII);
        ByteStream stream = new ByteStream();
        stream.write(memory);

        ByteStream copy = stream.copy();
        stream.skip(2);
        memory[4] = 'E';

        assertEquals("abcdEf", text(copy.read()), "the copy kept its own position and sees the shared memory");
        assertEquals("cdEf", text(stream.read()));
    }

    @Test
    void skipAndTruncateDropFromEitherEnd() {
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("abc"), ascii("def"), ascii("ghi"));

        assertEquals(2, stream.skip(2));
        assertEquals(4, stream.truncate(4));
        assertEquals("cdef", text(stream.read()));
        assertEquals(0, stream.truncate(10));
    }

    @Test
    void peekAndViewsLookWithoutConsuming() {
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("ab"), ascii("cd"));

        ByteBuffer peeked = stream.peek(1);
        peeked.get();

        assertEquals("cd", text(stream.peek(1)));
        assertEquals(2, stream.views().size());
        assertEquals(4, stream.byteCount());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> stream.peek(2));
        assertTrue(e.getMessage().contains("2"), e.getMessage());
    }

    @Test
    void indexOfAndGetByteCountFromTheHeadAcrossViews() {
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("xab"), ascii("cad"));
        stream.skip(1);

        assertEquals('c', stream.getByte(2));
        assertEquals(0, stream.indexOf((byte) 'a', 0, 10));
        assertEquals(3, stream.indexOf((byte) 'a', 1, 10));
        assertEquals(-1, stream.indexOf((byte) 'a', 1, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> stream.getByte(5));
    }

    @Test
    void outputStreamWritesShareViewsAndCopyTheCallersBytes() throws Exception {
        ByteStream stream = new ByteStream();
        OutputStream out = stream.asOutputStream();
        byte[] reused = new byte[1];

        for (int i = 0; i < 100; i++) {
            reused[0] = (byte) i;
            out.write(reused);
        }

        assertEquals(1, stream.viewCount(), "100 one-byte writes make one view, not 100");
        byte[] all = stream.toByteArray();
        for (int i = 0; i < 100; i++) assertEquals(i, all[i]);
    }

    @Test
    void aViewHandedOutDoesNotSeeLaterOutputStreamBytes() throws Exception {
        ByteStream stream = new ByteStream();
        OutputStream out = stream.asOutputStream();
        out.write("first".getBytes(US_ASCII));

        ByteBuffer first = stream.readView();
        out.write("second".getBytes(US_ASCII));
        first.clear();

        assertEquals("first", text(first), "its capacity ends with its bytes");
        assertEquals("second", text(stream.readView()));
    }

    @Test
    void negativeCountsAreRejectedWithTheParameterName() {
        ByteStream stream = new ByteStream();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> stream.read(-1));
        assertTrue(e.getMessage().contains("maxBytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> stream.readLine(-1));
        assertThrows(IllegalArgumentException.class, () -> stream.skip(-1));
        assertFalse(stream.toString().isEmpty());
    }
}
