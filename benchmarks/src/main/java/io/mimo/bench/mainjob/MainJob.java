package io.mimo.bench.mainjob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The main job side by side with its peers, as a user would time it: mimo's CSV merge-join
 * ({@code samples/run join}), the same join as a Flink job on a MiniCluster started for it
 * ({@code --runner flink}), a one-thread FastCSV merge-join ({@link FastCsvJoin}) and DuckDB
 * ({@link DuckDbJoin}), each a JVM of its own on the same generated files ({@link JoinFiles}), in
 * rounds that rotate the order so that a change in the machine's load falls on every contender.
 * Each run is timed by GNU {@code time}: wall, CPU (user + system of the process and its children)
 * and peak resident memory. After every run the three outputs are checked against the first
 * contender's: equal as multisets of records (see {@link CsvDigest}), with the same header.
 *
 * <p>{@code MainJob DIR [--scale S] [--runs N] [--only NAME,NAME]}: the data under {@code DIR/data},
 * each contender's outputs under {@code DIR/out-NAME}; prints a Markdown table of medians and
 * ratios to mimo.
 */
public final class MainJob {
    /** The generator's seed: every run of the suite joins the same files. */
    static final long SEED = 20261201L;

    private static final String TIME = "/usr/bin/time";

    /** One contender: its name in the table, its JVM's options, and the main class run with the key and files. */
    record Contender(String name, String label, List<String> jvmOptions, List<String> mainAndArgs) {}

    /** The contenders {@code main} runs unless {@code --only} names others. */
    static final List<String> DEFAULT = List.of("mimo", "fastcsv", "duckdb");

    /**
     * What {@code samples/run} adds for Flink: Flink's lz4 codec loads a native library and its RPC
     * uses {@code sun.misc.Unsafe}, which JDK 24+ warns about unless allowed; Flink logs errors only.
     */
    private static List<String> flinkJvmOptions() {
        List<String> options = new ArrayList<>(List.of(
                "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=error",
                "-Dorg.slf4j.simpleLogger.log.io.mimo.flink=info"));
        if (Runtime.version().feature() >= 24) {
            options.add("--sun-misc-unsafe-memory-access=allow");
        }
        return options;
    }

    /** One timed run. */
    record Run(double wallSeconds, double cpuSeconds, long peakRssKib) {}

    private MainJob() {}

    static List<Contender> contenders(Path left, Path right, String key, Path dir) {
        String l = left.toString();
        String r = right.toString();
        return List.of(
                new Contender(
                        "mimo", "mimo `samples/run join`", List.of(), samplesJoin(l, r, key, dir.resolve("out-mimo"))),
                new Contender(
                        "flink",
                        "mimo on Flink 2.3's MiniCluster (`--runner flink`)",
                        flinkJvmOptions(),
                        samplesJoin(l, r, key, dir.resolve("out-flink"), "--runner", "flink")),
                new Contender(
                        "mimo2",
                        "mimo `samples/run join --partitions 2`",
                        List.of(),
                        samplesJoin(l, r, key, dir.resolve("out-mimo2"), "--partitions", "2")),
                new Contender(
                        "flink2",
                        "mimo on Flink's MiniCluster, `--partitions 2`",
                        flinkJvmOptions(),
                        samplesJoin(l, r, key, dir.resolve("out-flink2"), "--runner", "flink", "--partitions", "2")),
                new Contender(
                        "fastcsv",
                        "FastCSV 4.0.0 merge-join, one thread",
                        List.of(),
                        List.of(
                                FastCsvJoin.class.getName(),
                                l,
                                r,
                                key,
                                dir.resolve("out-fastcsv").toString())),
                new Contender(
                        "duckdb",
                        "DuckDB (JDBC) read_csv … JOIN … COPY",
                        List.of(),
                        List.of(
                                DuckDbJoin.class.getName(),
                                l,
                                r,
                                key,
                                dir.resolve("out-duckdb").toString())));
    }

