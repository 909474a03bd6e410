package io.mimo.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.WorkflowSnapshot.PipeSnapshot;
import io.mimo.runtime.WorkflowSnapshot.PortCount;
import io.mimo.runtime.WorkflowSnapshot.State;
import io.mimo.runtime.WorkflowSnapshot.StreamSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConsoleProgress}: what it draws, and when, on a clock of the test's. */
class ConsoleProgressTest {
    private static final long MS = 1_000_000L;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private long now;

    private ConsoleProgress progress(boolean terminal) {
        return new ConsoleProgress(new PrintStream(printed, true, StandardCharsets.UTF_8), terminal, () -> now);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /**
     * A read of {@code bytes} bytes (of 4 MiB it expects) by 'read', parsed into {@code rows} rows by
     * 'parse', which the sink waits for: 'parse' is the bottleneck unless {@code done}.
     */
    private static WorkflowSnapshot run(long bytes, long rows, boolean done) {
        State parseState = done ? State.ENDED : State.RUNNING;
        StreamSnapshot read = new StreamSnapshot(
                0,
                "read",
                0,
                done ? State.ENDED : State.WAITING_FOR_ROOM,
                done ? List.of() : List.of("read.out -> parse.in"),
                List.of(),
                List.of(new PortCount("read.out", "bytes", bytes, false)),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                4 << 20);
        StreamSnapshot parse = new StreamSnapshot(
                1,
                "parse",
                1,
                parseState,
                List.of(),
                List.of(new PortCount("parse.in", "bytes", bytes, false)),
                List.of(new PortCount("parse.rows", "items", rows, false)),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                -1);
        StreamSnapshot sink = new StreamSnapshot(
                2,
                "sink",
                2,
                done ? State.ENDED : State.WAITING_FOR_ITEM,
                done ? List.of() : List.of("sink.in"),
                List.of(new PortCount("sink.in", "items", rows, false)),
                List.of(),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ZERO,
                -1);
        List<PipeSnapshot> pipes = List.of(
                new PipeSnapshot(
                        "read.out -> parse.in", "read.out", "parse.in", 0, 1, "bytes", false, 1024, 1024, bytes, 0),
                new PipeSnapshot(
                        "parse.rows -> sink.in", "parse.rows", "sink.in", 1, 2, "items", false, 256, 0, rows, 0));
        return new WorkflowSnapshot("join", Duration.ofNanos(0), done, List.of(read, parse, sink), pipes);
    }

    @Test
    void onATerminalItRedrawsOneLineAboutOnceASecondAndEndsItWithTheRun() {
        ConsoleProgress progress = progress(true);
        progress.started(run(0, 0, false));

        now = 500 * MS;
        progress.snapshot(run(1 << 19, 500, false));
        assertEquals("", printed(), "not before a second");
        now = 1000 * MS;
        progress.snapshot(run(1 << 20, 1000, false));
        assertEquals("\rjoin  1.0 s  25% done  1.0 MiB/s  1.00 k items/s  bottleneck 'parse'\033[K", printed());
        now = 1500 * MS;
        progress.snapshot(run(3 << 19, 1500, false));
        now = 2000 * MS;
        progress.snapshot(run(2 << 20, 3000, false));
        assertTrue(
                printed().endsWith("\rjoin  2.0 s  50% done  1.0 MiB/s  2.00 k items/s  bottleneck 'parse'\033[K"),
                printed());
        now = 2100 * MS;
        progress.ended(run(4 << 20, 5000, true));
        assertTrue(
                printed().endsWith("\rjoin  2.1 s  100% done  20.0 MiB/s  20.00 k items/s  ended\033[K\n"), printed());
        assertEquals(3, printed().split("\r", -1).length - 1, "three lines drawn: " + printed());
    }

    @Test
    void elsewhereItPrintsAPlainLineEveryFiveSecondsAtMost() {
        ConsoleProgress progress = progress(false).total(8 << 20);
        progress.started(run(0, 0, false));
        for (int second = 1; second <= 9; second++) {
            now = second * 1000 * MS;
            progress.snapshot(run(second << 19, second * 100L, false));
        }
        now = 9500 * MS;
        progress.ended(run(8 << 20, 1000, true));

        assertEquals(
                List.of(
                        "join  5.0 s  31% done  512.0 KiB/s  100 items/s  bottleneck 'parse'",
                        "join  9.5 s  100% done  1.2 MiB/s  111 items/s  ended"),
                printed().lines().toList(),
                "the total given outweighs what the source expects");
        assertFalse(printed().contains("\r"));
    }

    @Test
    void aRunShorterThanALinePrintsNothing() {
        ConsoleProgress progress = progress(true);
        progress.started(run(0, 0, false));
        now = 300 * MS;
        progress.snapshot(run(100, 1, false));
        progress.ended(run(4 << 20, 10, true));

        assertEquals("", printed());
    }

    @Test
    void aStallIsPrintedOnALineOfItsOwn() {
        ConsoleProgress progress = progress(true);
        progress.started(run(0, 0, false));
        now = 1000 * MS;
        progress.snapshot(run(100, 1, false));
        progress.stalled("stall in workflow 'join': ...", run(100, 1, false));

        assertTrue(printed().endsWith("\r\033[Kstall in workflow 'join': ...\n"), printed());
    }

    @Test
    void aTerminalIsAConsoleThatSaysItIsOne() {
        assertFalse(ConsoleProgress.isTerminal(null, 21, "xterm"));
        assertFalse(ConsoleProgress.isTerminal(null, 25, "xterm"));
        Console console = System.console();
        if (console != null) {
            assertTrue(ConsoleProgress.isTerminal(console, 21, "xterm"), "JDK 21: a console is a terminal");
            assertFalse(ConsoleProgress.isTerminal(console, 21, "dumb"));
            // Under the build, standard input and output are pipes: on JDK 22+ a console all the
            // same, but no terminal.
            assertFalse(ConsoleProgress.isTerminal(console, 25, "xterm"), "JDK 22+: Console.isTerminal() decides");
        }
        assertThrows(
                IllegalArgumentException.class,
                () -> ConsoleProgress.to(System.err, false).total(0));
    }
}
