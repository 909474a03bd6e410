package io.mimo.runtime;

import static io.mimo.runtime.ByteSteps.ascii;
import static io.mimo.runtime.TestSteps.assertAllEnded;
import static io.mimo.runtime.TestSteps.awaitParked;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.ByteSteps.ByteJoin;
import io.mimo.runtime.ByteSteps.ByteSink;
import io.mimo.runtime.ByteSteps.ByteSource;
import io.mimo.runtime.TestSteps.Source;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How byte pipes end: early readers, failures both ways, deadlocks, misuse. */
@Timeout(30)
class ByteEndsTest {

    @Test
    void aReaderThatEndsEarlyReleasesItsWriterWhichEndsQuietly() {
        AtomicLong written = new AtomicLong();
        Workflow wf = new Workflow("head").byteCapacity(1024);
        var writer = wf.add(new ByteSource("write", out -> {
            while (true) { // endless: only the dead pipe ends it
                out.write(ByteBuffer.allocate(100));
                written.addAndGet(100);
            }
        }));
        var reader = wf.add(new ByteSink("head", in -> in.readView()));
        writer.out.pipe(reader.in);

        wf.run();

        assertTrue(written.get() < 10_000, "written: " + written.get());
        assertAllEnded(writer, reader);
    }

    @Test
    void aWriterBlockedOnAFullPipeGoesOnWhenItsReaderEndsAndItsOtherReaderStillGetsEverything() throws Exception {
        byte[] data = ByteSteps.randomText(200_000, 100, 3);
        Workflow wf = new Workflow("one-quits").byteCapacity(1000);
        var writer = wf.add(new ByteSource("write", out -> {
            for (int at = 0; at < data.length; at += 500) {
                out.write(ByteBuffer.wrap(data, at, 500));
            }
            out.asOutputStream().write(data, 0, 10); // into a dead pipe and a live one
        }));
        var quitter = wf.add(new ByteSink("quit", in -> {
            Thread.sleep(50); // let the writer fill the pipe and block
            in.readLine(1000);
        }));
        var reader = wf.add(new ByteSink("all"));
        writer.out.pipe(quitter.in);
        writer.out.pipe(reader.in);

        wf.run();

        byte[] got = reader.bytes.toByteArray();
        assertEquals(data.length + 10, got.length);
        assertArrayEquals(data, Arrays.copyOf(got, data.length));
    }