    /** {@code samples/run join}'s main class and arguments, then {@code more}. */
    private static List<String> samplesJoin(String left, String right, String key, Path out, String... more) {
        List<String> command = new ArrayList<>(
                List.of("io.mimo.samples.Samples", "join", left, right, "--key", key, "--out", out.toString()));
        command.addAll(List.of(more));
        return command;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length < 1) {
            System.err.println("usage: MainJob DIR [--scale S] [--runs N] [--only NAME,NAME]"
                    + " (names: mimo, mimo2, flink, flink2, fastcsv, duckdb; mimo, fastcsv and duckdb by default)");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath();
        double scale = 1.0;
        int runs = 5;
        List<String> only = DEFAULT;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--scale" -> scale = Double.parseDouble(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--only" -> only = Arrays.asList(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (!Files.isExecutable(Path.of(TIME))) {
            throw new IllegalStateException(TIME + " (GNU time) is needed to measure each run's CPU and peak memory;"
                    + " install it (Debian: apt-get install time)");
        }
        System.err.printf("main job: making the files at scale %s under %s%n", scale, dir.resolve("data"));
        JoinFiles.Files2 files = JoinFiles.make(dir.resolve("data"), scale, SEED);
        long bytes = Files.size(files.customers()) + Files.size(files.orders());
        warm(files.customers());
        warm(files.orders());

        List<String> chosen = only;
        List<Contender> contenders = contenders(files.customers(), files.orders(), "id", dir).stream()
                .filter(c -> chosen.contains(c.name()))
                .toList();
        Map<String, List<Run>> results = new LinkedHashMap<>();
        contenders.forEach(c -> results.put(c.name(), new ArrayList<>()));
        Map<String, CsvDigest> reference = null;
        String referenceName = null;
        List<Double> loads = new ArrayList<>();
        for (int round = 0; round < runs; round++) {
            for (int k = 0; k < contenders.size(); k++) {
                Contender c = contenders.get((round + k) % contenders.size());
                loads.add(loadAverage());
                Run run = run(c, dir);
                results.get(c.name()).add(run);
                System.err.printf(
                        Locale.ROOT,
                        "  round %d %-8s wall %6.2f s  cpu %6.2f s  peak RSS %5d MiB%n",
                        round + 1,
                        c.name(),
                        run.wallSeconds(),
                        run.cpuSeconds(),
                        run.peakRssKib() / 1024);
                Map<String, CsvDigest> digests = digests(dir.resolve("out-" + c.name()));
                if (reference == null) {
                    reference = digests;
                    referenceName = c.name();
                } else if (!reference.equals(digests)) {
                    throw new IllegalStateException(c.name() + "'s outputs differ from " + referenceName + "'s: "
                            + digests + " against " + reference + " (under " + dir + ")");
                }
            }
        }
        System.out.print(table(contenders, results, scale, bytes, reference, loads));
    }

    /** Reads {@code file} once so that the first contender does not pay for the disk alone. */
    private static void warm(Path file) throws IOException {
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            while (in.read(buffer) >= 0) {
                // only the page cache is wanted
            }
        }
    }

    private static Run run(Contender c, Path dir) throws IOException, InterruptedException {
        Path timing = dir.resolve("time-" + c.name() + ".txt");
        Path log = dir.resolve("log-" + c.name() + ".txt");
        List<String> command = new ArrayList<>(List.of(
                TIME,
                "-f",
                "%e %U %S %M",
                "-o",
                timing.toString(),
                ProcessHandle.current().info().command().orElse("java")));
        command.addAll(c.jvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(c.mainAndArgs());
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        int status = p.waitFor();
        if (status != 0) {
            throw new IllegalStateException(c.name() + " failed with exit status " + status + "; its output: "
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        String[] t = Files.readAllLines(timing).getLast().trim().split(" ");
        return new Run(
                Double.parseDouble(t[0]), Double.parseDouble(t[1]) + Double.parseDouble(t[2]), Long.parseLong(t[3]));
    }

    private static Map<String, CsvDigest> digests(Path out) throws IOException {
        Map<String, CsvDigest> digests = new LinkedHashMap<>();
        for (String name : List.of("matched.csv", "left-only.csv", "right-only.csv")) {
            digests.put(name, CsvDigest.of(out.resolve(name)));
        }
        return digests;
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String table(
            List<Contender> contenders,
            Map<String, List<Run>> results,
            double scale,
            long bytes,
            Map<String, CsvDigest> outputs,
            List<Double> loads) {
        StringBuilder t = new StringBuilder();
        CsvDigest matched = Objects.requireNonNull(outputs).get("matched.csv");
        t.append(String.format(
                Locale.ROOT,
                "### Main job: CSV merge-join, scale %s (%.0f MB in; %d matched, %d left-only, %d right-only rows)%n%n",
                scale,
                bytes / 1e6,
                matched.records(),
                outputs.get("left-only.csv").records(),
                outputs.get("right-only.csv").records()));
        t.append("| contender | wall (s) | CPU (s) | peak RSS (MiB) | wall ÷ mimo's | CPU ÷ mimo's | runs |\n");
        t.append("|---|---:|---:|---:|---:|---:|---:|\n");
        List<Run> mimo = results.get("mimo");
        for (Contender c : contenders) {
            List<Run> runs = results.get(c.name());
            double wall = median(runs.stream().map(Run::wallSeconds).toList());
            double cpu = median(runs.stream().map(Run::cpuSeconds).toList());
            double rss = median(runs.stream().map(r -> r.peakRssKib() / 1024.0).toList());
            String wallRatio = "–";
            String cpuRatio = "–";
            if (mimo != null) {
                wallRatio = String.format(
                        Locale.ROOT,
                        "%.2f",
                        wall / median(mimo.stream().map(Run::wallSeconds).toList()));
                cpuRatio = String.format(
                        Locale.ROOT,
                        "%.2f",
                        cpu / median(mimo.stream().map(Run::cpuSeconds).toList()));
            }
            t.append(String.format(
                    Locale.ROOT,
                    "| %s | %.2f | %.2f | %.0f | %s | %s | %d |%n",
                    c.label(),
                    wall,
                    cpu,
                    rss,
                    wallRatio,
                    cpuRatio,
                    runs.size()));
        }
        double[] l = loads.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        t.append(String.format(
                Locale.ROOT,
                "%nMedians of %d interleaved runs each; outputs checked equal after every run (same headers, same"
                        + " records as multisets); 1-minute load average before the runs %.2f – %.2f on %d cores.%n",
                results.values().iterator().next().size(),
                l[0],
                l[l.length - 1],
                Runtime.getRuntime().availableProcessors()));
        return t.toString();
    }
}
