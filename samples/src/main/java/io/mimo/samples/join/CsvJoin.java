package io.mimo.samples.join;

import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import io.mimo.samples.Samples;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The main job: a streaming merge-join of two CSV files sorted by a key column.
 *
 * <pre>
 * read left  → parse left  ─rows→ merge-join ─matched→ write matched.csv    ─┐
 *                          └rejected┐        ├left-only→ write left-only.csv ├→ report
 * read right → parse right ─rows→    │        └right-only→ write right-only.csv│
 *                          └rejected┴────────────────→ write rejected.csv   ─┘
 * </pre>
 *
 * Bytes flow from the readers to the parsers through byte pipes as views of the mapped files; only
 * the rows of the current key are held, so memory stays bounded however large the files.
 */
public final class CsvJoin {
    static final String USAGE =
            "usage: join LEFT.csv RIGHT.csv --key COLUMN --out DIR [--view-size BYTES] [--max-record BYTES]"
                    + " [--quiet] [--graph dot|mermaid]\n"
                    + "       join            (no arguments: the embedded customers and orders, joined on customer_id, into join-out)";

    /** What to join, and how. */
    record Options(CsvFile left, CsvFile right, String key, Path out, int viewSize, int maxRecordBytes) {}

    /** The capacity of the pipes that carry batches of rows or chunks of text. */
    private static final int BATCHES = 16;

    private CsvJoin() {}

    /** The embedded default: a few thousand customers and their orders, joined on {@code customer_id}. */
    static Options embedded(Path out) {
        return new Options(
                CsvFile.embedded("customers.csv"),
                CsvFile.embedded("orders.csv"),
                "customer_id",
                out,
                64 * 1024,
                1 << 20);
    }

    /** Parses the command line; throws {@link IllegalArgumentException} saying what is wrong and the usage. */
    static Options parseArgs(List<String> args) {
        if (args.isEmpty()) {
            return embedded(Path.of("join-out"));
        }
        List<String> files = new ArrayList<>();
        String key = null;
        Path out = null;
        int viewSize = 64 * 1024;
        int maxRecord = 1 << 20;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--key" -> key = value(args, ++i, arg);
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--view-size" -> viewSize = positive(value(args, ++i, arg), arg);
                case "--max-record" -> maxRecord = positive(value(args, ++i, arg), arg);
                default -> {
                    if (arg.startsWith("--")) {
                        throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
                    }
                    files.add(arg);
                }
            }
        }
        if (files.size() != 2) {
            throw new IllegalArgumentException("expected two CSV files, got " + files.size() + "\n" + USAGE);
        }
        if (key == null || out == null) {
            throw new IllegalArgumentException(
                    "missing " + (key == null ? "--key COLUMN" : "--out DIR") + "\n" + USAGE);
        }
        for (String file : files) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException("cannot read '" + file + "': no such readable file");
            }
        }
        return new Options(
                CsvFile.of(Path.of(files.get(0))), CsvFile.of(Path.of(files.get(1))), key, out, viewSize, maxRecord);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args.get(i);
    }

    private static int positive(String text, String option) {
        try {
            int n = Integer.parseInt(text);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " takes a positive whole number, not '" + text + "'");
    }

    /** The join as a workflow; {@code report} prints the summary to {@code out} at the end. */
    static Workflow workflow(Options o, PrintStream out) throws IOException {
        Files.createDirectories(o.out());
        Tally tally = new Tally();
        Side leftSide = new Side(o.left().name(), o.key());
        Side rightSide = new Side(o.right().name(), o.key());
        boolean sameName = leftSide.name().equals(rightSide.name());
        String l = sameName ? "left " + leftSide.name() : leftSide.name();
        String r = sameName ? "right " + rightSide.name() : rightSide.name();
        Workflow wf = new Workflow("csv-join");

        var readLeft =
                wf.add("read " + l, CsvStreams.read(o.left(), o.viewSize(), tally.counter("read " + l + ": bytes")));
        var readRight =
                wf.add("read " + r, CsvStreams.read(o.right(), o.viewSize(), tally.counter("read " + r + ": bytes")));
        var parseLeft = wf.add(
                "parse " + l,
                CsvStreams.parse(
                        leftSide,
                        o.maxRecordBytes(),
                        tally.counter("parse " + l + ": rows"),
                        tally.counter("parse " + l + ": rejected")));
        var parseRight = wf.add(
                "parse " + r,
                CsvStreams.parse(
                        rightSide,
                        o.maxRecordBytes(),
                        tally.counter("parse " + r + ": rows"),
                        tally.counter("parse " + r + ": rejected")));
        readLeft.pipe(parseLeft);
        readRight.pipe(parseRight);

        var join = wf.add("merge-join", JoinStreams.mergeJoin(leftSide, rightSide));
        // items are batches of rows and chunks of text, tens of KiB each: short pipes bound the memory
        parseLeft.rows().pipe(join.left(), BATCHES);
        parseRight.rows().pipe(join.right(), BATCHES);

        var matched = wf.add("write matched", CsvStreams.writeText(o.out().resolve("matched.csv")));
        var leftOnly = wf.add("write left-only", CsvStreams.writeText(o.out().resolve("left-only.csv")));
        var rightOnly = wf.add("write right-only", CsvStreams.writeText(o.out().resolve("right-only.csv")));
        var rejected = wf.add(
                "write rejected",
                CsvStreams.write(o.out().resolve("rejected.csv"), List.of("file", "line", "reason", "raw")));
        join.matched().pipe(matched, BATCHES);
        join.leftOnly().pipe(leftOnly, BATCHES);
        join.rightOnly().pipe(rightOnly, BATCHES);
        parseLeft.rejected().pipe(rejected);
        parseRight.rejected().pipe(rejected);

        var report = wf.add(CsvStreams.report(out, o.out(), tally));
        matched.pipe(report.matched());
        leftOnly.pipe(report.leftOnly());
        rightOnly.pipe(report.rightOnly());
        rejected.pipe(report.rejected());
        return wf;
    }

    /** Runs the join as the command line asks; returns the exit status (0 done, 1 failed, 2 bad arguments). */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Options options;
        Samples.Look look;
        try {
            look = Samples.Look.parse(args);
            options = parseArgs(look.args());
        } catch (IllegalArgumentException e) {
            err.println("join: " + e.getMessage());
            return 2;
        }
        try {
            Workflow wf = workflow(options, out);
            if (look.printGraph(wf, out)) {
                return 0;
            }
            out.println("joining " + options.left().name() + " and "
                    + options.right().name() + " on '" + options.key() + "'");
            // Progress as bytes read of the two files' sizes (unknown for the embedded resources).
            long total = options.left().path() == null || options.right().path() == null
                    ? 0
                    : Files.size(options.left().path())
                            + Files.size(options.right().path());
            look.showProgress(wf, err, total);
            wf.run();
            return 0;
        } catch (WorkflowException e) {
            err.println("join failed: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return 1;
        } catch (IOException e) {
            err.println("join failed: " + e.getMessage());
            return 1;
        }
    }
}
