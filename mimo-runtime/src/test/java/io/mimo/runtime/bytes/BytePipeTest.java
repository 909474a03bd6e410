package io.mimo.runtime.bytes;

import static io.mimo.runtime.bytes.ByteStreamModelTest.bytesOf;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link BytePipe}: blocking, bounds, end, failure both ways, interruption, lines, adapters. */
@Timeout(20)
class BytePipeTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS), "a test thread did not end");
    }

    /** The thread of the latest {@link #inThread} task. */
    private final AtomicReference<Thread> worker = new AtomicReference<>();

    private <T> Future<T> inThread(Callable<T> task) {
        return threads.submit(() -> {
            worker.set(Thread.currentThread());
            return task.call();
        });
    }

    /** Waits until the thread of the latest {@link #inThread} task waits (in the pipe: it takes no other lock). */
    private void awaitWaiting() throws InterruptedException {
        awaitWaiting(null);
    }

    /** Waits until {@code thread} (or, if {@code null}, the latest task's) waits. */
    private void awaitWaiting(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!waiting(thread != null ? thread : worker.get())) {
            assertTrue(System.nanoTime() < deadline, "the task's thread never waited in the pipe");
            Thread.sleep(1);
        }
    }

    private static boolean waiting(Thread thread) {
        return thread != null
                && (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING);
    }

    private static Throwable failureOf(Future<?> future)
            throws InterruptedException, java.util.concurrent.TimeoutException {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
        return e.getCause();
    }

    private static ByteBuffer ascii(String s) {
        return ByteBuffer.wrap(s.getBytes(US_ASCII));
    }

    private static String text(ByteBuffer view) {
        return view == null ? null : new String(bytesOf(view), US_ASCII);
    }

    // ------------------------------------------------------------------ passing bytes

    @Test
    void viewsPassThroughWithoutCopyingAndTheCallersPositionStays() throws IOException {
        BytePipe pipe = new BytePipe(64);
        ByteBuffer written = ascii("hello").position(1);

        pipe.sink().write(written);

        assertEquals(1, written.position());
        ByteBuffer read = pipe.source().readView();
        assertSame(written.array(), read.array());
        assertEquals("ello", text(read));
    }

    @Test
    void afterCloseTheReaderGetsTheRestThenTheEndEveryWay() throws IOException {
        BytePipe pipe = new BytePipe(64);
        pipe.sink().write(ascii("ab"));
        pipe.sink().close();
        pipe.sink().close(); // a second close does nothing

        assertEquals("ab", text(pipe.source().readView()));
        assertNull(pipe.source().readView());
        assertEquals(-1, pipe.source().read(ByteBuffer.allocate(4)));
        assertNull(pipe.source().readLine(10));
        assertEquals(-1, pipe.source().asInputStream().read());
        assertEquals(-1, pipe.source().asChannel().read(ByteBuffer.allocate(1)));
        assertEquals(0, pipe.source().read(ByteBuffer.allocate(0)), "no room: 0, as channels do");
    }

    @Test
    void readLineReturnsTheUnterminatedLastLineAtTheEnd() throws IOException {
        BytePipe pipe = new BytePipe(64);
        pipe.sink().write(ascii("first\r\nlast\r"));
        pipe.sink().close();

        assertEquals("first", text(pipe.source().readLine(10)));
        assertEquals("last\r", text(pipe.source().readLine(10)), "a \\r not followed by \\n is data");
        assertNull(pipe.source().readLine(10));
    }

    @Test
    void readLineWithTerminatorKeepsIt() throws IOException {
        BytePipe pipe = new BytePipe(64);
        pipe.sink().write(ascii("a\r\nb"));
        pipe.sink().close();

        assertEquals("a\r\n", text(pipe.source().readLineWithTerminator(10)));
        assertEquals("b", text(pipe.source().readLineWithTerminator(10)));
    }

    @Test
    void concurrentWritersAndReadersLoseDuplicateAndReorderNothing() throws Exception {
        int writers = 4;
        int readers = 3;
        int perWriter = 3000;
        int capacity = 500;
        int maxView = 8 + 40;
        BytePipe pipe = new BytePipe("test.pipe", capacity);
        AtomicLong mostHeld = new AtomicLong();

        List<Future<?>> writing = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int id = w;
            writing.add(inThread(() -> {
                Random random = new Random(id);
                for (int seq = 0; seq < perWriter; seq++) {
                    ByteBuffer view = ByteBuffer.allocate(8 + random.nextInt(41));
                    view.putInt(0, id).putInt(4, seq);
                    pipe.sink().write(view);
                }
                return null;
            }));
        }
        List<Future<List<long[]>>> reading = new ArrayList<>();
        for (int r = 0; r < readers; r++) {
            reading.add(inThread(() -> {
                List<long[]> got = new ArrayList<>();
                for (ByteBuffer view; (view = pipe.source().readView()) != null; ) {
                    got.add(new long[] {view.getInt(view.position()), view.getInt(view.position() + 4)});
                    mostHeld.accumulateAndGet(pipe.byteCount(), Math::max);
                }
                return got;
            }));
        }
        for (Future<?> f : writing) f.get();
        pipe.sink().close();

        int[] seen = new int[writers * perWriter];
        for (Future<List<long[]>> f : reading) {
            int[] last = new int[writers];
            java.util.Arrays.fill(last, -1);
            for (long[] item : f.get()) {
                int w = (int) item[0];
                int seq = (int) item[1];
                assertTrue(seq > last[w], "writer " + w + ": seq " + seq + " after " + last[w] + " in one reader");
                last[w] = seq;
                seen[w * perWriter + seq]++;
            }
        }
        for (int i = 0; i < seen.length; i++) {
            assertEquals(1, seen[i], "writer " + i / perWriter + " seq " + i % perWriter + " read this many times");
        }
        assertTrue(mostHeld.get() <= capacity - 1 + maxView, "held " + mostHeld.get() + " bytes at once");
    }

    @Test
    void aMegabyteArrivesIntactThroughSmallReadsBetweenVirtualThreads() throws Exception {
        byte[] content = new byte[1 << 20];
        new Random(1).nextBytes(content);
        BytePipe pipe = new BytePipe(4096);
        Thread writer = Thread.ofVirtual().start(() -> {
            Random random = new Random(2);
            try {
                for (int at = 0; at < content.length; ) {
                    int n = Math.min(1 + random.nextInt(3000), content.length - at);
                    pipe.sink().write(ByteBuffer.wrap(content, at, n));
                    at += n;
                }
                pipe.sink().close();
            } catch (IOException e) {
                pipe.sink().fail(e);
            }
        });

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Random random = new Random(3);
        ByteBuffer dst = ByteBuffer.allocate(1000);
        for (int n; (n = pipe.source().read(dst.clear().limit(1 + random.nextInt(1000)))) != -1; ) {
            received.write(dst.array(), 0, n);
        }
        writer.join();
        assertArrayEquals(content, received.toByteArray());
    }

    @Test
    void linesCrossingViewsAndLongerThanTheCapacityArriveWhole() throws Exception {
        for (long seed = 0; seed < 20; seed++) {
            Random random = new Random(seed);
            List<String> lines = new ArrayList<>();
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < 200; i++) {
                String line = "x".repeat(random.nextInt(120)) + i;
                lines.add(line);
                all.append(line).append(random.nextBoolean() ? "\r\n" : "\n");
            }
            byte[] bytes = all.toString().getBytes(US_ASCII);
            BytePipe pipe = new BytePipe(16); // far smaller than the longest line
            Future<?> writer = inThread(() -> {
                for (int at = 0; at < bytes.length; ) {
                    int n = Math.min(1 + random.nextInt(10), bytes.length - at);
                    pipe.sink().write(ByteBuffer.wrap(bytes, at, n));
                    at += n;
                }
                pipe.sink().close();
                return null;
            });

            List<String> got = new ArrayList<>();
            for (ByteBuffer line; (line = pipe.source().readLine(130)) != null; ) got.add(text(line));

            writer.get();
            assertEquals(lines, got, "seed " + seed);
        }
    }

    @Test
    void aLineLongerThanTheMaximumFailsInsteadOfHoldingMore() throws Exception {
        BytePipe pipe = new BytePipe("parse.bytes", 16);
        Future<?> endless = inThread(() -> {
            while (true) pipe.sink().write(ByteBuffer.wrap(new byte[] {'y', 'y', 'y', 'y', 'y'}));
        });

        LineTooLongException e =
                assertThrows(LineTooLongException.class, () -> pipe.source().readLine(50));

        assertEquals(50, e.maxLength());
        assertTrue(e.getMessage().startsWith("parse.bytes: "), e.getMessage());
        assertTrue(e.getMessage().contains("50"), e.getMessage());
        assertTrue(pipe.byteCount() <= 50 + 2 + 5 + 16, "held " + pipe.byteCount() + " bytes for one line");
        pipe.source().close();
        assertInstanceOf(PipeClosedException.class, failureOf(endless), "the endless writer is stopped");
    }

    // ------------------------------------------------------------------ capacity and blocking

    @Test
    void aViewLargerThanTheCapacityIsTakenWhenThePipeHoldsLess() throws IOException {
        BytePipe pipe = new BytePipe(10);

        pipe.sink().write(ByteBuffer.allocate(3));
        pipe.sink().write(ByteBuffer.allocate(1000)); // would deadlock if it had to fit

        assertEquals(1003, pipe.byteCount());
    }

    @Test
    void theWriterWaitsWhileThePipeHoldsItsCapacityAndGoesOnOnceItHoldsLess() throws Exception {
        BytePipe pipe = new BytePipe("p", 10);
        pipe.sink().write(ByteBuffer.allocate(6));
        pipe.sink().write(ByteBuffer.allocate(6)); // held 6 < 10: taken

        Future<?> third = inThread(() -> {
            pipe.sink().write(ByteBuffer.allocate(1));
            return null;
        });
        awaitWaiting();
        assertFalse(third.isDone());
        pipe.source().read(ByteBuffer.allocate(2)); // 10 held: still full
        assertFalse(third.isDone());
        assertTrue(waiting(worker.get()), "still waiting");
        pipe.source().read(ByteBuffer.allocate(1)); // 9 held

        third.get(5, TimeUnit.SECONDS);
        assertEquals(10, pipe.byteCount());
    }

    @Test
    void aReaderWaitsForBytesAndGoesOnWhenTheyCome() throws Exception {
        BytePipe pipe = new BytePipe("p", 10);
        pipe.sink().write(ascii("now"));
        assertEquals("now", text(pipe.source().readView()));

        Future<ByteBuffer> read = inThread(() -> pipe.source().readView());
        awaitWaiting();
        pipe.sink().write(ascii("later"));

        assertEquals("later", text(read.get(5, TimeUnit.SECONDS)));
    }

    // ------------------------------------------------------------------ failure, close, interruption

    @Test
    void aWritersFailureReachesABlockedReaderWithItsCause() throws Exception {
        BytePipe pipe = new BytePipe("parse.bytes", 10);
        Future<ByteBuffer> read = inThread(() -> pipe.source().readView());
        awaitWaiting();
        IllegalStateException boom = new IllegalStateException("boom");

        pipe.sink().fail(boom);

        Throwable e = failureOf(read);
        assertInstanceOf(IOException.class, e);
        assertSame(boom, e.getCause());
        assertTrue(
                e.getMessage().contains("parse.bytes") && e.getMessage().contains("writing side failed"),
                e.getMessage());
    }

    @Test
    void aWritersFailureDropsUnreadBytesAndLaterClosesDoNothing() throws IOException {
        BytePipe pipe = new BytePipe(10);
        pipe.sink().write(ascii("incomplete"));
        RuntimeException boom = new RuntimeException("boom");

        pipe.sink().fail(boom);
        pipe.sink().close();
        pipe.sink().fail(new RuntimeException("second"));

        IOException e = assertThrows(IOException.class, () -> pipe.source().readView());
        assertSame(boom, e.getCause(), "the first failure counts");
        assertThrows(IOException.class, () -> pipe.source().readLine(100));
        assertThrows(IOException.class, () -> pipe.source().asInputStream().read());
        assertEquals(0, pipe.byteCount());
        PipeClosedException again =
                assertThrows(PipeClosedException.class, () -> pipe.sink().write(ascii("x")));
        assertTrue(again.getMessage().contains("failed"), again.getMessage());
    }

    @Test
    void aReadersFailureReachesABlockedWriterWithItsCause() throws Exception {
        BytePipe pipe = new BytePipe("p", 4);
        pipe.sink().write(ByteBuffer.allocate(4));
        Future<?> write = inThread(() -> {
            pipe.sink().write(ByteBuffer.allocate(1));
            return null;
        });
        awaitWaiting();
        Error boom = new AssertionError("reader broke");

        pipe.source().fail(boom);

        Throwable e = failureOf(write);
        assertInstanceOf(IOException.class, e);
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("reading side failed"), e.getMessage());
        assertSame(
                boom,
                assertThrows(IOException.class, () -> pipe.sink().write(ascii("x")))
                        .getCause());
    }

    @Test
    void closingTheReaderReleasesABlockedWriterAndRefusesLaterWrites() throws Exception {
        BytePipe pipe = new BytePipe("p", 4);
        pipe.sink().write(ByteBuffer.allocate(4));
        Future<?> write = inThread(() -> {
            pipe.sink().write(ByteBuffer.allocate(1));
            return null;
        });
        awaitWaiting();

        pipe.source().close();

        Throwable e = failureOf(write);
        assertInstanceOf(PipeClosedException.class, e);
        assertTrue(e.getMessage().contains("reading side closed"), e.getMessage());
        assertThrows(PipeClosedException.class, () -> pipe.sink().write(ascii("x")));
        assertThrows(PipeClosedException.class, () -> pipe.source().readView(), "a closed reader reads nothing more");
        assertEquals(0, pipe.byteCount(), "the bytes nobody will read are dropped");
    }

    @Test
    void writingAfterCloseIsRefusedNamingThePipe() throws IOException {
        BytePipe pipe = new BytePipe("read.bytes", 4);
        pipe.sink().close();

        PipeClosedException e =
                assertThrows(PipeClosedException.class, () -> pipe.sink().write(ascii("x")));

        assertTrue(e.getMessage().startsWith("read.bytes: write after the writing side was closed"), e.getMessage());
    }

    @Test
    void anInterruptedReaderThrowsKeepsItsInterruptStatusAndThePipeStillWorks() throws Exception {
        BytePipe pipe = new BytePipe("p", 10);
        BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                outcome.add(pipe.source().readView());
            } catch (IOException e) {
                outcome.add(e);
                outcome.add(Thread.currentThread().isInterrupted());
            }
        });
        reader.start();
        awaitWaiting(reader);

        reader.interrupt();

        assertInstanceOf(InterruptedIOException.class, outcome.poll(5, TimeUnit.SECONDS));
        assertEquals(Boolean.TRUE, outcome.poll(5, TimeUnit.SECONDS), "interrupt status set again");
        pipe.sink().write(ascii("still"));
        assertEquals("still", text(pipe.source().readView()));
    }

    @Test
    void anInterruptedWriterThrowsAndWroteNothing() throws Exception {
        BytePipe pipe = new BytePipe("p", 2);
        pipe.sink().write(ascii("ab"));
        BlockingQueue<Object> outcome = new LinkedBlockingQueue<>();
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                pipe.sink().write(ascii("cd"));
                outcome.add("written");
            } catch (IOException e) {
                outcome.add(e);
                outcome.add(Thread.currentThread().isInterrupted());
            }
        });
        awaitWaiting(writer);

        writer.interrupt();

        Object e = outcome.poll(5, TimeUnit.SECONDS);
        assertInstanceOf(InterruptedIOException.class, e);
        assertTrue(((Exception) e).getMessage().contains("room to write"), ((Exception) e).getMessage());
        assertEquals(Boolean.TRUE, outcome.poll(5, TimeUnit.SECONDS));
        assertEquals(2, pipe.byteCount());
    }

    @Test
    void aBlockedLineReaderSeesTheWritersFailure() throws Exception {
        BytePipe pipe = new BytePipe("p", 100);
        pipe.sink().write(ascii("no newline yet"));
        Future<ByteBuffer> line = inThread(() -> pipe.source().readLine(100));
        awaitWaiting();

        pipe.sink().fail(new IOException("disk gone"));

        assertEquals("disk gone", failureOf(line).getCause().getMessage());
    }

    // ------------------------------------------------------------------ java.io and NIO adapters

    @Test
    void theSourceFeedsABufferedReaderThroughItsInputStream() throws Exception {
        BytePipe pipe = new BytePipe(8);
        Future<?> writer = inThread(() -> {
            try (OutputStream out = pipe.sink().asOutputStream()) {
                for (int i = 0; i < 1000; i++) out.write(("line " + i + "\n").getBytes(US_ASCII));
            }
            return null;
        });

        BufferedReader reader =
                new BufferedReader(new InputStreamReader(pipe.source().asInputStream(), US_ASCII));
        for (int i = 0; i < 1000; i++) assertEquals("line " + i, reader.readLine());
        assertNull(reader.readLine());
        writer.get();
    }

    @Test
    void theSinksOutputStreamHoldsBytesUntilFlushAndCloseEndsTheStream() throws IOException {
        BytePipe pipe = new BytePipe(1 << 20);
        OutputStream out = pipe.sink().asOutputStream();

        out.write("abc".getBytes(US_ASCII));
        assertEquals(0, pipe.byteCount(), "buffered, not yet handed over");
        out.flush();
        assertEquals(3, pipe.byteCount());
        out.write(new byte[ByteStream.CHUNK_SIZE]);
        assertEquals(3 + ByteStream.CHUNK_SIZE, pipe.byteCount(), "a full chunk goes at once");
        out.write('z');
        out.close();

        InputStream in = pipe.source().asInputStream();
        assertEquals(4 + ByteStream.CHUNK_SIZE, in.readAllBytes().length);
        assertEquals(-1, in.read());
    }

    @Test
    void theSinksChannelCopiesTheCallersBufferAndConsumesIt() throws IOException {
        BytePipe pipe = new BytePipe(64);
        WritableByteChannel channel = pipe.sink().asChannel();
        ByteBuffer reused = ascii("one");

        assertEquals(3, channel.write(reused));
        assertEquals(3, reused.position(), "a channel write consumes its source");
        reused.clear().put("two".getBytes(US_ASCII)).flip();
        channel.write(reused);
        channel.close();
        assertFalse(channel.isOpen());

        ReadableByteChannel source = pipe.source().asChannel();
        ByteBuffer dst = ByteBuffer.allocate(10);
        while (source.read(dst) >= 0) {
            assertTrue(dst.hasRemaining());
        }
        assertEquals("onetwo", new String(dst.array(), 0, dst.position(), US_ASCII));
        source.close();
        assertFalse(source.isOpen());
    }

    // ------------------------------------------------------------------ try-operations

    @Test
    void tryOperationsNeverWaitAndTellNothingYetFromTheEnd() throws IOException {
        BytePipe pipe = new BytePipe(4);
        BytePipe.Sink sink = pipe.sink();
        BytePipe.Source source = pipe.source();
        assertTrue(sink.ready());
        assertFalse(source.ready());
        assertEquals(0, source.tryReadView().remaining(), "nothing yet: an empty buffer");
        assertEquals(0, source.tryRead(ByteBuffer.allocate(4)), "nothing yet: 0, as non-blocking channels");
        assertNull(source.tryReadLine(10));
        assertFalse(source.atEnd());

        assertTrue(sink.tryWrite(ascii("ab\ncd")), "more than the capacity, taken whole while the pipe holds less");
        assertFalse(sink.ready());
        assertFalse(sink.tryWrite(ascii("x")), "full: refused, not waited for");
        assertTrue(source.ready());
        assertEquals("ab", text(source.tryReadLine(10)));
        assertNull(source.tryReadLine(10), "no whole line yet");
        assertFalse(source.ready(), "nothing new since the incomplete line");
        assertTrue(sink.ready(), "the start of a line being waited for does not count against the capacity");

        pipe.setCapacity(100);
        assertTrue(sink.tryWrite(ascii("e")));
        assertTrue(source.ready());
        sink.close();
        assertTrue(source.ready());
        assertFalse(source.atEnd());
        assertEquals("cde", text(source.tryReadLine(10)), "the last line, at the end");
        assertNull(source.tryReadLine(10));
        assertTrue(source.atEnd());
        assertNull(source.tryReadView());
        assertEquals(-1, source.tryRead(ByteBuffer.allocate(1)));
        assertEquals(100, pipe.capacity());
    }

    @Test
    void tryOperationsThrowAsTheBlockingOnesDo() throws IOException {
        BytePipe pipe = new BytePipe(4);
        pipe.source().close();
        assertTrue(pipe.sink().ready(), "a write would not wait: it would throw");
        assertThrows(PipeClosedException.class, () -> pipe.sink().tryWrite(ascii("x")));
        assertThrows(PipeClosedException.class, () -> pipe.source().tryReadView());
        assertThrows(IllegalArgumentException.class, () -> pipe.setCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> pipe.source().tryReadLine(-1));
    }

    @Test
    void raisingTheCapacityReleasesAWaitingWriter() throws Exception {
        BytePipe pipe = new BytePipe(2);
        pipe.sink().write(ascii("ab"));
        Future<Object> writer = inThread(() -> {
            pipe.sink().write(ascii("c"));
            return null;
        });
        Thread.sleep(20);
        assertFalse(writer.isDone());
        pipe.setCapacity(3);
        writer.get(5, TimeUnit.SECONDS);
        assertEquals(3, pipe.byteCount());
    }

    @Test
    void argumentsAreCheckedWithTheirNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BytePipe("p", 0));
        assertTrue(e.getMessage().contains("capacity"), e.getMessage());
        BytePipe pipe = new BytePipe(1);
        assertThrows(IllegalArgumentException.class, () -> pipe.source().readLine(-1));
        assertThrows(NullPointerException.class, () -> pipe.sink().fail(null));
        assertNotNull(pipe.toString());
    }
}
