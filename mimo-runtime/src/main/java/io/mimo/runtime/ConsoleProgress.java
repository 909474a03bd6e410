package io.mimo.runtime;

import io.mimo.runtime.WorkflowSnapshot.PortCount;
import io.mimo.runtime.WorkflowSnapshot.StreamSnapshot;
import java.io.Console;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.LongSupplier;

/**
 * A {@link WorkflowListener} that shows a run's progress on the console, opt in:
 * {@code wf.listener(ConsoleProgress.toStandardError())}. A line tells the time elapsed, the share
 * done when known, how fast bytes and items come in, and the {@linkplain WorkflowSnapshot#bottleneck()
 * bottleneck}:
 *
 * <pre>
 * csv-join  12.0 s  45% done  310.2 MiB/s  1.52 M items/s  bottleneck 'parse orders'
 * </pre>
 *
 * <ul>
 *   <li>On a terminal it redraws that one line in place about once a second (it is drawn at the
 *       run's {@link Workflow#snapshotEvery() snapshots}, at most once a second), and ends it
 *       with a newline when the run ends. Elsewhere (a file, a pipe, a CI log) it prints a plain
 *       line every five seconds at most. Never more: a run shorter than that prints nothing, and a
 *       longer one a last line when it ends.</li>
 *   <li>Bytes per second are what the sources (streams without inputs) write to byte outputs;
 *       items per second, what enters the items' world: what the sources and the streams that read
 *       only bytes (parsers) push to item outputs. Each rate is over the time since the line before.</li>
 *   <li>The share done is {@link WorkflowSnapshot#progress()}, from what streams declared they will
 *       write ({@link Context#expect(long)}); or, if {@link #total(long)} was given, what the sources
 *       wrote of that total.</li>
 *   <li>A {@linkplain WorkflowListener#stalled stall} is printed on a line of its own.</li>
 * </ul>
 *
 * <p>Whether standard error is a terminal: the JDK can tell only whether the JVM's console is one
 * (standard input and output both terminals): on JDK 22 and later through {@code Console.isTerminal()}
 * (where {@code System.console()} is no longer {@code null} when redirected), on JDK 21 by
 * {@code System.console()} being there at all. A {@code TERM} of {@code dumb} is no terminal.
 * Redirecting standard error alone is not seen: {@link #to(PrintStream, boolean)} says it outright.
 *
 * <p>Called by the run's watcher thread only (see {@link WorkflowListener}); an instance serves one
 * run at a time.
 */
public final class ConsoleProgress implements WorkflowListener {
    private static final long SECOND = 1_000_000_000L;
    /** Between two lines on a terminal: about a second (a snapshot a few milliseconds early still draws). */
    private static final long TERMINAL_EVERY = SECOND - SECOND / 20;
    /** Between two lines elsewhere: five seconds. */
    private static final long PLAIN_EVERY = 5 * SECOND - SECOND / 20;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier clock;
    private long total = -1;

    /** Guarded by the watcher's thread: when the last line was drawn ({@link #clock}), and its counts. */
    private long lastDraw;

    private long lastBytes;
    private long lastItems;
    private long startedAt;
    private boolean drawn;

    ConsoleProgress(PrintStream out, boolean terminal, LongSupplier clock) {
        this.out = out;
        this.terminal = terminal;
        this.clock = clock;
    }

    /** Progress on {@link System#err}: redrawn in place if it is a terminal, plain lines otherwise. */
    public static ConsoleProgress toStandardError() {
        return new ConsoleProgress(System.err, stderrIsTerminal(), System::nanoTime);
    }

    /** Progress on {@code out}, redrawn in place if {@code terminal}, plain lines every few seconds otherwise. */
    public static ConsoleProgress to(PrintStream out, boolean terminal) {
        if (out == null) {
            throw new NullPointerException("ConsoleProgress needs a stream to print to, not null");
        }
        return new ConsoleProgress(out, terminal, System::nanoTime);
    }

