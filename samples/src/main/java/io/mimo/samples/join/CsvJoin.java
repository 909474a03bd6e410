package io.mimo.samples.join;

import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import io.mimo.samples.Samples;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The main job: a streaming merge-join of two CSV files sorted by a key column.
 *
 * <pre>
 * read left  → parse left  ─rows→ merge-join ─matched→ write matched.csv    ─┐
 *                          └rejected┐        ├left-only→ write left-only.csv ├→ report
 * read right → parse right ─rows→    │        └right-only→ write right-only.csv│
 *                          └rejected┼→ spool rejected right ┐                   │
 *                                   └───────────────────────┴→ write rejected.csv ─┘
 * </pre>
 *
 * The readers' and parsers' counts go to the report too, as their return values.
 *
 * Bytes flow from the readers to the parsers through byte pipes as views of the mapped files; only
 * the rows of the current key are held, so memory stays bounded however large the files.
 */
public final class CsvJoin {
    static final String USAGE =
            "usage: join LEFT.csv RIGHT.csv --key COLUMN --out DIR [--view-size BYTES] [--max-record BYTES]"
                    + " [--partitions N] [--runner local|flink] [--quiet] [--graph dot|mermaid]\n"
                    + "       join [--runner local|flink] [--quiet] [--graph dot|mermaid]"
                    + "   (the embedded customers and orders, joined on customer_id, into join-out)";

    /**
     * What to join, and how: plain values, serializable, so that a Flink job's wiring ({@link
     * #workflow}) can carry them to its tasks.
     *
     * @param out the folder the output files go to
     * @param partitions how many merge-joins run at once, each on the keys that hash to it; their
     *     outputs are merged back into key order, so the files are the same whatever the number
     */
    public record Options(
            CsvFile left, CsvFile right, String key, String out, int viewSize, int maxRecordBytes, int partitions)
            implements Serializable {
        /** These options with {@code partitions} merge-joins at once, 1 to {@value #MAX_PARTITIONS}. */
        public Options withPartitions(int partitions) {
            return new Options(left, right, key, out, viewSize, maxRecordBytes, checkPartitions(partitions));
        }
    }

    /** How the join's workflow runs elsewhere than here: as a Flink job, for {@code --runner flink}. */
    @FunctionalInterface
    public interface Runner {
        /** Builds the join's workflow for {@code options}, its report printing to {@code out}, and runs it. */
        void run(Options options, PrintStream out);
    }

    /**
     * The most partitions a join runs in: each holds batches of rows and chunks of text in its own
     * pipes (a few MiB), so memory grows with their number, and two cores gain nothing past a few.
     */
    public static final int MAX_PARTITIONS = 64;

    /** The capacity of the pipes that carry batches of rows or chunks of text. */
    private static final int BATCHES = 16;

    private CsvJoin() {}

    /** The embedded default: a few thousand customers and their orders, joined on {@code customer_id}, into {@code out}. */
    public static Options embedded(String out) {
        return new Options(
                CsvFile.embedded("customers.csv"),
                CsvFile.embedded("orders.csv"),
                "customer_id",
                out,
                64 * 1024,
                1 << 20,
                1);
    }

