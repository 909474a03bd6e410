package io.mimo.runtime;

import static io.mimo.runtime.ByteSteps.ascii;
import static io.mimo.runtime.TestSteps.assertAllEnded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mimo.runtime.ByteSteps.ByteSink;
import io.mimo.runtime.ByteSteps.ByteSource;
import io.mimo.runtime.bytes.LineTooLongException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reading a byte input line by line. */
@Timeout(30)
class ByteLinesTest {

    /** Writes {@code parts} as views, one each, and reads lines with {@code withTerminator}. */
    private static List<String> lines(boolean withTerminator, int maxLength, String... parts) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("lines").byteCapacity(4);
        var writer = wf.add(new ByteSource("write", out -> {
            for (String part : parts) {
                out.write(ascii(part));
            }
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            while (true) {
                ByteBuffer line = withTerminator ? in.readLineWithTerminator(maxLength) : in.readLine(maxLength);
                if (line == null) {
                    break;
                }
                lines.add(ascii(line));
            }
        }));
        writer.out.pipe(reader.in);
        wf.run();
        return lines;
    }

    @Test
    void linesSplitAcrossViewsAndInsideThemWithEitherTerminator() {
        assertEquals(
                List.of("ab", "c", "de", "", "f\rg", "last"),
                lines(false, 100, "a", "b\nc\r", "\nd", "e\n\r\nf\rg\n", "la", "st"));
    }

    @Test
    void linesKeepTheirTerminatorWhenAskedAndTheLastComesAsItIs() {
        assertEquals(List.of("ab\n", "c\r\n", "d\n", "e"), lines(true, 100, "ab\nc", "\r\nd\ne"));
    }

    @Test
    void anEmptyInputHasNoLineAndATerminatedLastLineLeavesNoEmptyOne() {
        assertEquals(List.of(), lines(false, 100));
        assertEquals(List.of("x"), lines(false, 100, "x\n"));
        assertEquals(List.of("", ""), lines(false, 100, "\n", "\r\n"));
    }

    @Test
    void aLineWithinOneViewIsASliceOfItNotACopy() {
        byte[] array = "one\ntwo\r\nthree".getBytes(StandardCharsets.US_ASCII);
        List<ByteBuffer> lines = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("slices");
        var writer = wf.add(new ByteSource("write", out -> out.write(ByteBuffer.wrap(array))));
        var reader = wf.add(new ByteSink("read", in -> {
            for (ByteBuffer line; (line = in.readLine(10)) != null; ) {
                lines.add(line);
            }
        }));
        writer.out.pipe(reader.in);

        wf.run();

        assertEquals(
                List.of("one", "two", "three"),
                lines.stream().map(ByteSteps::ascii).toList());
        for (ByteBuffer line : lines) {
            assertSame(array, line.array());
        }
    }

    @Test
    void linesLongerThanThePipesCapacityGetThroughWithoutGrowingIt() {
        String line = "x".repeat(10_000);
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        // Growth disabled: were the line's start counted against the 16 bytes, this would deadlock.
        Workflow wf = new Workflow("long").byteCapacity(16).byteGrowthLimit(1);
        var writer = wf.add(new ByteSource("write", out -> {
            for (int i = 0; i < 3; i++) {
                for (int at = 0; at < line.length(); at += 7) {
                    out.write(ascii(line.substring(at, Math.min(at + 7, line.length()))));
                }
                out.write(ascii("\n"));
            }
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            for (ByteBuffer l; (l = in.readLine(10_000)) != null; ) {
                lines.add(ascii(l));
            }
        }));
        writer.out.pipe(reader.in);

        wf.run();

        assertEquals(List.of(line, line, line), lines);
    }

    @Test
    void aLineLongerThanTheMaximumFailsTheReaderNamingTheInputAndTheLimit() {
        Workflow wf = new Workflow("too-long").byteCapacity(8);
        var writer = wf.add(new ByteSource("write", out -> {
            out.write(ascii("short\n"));
            for (int i = 0; i < 1_000_000; i++) {
                out.write(ascii("yyyyyyyyyy")); // no end of line, ever: memory must not grow
            }
        }));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        var reader = wf.add(new ByteSink("parse", in -> {
            for (ByteBuffer line; (line = in.readLine(100)) != null; ) {
                lines.add(ascii(line));
            }
        }));
        writer.out.pipe(reader.in);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals("parse", e.stream());
        LineTooLongException cause = assertInstanceOf(LineTooLongException.class, e.getCause());
        assertEquals(100, cause.maxLength());
        assertEquals(
                "byte input 'parse.in': a line is longer than the maximum of 100 bytes (line terminator not"
                        + " counted); raise maxLength, or read this input by views if it is not made of lines",
                cause.getMessage());
        assertEquals(List.of("short"), lines);
        assertAllEnded(writer, reader);
    }

    @Test
    void aLastLineWithoutTerminatorLongerThanTheMaximumFailsToo() {
        WorkflowException e = assertThrows(WorkflowException.class, () -> lines(false, 3, "abc\nabcd"));

        assertInstanceOf(LineTooLongException.class, e.getCause());
    }

    @Test
    void aBufferedReaderReadsLinesThroughTheInputStream() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Workflow wf = new Workflow("reader").byteCapacity(16);
        var writer = wf.add(new ByteSource("write", out -> {
            for (int i = 0; i < 1000; i++) {
                out.asOutputStream().write(("line " + i + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
        }));
        var reader = wf.add(new ByteSink("read", in -> {
            try (BufferedReader text =
                    new BufferedReader(new InputStreamReader(in.asInputStream(), StandardCharsets.UTF_8))) {
                text.lines().forEach(lines::add);
            }
        }));
        writer.out.pipe(reader.in);

        wf.run();

        assertEquals(1000, lines.size());
        assertEquals("line 999", lines.get(999));
    }
}