    /**
     * Shows the share done as what the sources (streams without inputs) have written of {@code units}
     * in all, bytes if they write bytes, items otherwise: for a caller that knows the total when the
     * sources do not declare it ({@link Context#expect(long)}), e.g. the sizes of the files they read.
     *
     * @return this
     * @throws IllegalArgumentException if {@code units} is not positive
     */
    public ConsoleProgress total(long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("a progress total must be positive, got " + units);
        }
        total = units;
        return this;
    }

    /** Whether standard error is taken to be a terminal: see the class comment. */
    static boolean stderrIsTerminal() {
        return isTerminal(System.console(), Runtime.version().feature(), System.getenv("TERM"));
    }

    /** The rule of {@link #stderrIsTerminal()}, on what the JDK told. */
    static boolean isTerminal(Console console, int jdk, String term) {
        if (console == null || "dumb".equals(term)) {
            return false;
        }
        if (jdk < 22) {
            // JDK 21: System.console() is null unless standard input and output are terminals.
            return true;
        }
        try {
            // JDK 22+: a console is there even when redirected; Console.isTerminal() tells.
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public void started(WorkflowSnapshot snapshot) {
        startedAt = clock.getAsLong();
        lastDraw = startedAt;
        lastBytes = 0;
        lastItems = 0;
        drawn = false;
    }

    @Override
    public void snapshot(WorkflowSnapshot snapshot) {
        long now = clock.getAsLong();
        if (now - lastDraw >= (terminal ? TERMINAL_EVERY : PLAIN_EVERY)) {
            draw(snapshot, now, false);
        }
    }

    @Override
    public void stalled(String message, WorkflowSnapshot snapshot) {
        if (terminal && drawn) {
            out.print("\r\033[K");
        }
        out.println(message);
        drawn = false;
    }

    @Override
    public void ended(WorkflowSnapshot snapshot) {
        if (drawn) {
            draw(snapshot, clock.getAsLong(), true);
        }
    }

    private void draw(WorkflowSnapshot snapshot, long now, boolean last) {
        long bytes = 0;
        long items = 0;
        long sourcesWrote = 0;
        for (StreamSnapshot stream : snapshot.streams()) {
            boolean source = stream.inputs().isEmpty();
            boolean readsBytes =
                    !source && stream.inputs().stream().allMatch(p -> p.unit().equals("bytes"));
            for (PortCount output : stream.outputs()) {
                long count = Math.max(0, output.count());
                if (source) {
                    sourcesWrote += count;
                }
                if (output.unit().equals("bytes")) {
                    bytes += source ? count : 0;
                } else if (source || readsBytes) {
                    items += count;
                }
            }
        }
        double seconds = Math.max(1e-9, (now - lastDraw) / 1e9);
        StringBuilder line = new StringBuilder(snapshot.workflow())
                .append("  ")
                .append(String.format(Locale.ROOT, "%.1f s", (now - startedAt) / 1e9));
        OptionalDouble done =
                total > 0 ? OptionalDouble.of(Math.min(1.0, (double) sourcesWrote / total)) : snapshot.progress();
        if (done.isPresent()) {
            line.append("  ").append(Math.round(100 * done.getAsDouble())).append("% done");
        }
        if (bytes > 0) {
            line.append("  ").append(binary((bytes - lastBytes) / seconds)).append("/s");
        }
        if (items > 0) {
            line.append("  ").append(decimal((items - lastItems) / seconds)).append(" items/s");
        }
        Optional<StreamSnapshot> bottleneck = snapshot.bottleneck();
        bottleneck.ifPresent(b -> line.append("  bottleneck '").append(b.name()).append('\''));
        if (last) {
            line.append("  ").append(snapshot.done() ? "ended" : "running");
        }
        if (terminal) {
            out.print("\r" + line + "\033[K" + (last ? "\n" : ""));
            out.flush();
        } else {
            out.println(line);
        }
        lastDraw = now;
        lastBytes = bytes;
        lastItems = items;
        drawn = true;
    }

    /** {@code 310.2 MiB}. */
    private static String binary(double bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (bytes >= 1024 && unit < units.length - 1) {
            bytes /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, unit == 0 ? "%.0f %s" : "%.1f %s", bytes, units[unit]);
    }

    /** {@code 1.52 M}. */
    private static String decimal(double count) {
        if (count < 1000) {
            return String.format(Locale.ROOT, "%.0f", count);
        }
        String[] units = {"k", "M", "G", "T"};
        int unit = -1;
        while (count >= 1000 && unit < units.length - 1) {
            count /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.2f %s", count, units[unit]);
    }

    @Override
    public String toString() {
        return "ConsoleProgress(" + (terminal ? "terminal" : "plain lines") + ")";
    }
}