    /** Parses the command line; throws {@link IllegalArgumentException} saying what is wrong and the usage. */
    static Options parseArgs(List<String> args) {
        if (args.isEmpty()) {
            return embedded("join-out");
        }
        List<String> files = new ArrayList<>();
        String key = null;
        String out = null;
        int viewSize = 64 * 1024;
        int maxRecord = 1 << 20;
        int partitions = 1;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--key" -> key = value(args, ++i, arg);
                case "--out" -> out = value(args, ++i, arg);
                case "--view-size" -> viewSize = positive(value(args, ++i, arg), arg);
                case "--max-record" -> maxRecord = positive(value(args, ++i, arg), arg);
                case "--partitions" -> partitions = checkPartitions(positive(value(args, ++i, arg), arg));
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
                CsvFile.of(Path.of(files.get(0))),
                CsvFile.of(Path.of(files.get(1))),
                key,
                out,
                viewSize,
                maxRecord,
                partitions);
    }

    private static int checkPartitions(int partitions) {
        if (partitions < 1 || partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("--partitions takes 1 to " + MAX_PARTITIONS + ", not " + partitions
                    + ": each partition holds rows in pipes of its own, so memory grows with their number");
        }
        return partitions;
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

    /**
     * The join as a workflow; {@code report} prints the summary to {@code out} at the end. A static
     * wiring method of serializable arguments, so that it can run as a Flink job; its steps share
     * no objects (their counts reach the report through pipes), and each output file's bytes do not
     * depend on how the streams interleave.
     */
    public static Workflow workflow(Options o, PrintStream out) {
        Path dir = Path.of(o.out());
        Side leftSide = new Side(o.left().name(), o.key());
        Side rightSide = new Side(o.right().name(), o.key());
        boolean sameName = leftSide.name().equals(rightSide.name());
        String l = sameName ? "left " + leftSide.name() : leftSide.name();
        String r = sameName ? "right " + rightSide.name() : rightSide.name();
        Workflow wf = new Workflow("csv-join");

        var readLeft = wf.add("read " + l, CsvStreams.read(o.left(), o.viewSize()));
        var readRight = wf.add("read " + r, CsvStreams.read(o.right(), o.viewSize()));
        var parseLeft = wf.add("parse " + l, CsvStreams.parse(leftSide, o.maxRecordBytes()));
        var parseRight = wf.add("parse " + r, CsvStreams.parse(rightSide, o.maxRecordBytes()));
        readLeft.bytes().pipe(parseLeft);
        readRight.bytes().pipe(parseRight);

        var matched = wf.add("write matched", CsvStreams.writeText(dir.resolve("matched.csv")));
        var leftOnly = wf.add("write left-only", CsvStreams.writeText(dir.resolve("left-only.csv")));
        var rightOnly = wf.add("write right-only", CsvStreams.writeText(dir.resolve("right-only.csv")));
        // items are batches of rows and chunks of text, tens of KiB each: short pipes bound the memory
        int n = o.partitions();
        if (n == 1) {
            var join = wf.add("merge-join", JoinStreams.mergeJoin(leftSide, rightSide, false));
            parseLeft.rows().pipe(join.left(), BATCHES);
            parseRight.rows().pipe(join.right(), BATCHES);
            join.matched().pipe(matched, BATCHES);
            join.leftOnly().pipe(leftOnly, BATCHES);
            join.rightOnly().pipe(rightOnly, BATCHES);
        } else {
            // each join gets the rows of the keys that hash to it, and the merges put its rows back in key order
            var splitLeft = wf.add(new KeyPartitions.Split("partition " + l, n));
            var splitRight = wf.add(new KeyPartitions.Split("partition " + r, n));
            parseLeft.rows().pipe(splitLeft.rows(), BATCHES);
            parseRight.rows().pipe(splitRight.rows(), BATCHES);
            var mergeMatched = wf.add(new KeyPartitions.Merge("merge matched", n));
            var mergeLeftOnly = wf.add(new KeyPartitions.Merge("merge left-only", n));
            var mergeRightOnly = wf.add(new KeyPartitions.Merge("merge right-only", n));
            for (int p = 0; p < n; p++) {
                var join =
                        wf.add("merge-join " + (p + 1) + " of " + n, JoinStreams.mergeJoin(leftSide, rightSide, true));
                splitLeft.part(p).pipe(join.left(), BATCHES);
                splitRight.part(p).pipe(join.right(), BATCHES);
                join.matched().pipe(mergeMatched.part(p), BATCHES);
                join.leftOnly().pipe(mergeLeftOnly.part(p), BATCHES);
                join.rightOnly().pipe(mergeRightOnly.part(p), BATCHES);
            }
            mergeMatched.chunks().pipe(matched, BATCHES);
            mergeLeftOnly.chunks().pipe(leftOnly, BATCHES);
            mergeRightOnly.chunks().pipe(rightOnly, BATCHES);
        }

        // the left file's rejected rows, then the right's: not a merge of the two, whose order
        // would depend on which parser runs ahead
        Path spooled = dir.resolve("rejected.csv.right");
        var spool = wf.add("spool rejected " + r, CsvStreams.spool(spooled));
        var rejected = wf.add(
                "write rejected",
                CsvStreams.writeRejected(dir.resolve("rejected.csv"), List.of("file", "line", "reason", "raw")));
        parseLeft.rejected().pipe(rejected.left());
        parseRight.rejected().pipe(spool);
        spool.pipe(rejected.right());

        var report = wf.add(CsvStreams.report(out, dir, l, r));
        matched.pipe(report.matched());
        leftOnly.pipe(report.leftOnly());
        rightOnly.pipe(report.rightOnly());
        rejected.pipe(report.rejected());
        readLeft.size().pipe(report.leftBytes());
        readRight.size().pipe(report.rightBytes());
        parseLeft.counts().pipe(report.leftParsed());
        parseRight.counts().pipe(report.rightParsed());
        return wf;
    }

    /**
     * Runs the join as {@code look} asks, its arguments the join's own ({@code LEFT.csv RIGHT.csv
     * --key COLUMN --out DIR …}, or none for the embedded data): prints its graph and runs nothing
     * (writing nothing either), or runs it here with progress on {@code err} unless quiet, or with
     * {@code flink} when {@code look} asks for {@code --runner flink}. Returns the exit status: 0
     * done, 1 failed, 2 bad arguments.
     */
    public static int run(Samples.Look look, PrintStream out, PrintStream err, Runner flink) {
        Objects.requireNonNull(flink, "flink");
        Options options;
        try {
            options = parseArgs(look.args());
        } catch (IllegalArgumentException e) {
            err.println("join: " + e.getMessage());
            return 2;
        }
        try {
            // the local workflow only where it is used: Flink's tasks build their own
            if (look.graph() != null) {
                look.printGraph(workflow(options, out), out);
                return 0;
            }
            out.println("joining " + options.left().name() + " and "
                    + options.right().name() + " on '" + options.key() + "'");
            if (look.runner() == Samples.Look.Runner.FLINK) {
                flink.run(options, out);
                return 0;
            }
            Workflow wf = workflow(options, out);
            // Progress as bytes read of the two files' sizes (unknown for the embedded resources).
            long total = options.left().path() == null || options.right().path() == null
                    ? 0
                    : Files.size(Path.of(options.left().path()))
                            + Files.size(Path.of(options.right().path()));
            look.showProgress(wf, err, total);
            wf.run();
            return 0;
        } catch (WorkflowException e) {
            err.println("join failed: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            return 1;
        } catch (IOException e) {
            err.println("join failed: cannot read the size of an input: " + e.getMessage());
            return 1;
        }
    }
}
