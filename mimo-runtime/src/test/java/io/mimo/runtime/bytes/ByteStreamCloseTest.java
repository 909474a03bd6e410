package io.mimo.runtime.bytes;

import static io.mimo.runtime.bytes.ByteStreamModelTest.bytesOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link ByteStream#close()} as the class doc's "Closing" says: it drops every view, views handed
 * out stay valid, and a closed stream refuses every further use with {@link IllegalStateException}.
 */
class ByteStreamCloseTest {

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(US_ASCII));
    }

    private static String text(ByteBuffer view) {
        return new String(bytesOf(view), US_ASCII);
    }

    @Test
    void isAutoCloseableNotCloseableAndItsCloseDeclaresNoException() throws NoSuchMethodException {
        assertTrue(AutoCloseable.class.isAssignableFrom(ByteStream.class));
        assertFalse(Closeable.class.isAssignableFrom(ByteStream.class), "memory, not an I/O resource");
        assertEquals(0, ByteStream.class.getMethod("close").getExceptionTypes().length, "closing cannot fail");
    }

    @Test
    void tryWithResourcesClosesTheStream() {
        ByteStream kept;
        try (ByteStream stream = ByteStream.fromBuffer(ascii("abc"))) {
            kept = stream;
            assertEquals(3, stream.byteCount());
        }
        assertEquals("ByteStream[closed]", kept.toString());
        assertThrows(IllegalStateException.class, kept::byteCount);
    }

    @Test
    void viewsHandedOutBeforeCloseStayValid() throws Exception {
        ByteStream stream = new ByteStream();
        stream.writeViews(ascii("head"), ascii("middle"));
        stream.asOutputStream().write("chunk".getBytes(US_ASCII)); // memory the stream owns
        ByteBuffer read = stream.readView();
        ByteBuffer peeked = stream.peek(0);
        List<ByteBuffer> views = stream.views();

        stream.close();

        assertEquals("head", text(read));
        assertEquals("middle", text(peeked));
        assertEquals("chunk", text(views.get(1)));
    }

    @Test
    @Timeout(30)
    void closeDropsEveryViewAndTheOwnedChunkSoTheirMemoryCanBeCollected() throws InterruptedException {
        ByteStream stream = new ByteStream();
        List<WeakReference<Object>> memory = fill(stream);

        stream.close();

        for (int i = 0; i < 200 && memory.stream().anyMatch(m -> m.get() != null); i++) {
            System.gc();
            Thread.sleep(10);
        }
        String[] names = {"the heap view's array", "the direct view's buffer", "the owned chunk"};
        for (int i = 0; i < names.length; i++) {
            assertTrue(memory.get(i).get() == null, "the closed stream still holds " + names[i]);
        }
    }

    /** Writes a heap view, a direct view and chunk bytes into {@code stream}; returns weak references to their memory. */
    private static List<WeakReference<Object>> fill(ByteStream stream) {
        byte[] heap = new byte[1 << 16];
        ByteBuffer direct = ByteBuffer.allocateDirect(1 << 16);
        stream.write(heap);
        stream.writeView(direct);
        try {
            stream.readFrom(new ByteArrayInputStream(new byte[100]), 100); // into a chunk the stream owns
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object chunk = stream.peek(2).array();
        return List.of(new WeakReference<>(heap), new WeakReference<>(direct), new WeakReference<>(chunk));
    }

    @Test
    void aClosedStreamRefusesEveryMethodWithAnIllegalStateExceptionSayingItIsClosed() throws Exception {
        ByteStream stream = ByteStream.fromBuffer(ascii("a\nb"));
        InputStream in = stream.asInputStream();
        OutputStream out = stream.asOutputStream();
        stream.close();

        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("byteCount", stream::byteCount);
        calls.put("viewCount", stream::viewCount);
        calls.put("isEmpty", stream::isEmpty);
        calls.put("write(byte[])", () -> stream.write(new byte[1]));
        calls.put("write(byte[], int, int)", () -> stream.write(new byte[1], 0, 1));
        calls.put("writeView", () -> stream.writeView(ascii("x")));
        calls.put("writeViews(Iterable)", () -> stream.writeViews(List.of(ascii("x"))));
        calls.put("writeViews(ByteBuffer...)", () -> stream.writeViews(ascii("x")));
        calls.put("unreadView", () -> stream.unreadView(ascii("x")));
        calls.put("unwriteView", stream::unwriteView);
        calls.put("readView", stream::readView);
        calls.put("readViews", stream::readViews);
        calls.put("read1", () -> stream.read1(1));
        calls.put("read(int)", () -> stream.read(1));
        calls.put("read()", stream::read);
        calls.put("readInto(ByteBuffer)", () -> stream.readInto(ByteBuffer.allocate(1)));
        calls.put("readInto(byte[], int, int)", () -> stream.readInto(new byte[1], 0, 1));
        calls.put("readLine", () -> stream.readLine(10));
        calls.put("readLineWithTerminator", () -> stream.readLineWithTerminator(10));
        calls.put("skip", () -> stream.skip(1));
        calls.put("truncate", () -> stream.truncate(0));
        calls.put("peek", () -> stream.peek(0));
        calls.put("views", stream::views);
        calls.put("getByte", () -> stream.getByte(0));
        calls.put("indexOf", () -> stream.indexOf((byte) 'a', 0, 1));
        calls.put("toView", stream::toView);
        calls.put("toByteArray", stream::toByteArray);
        calls.put("copy", stream::copy);
        calls.put("deepCopy", stream::deepCopy);
        calls.put("asInputStream", stream::asInputStream);
        calls.put("asOutputStream", stream::asOutputStream);
        calls.put("readFrom(InputStream, int)", () -> stream.readFrom(new ByteArrayInputStream(new byte[1]), 1));
        calls.put(
                "readFrom(ReadableByteChannel, int)",
                () -> stream.readFrom(Channels.newChannel(new ByteArrayInputStream(new byte[1])), 1));
        calls.put("readAllFrom", () -> stream.readAllFrom(new ByteArrayInputStream(new byte[1])));
        calls.put(
                "writeTo(WritableByteChannel)", () -> stream.writeTo(Channels.newChannel(new ByteArrayOutputStream())));
        calls.put("writeTo(OutputStream)", () -> stream.writeTo(new ByteArrayOutputStream()));
        calls.put("readLine(int, boolean, String), BytePipe's", () -> stream.readLine(10, false, "pipe"));
        calls.put("takeLastLine, BytePipe's", () -> stream.takeLastLine(10, "pipe"));
        calls.put("asInputStream().read()", in::read);
        calls.put("asInputStream().read(byte[])", () -> in.read(new byte[1]));
        calls.put("asInputStream().readAllBytes()", in::readAllBytes);
        calls.put("asInputStream().skip", () -> in.skip(1));
        calls.put("asInputStream().available", in::available);
        calls.put("asInputStream().transferTo", () -> in.transferTo(new ByteArrayOutputStream()));
        calls.put("asOutputStream().write(int)", () -> out.write(1));
        calls.put("asOutputStream().write(byte[])", () -> out.write(new byte[1]));

        for (var call : calls.entrySet()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call.getValue(), call.getKey());
            assertTrue(e.getMessage().contains("closed"), call.getKey() + ": " + e.getMessage());
        }
        assertEquals("ByteStream[closed]", stream.toString(), "toString still answers");
        in.close();
        out.flush();
        out.close();
    }

    @Test
    void closingTwiceDoesNothing() {
        ByteStream stream = ByteStream.fromBuffer(ascii("abc"));

        stream.close();
        stream.close();

        assertEquals("ByteStream[closed]", stream.toString());
    }

    @Test
    void closingACopyLeavesTheOriginalAndClosingTheOriginalLeavesTheCopy() {
        ByteStream original = new ByteStream();
        original.writeViews(ascii("ab"), ascii("cd"));
        ByteStream copy = original.copy();
        ByteStream deep = original.deepCopy();

        copy.close();
        assertEquals("abcd", text(original.read()));

        original.write("ef".getBytes(US_ASCII));
        ByteStream second = original.copy();
        original.close();
        assertEquals("ef", text(second.read()));
        assertEquals("abcd", text(deep.read()));
    }
}