    @Test
    void anUpstreamFailureStopsABlockedReaderAndTheWorkflowReportsIt() throws Exception {
        IllegalStateException cause = new IllegalStateException("disk on fire");
        AtomicBoolean readerGotSignal = new AtomicBoolean();
        Workflow wf = new Workflow("upstream");
        var writer = wf.add(new ByteSource("write", out -> {
            out.asOutputStream().write("half a li".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(50); // the reader blocks in readLine, waiting for the rest
            throw cause;
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            try {
                in.readLine(100);
            } catch (RuntimeException e) {
                readerGotSignal.set(true);
                throw e;
            }
        }));
        writer.out.pipe(reader.in);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("stream 'write' failed: disk on fire", e.getMessage());
        assertEquals("write", e.stream());
        assertSame(cause, e.getCause());
        assertEquals(0, e.getSuppressed().length);
        assertTrue(readerGotSignal.get());
        assertAllEnded(writer, reader);
    }

    @Test
    void anUpstreamFailureStopsAReaderBlockedInAParserOnTheInputStream() {
        Workflow wf = new Workflow("parser");
        var writer = wf.add(new ByteSource("write", out -> {
            out.write(ascii("a line\nand half"));
            Thread.sleep(50);
            throw new IllegalArgumentException("bad input");
        }));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        var reader = wf.add(new ByteSink("read", in -> {
            BufferedReader text =
                    new BufferedReader(new InputStreamReader(in.asInputStream(), StandardCharsets.US_ASCII));
            for (String line; (line = text.readLine()) != null; ) {
                lines.add(line);
            }
        }));
        writer.out.pipe(reader.in);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("write", e.stream());
        assertEquals(List.of("a line"), lines);
        assertAllEnded(writer, reader);
    }

    @Test
    void aDownstreamFailureReleasesAWriterBlockedOnAFullPipe() throws Exception {
        Workflow wf = new Workflow("downstream").byteCapacity(10);
        var writer = wf.add(new ByteSource("write", out -> {
            while (true) {
                out.write(ByteBuffer.allocate(10));
            }
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            awaitParked(writer.thread); // blocked on the full pipe
            throw new IllegalStateException("cannot parse");
        }));
        writer.out.pipe(reader.in);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("stream 'read' failed: cannot parse", e.getMessage());
        assertAllEnded(writer, reader);
    }

    @Test
    void aDiamondOfBytePipesThatCannotFinishFinishesByGrowingThem() {
        byte[] data = ByteSteps.randomText(100_000, 100, 5);
        Workflow wf = new Workflow("diamond").byteCapacity(1024);
        var writer = wf.add(new ByteSource("write", out -> {
            for (int at = 0; at < data.length; at += 100) {
                out.write(ByteBuffer.wrap(data, at, 100));
            }
        }));
        AtomicLong left = new AtomicLong();
        AtomicLong right = new AtomicLong();
        var join = wf.add(new ByteJoin("join", (l, r) -> {
            for (ByteBuffer view; (view = l.readView()) != null; ) {
                left.addAndGet(view.remaining());
            }
            for (ByteBuffer view; (view = r.readView()) != null; ) {
                right.addAndGet(view.remaining());
            }
        }));
        writer.out.pipe(join.left);
        writer.out.pipe(join.right);

        wf.run();

        assertEquals(data.length, left.get());
        assertEquals(data.length, right.get());
    }

    @Test
    void aDeadlockOnAFullBytePipePastTheByteGrowthLimitSaysBytes() {
        Workflow wf = new Workflow("diamond").byteCapacity(1024).byteGrowthLimit(4096);
        var writer = wf.add(new ByteSource("write", out -> {
            for (int i = 0; i < 1000; i++) {
                out.write(ByteBuffer.allocate(100));
            }
        }));
        var join = wf.add(new ByteJoin("join", (l, r) -> {
            while (l.readView() != null) {
                // the left first, to its end: the right fills up meanwhile
            }
            while (r.readView() != null) {
                // then the right
            }
        }));
        writer.out.pipe(join.left);
        writer.out.pipe(join.right);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals(
                "deadlock in workflow 'diamond': every running stream is blocked on a pipe: 'write' waits for"
                        + " room on 'write.out -> join.right' (full, 4096 bytes); 'join' waits for bytes on 'join.left'."
                        + " The full pipes cannot grow past the byte growth limit of 4096 bytes: raise it with"
                        + " Workflow.byteGrowthLimit, or read the inputs in another order",
                e.getMessage());
        assertNull(e.stream());
        assertAllEnded(writer, join);
    }

    @Test
    void streamsWaitingForEachOthersBytesAreADeadlockThatGrowthCannotHelp() {
        Workflow wf = new Workflow("cycle");
        class Echo extends TestSteps.Tracked {
            final InPort<ByteBuffer> in = byteInput("in");
            final OutPort<ByteBuffer> out = byteOutput("out");

            Echo(String name) {
                super(name);
            }

            @Override
            void body(Context context) {
                ByteBuffer first = context.byteInput(in).readView(); // both wait for the other first
                context.byteOutput(out).write(first);
            }
        }
        var a = wf.add(new Echo("a"));
        var b = wf.add(new Echo("b"));
        a.out.pipe(b.in);
        b.out.pipe(a.in);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals(
                "deadlock in workflow 'cycle': every running stream is blocked on a pipe: 'a' waits for bytes"
                        + " on 'a.in'; 'b' waits for bytes on 'b.in'. No pipe is full, so larger pipes would not help: the"
                        + " streams wait for data from one another",
                e.getMessage());
    }

    @Test
    void pushingSomethingElseThanABufferIntoAByteInputFailsNamingThePort() {
        Workflow wf = new Workflow("misuse");
        var source = wf.add(new Source<Object>("objects", out -> out.push("not a buffer")));
        var reader = wf.add(new ByteSink("read"));
        source.out.pipe(asBytes(reader.in));

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("objects", e.stream());
        ClassCastException cause = assertInstanceOf(ClassCastException.class, e.getCause());
        assertEquals(
                "stream 'objects' pushed a java.lang.String to output 'objects.out', which pipes into a byte"
                        + " input: push ByteBuffers only",
                cause.getMessage());
    }

    /** Only a cast lets an input of buffers pass for an input of objects. */
    @SuppressWarnings("unchecked")
    private static InPort<Object> asBytes(InPort<ByteBuffer> port) {
        return (InPort<Object>) (InPort<?>) port;
    }

    @Test
    void writingANullViewFailsNamingThePort() {
        Workflow wf = new Workflow("null");
        var writer = wf.add(new ByteSource("write", out -> out.write(null)));
        var reader = wf.add(new ByteSink("read"));
        writer.out.pipe(reader.in);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals(
                "stream 'write' wrote a null view to byte output 'write.out'",
                e.getCause().getMessage());
    }
}
