package io.mimo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Turns a JMH result file ({@code -rf json}) and the bounded-memory runs' JSON lines into one
 * Markdown table per workload: each contender's median over its measured iterations (all forks),
 * per item, its range, and its time divided by mimo's — then checks the targets.
 *
 * <p>Usage: {@code Report JMH_JSON [MEMORY_JSONL [JMH_LOG [TITLE]]]}; JMH_JSON and JMH_LOG may each
 * be several files, separated by commas. With the JMH log, a contender that failed shows its exception. The system property {@code mimo.bench.workloads}, a regular
 * expression over the workloads' class names ({@code OneHop|Chain|…|BoundedMemory}), leaves out the others.
 */
public final class Report {
    private Report() {}

    /** One contender of a workload: the JMH method and how the table names it. */
    record Contender(String method, String label, boolean isMimo) {}

    /** A workload: its JMH class, how many items one op handles (from its params), and the unit per item. */
    record Workload(
            String title,
            String benchmarkClass,
            String itemUnit,
            double unitNanos,
            ToDoubleFunction<Map<String, String>> itemsPerOp,
            String itemsText,
            List<Contender> contenders) {}

    static Contender mimo(String method, String label) {
        return new Contender(method, label, true);
    }

    static Contender peer(String method, String label) {
        return new Contender(method, label, false);
    }

    static final List<Workload> WORKLOADS = List.of(
            new Workload(
                    "1. One hop",
                    "io.mimo.bench.OneHop",
                    "ns/item",
                    1,
                    p -> num(p, "hopItems"),
                    "%s items, producer and consumer on two threads, queue of " + Work.CAPACITY,
                    List.of(
                            mimo("mimo", "mimo pipe (two @Stream methods)"),
                            peer("arrayBlockingQueueVirtualThreads", "ArrayBlockingQueue, two virtual threads"),
                            peer("joxChannelVirtualThreads", "Jox channel, two virtual threads"),
                            peer(
                                    "jctoolsSpscSpinning",
                                    "JCTools SPSC queue, two spinning platform threads (near limit)"),
                            peer("mimoOneCarrier", "(diagnostic) mimo pipe, virtual threads on one carrier thread"))),
            new Workload(
                    "2. Linear chain",
                    "io.mimo.bench.Chain",
                    "ns/item",
                    1,
                    p -> num(p, "chainItems"),
                    "%s items: source → map → filter → map → filter → sum",
                    List.of(
                            mimo("mimo", "mimo (six @Stream methods, element-style maps, filters and sum: fused)"),
                            peer("handWrittenLoop", "hand-written loop (limit)"),
                            peer("javaUtilStream", "java.util.stream"),
                            peer("reactorFlux", "Reactor Flux"),
                            peer("rxJavaFlowable", "RxJava 3 Flowable"),
                            peer("pekkoStreams", "Pekko Streams"),
                            peer(
                                    "mimoSumBehindPipe",
                                    "(diagnostic) mimo, the sum process style on its own thread: one pipe"),
                            peer(
                                    "mimoFusionOff",
                                    "(diagnostic) mimo, Workflow.fusion(false): a thread per stream, five pipes"),
                            peer("mimoHandWrittenSteps", "(diagnostic) mimo, six hand-written process-style steps"))),
            new Workload(
                    "3. Diamond",
                    "io.mimo.bench.Diamond",
                    "ns/item",
                    1,
                    p -> num(p, "diamondItems"),
                    "%s items: source → broadcast → two maps → zip → sum",
                    List.of(
                            mimo("mimo", "mimo (five @Stream methods, element-style maps, zip and sum)"),
                            peer("pekkoGraphDsl", "Pekko GraphDSL (Broadcast + Zip)"),
                            peer("reactorPublishZip", "Reactor (publish + zip)"),
                            peer(
                                    "mimoSumBehindPipe",
                                    "(diagnostic) mimo, the sum process style on its own thread: one more pipe"),
                            peer("mimoFusionOff", "(diagnostic) mimo, Workflow.fusion(false): a thread per stream"))),
            new Workload(
                    "5a. Bytes: write then read back as 64 KiB views",
                    "io.mimo.bench.ByteViews",
                    "ns/view",
                    1,
                    p -> ByteViews.itemsPerOp((long) num(p, "viewBytes")),
                    "%s views of 64 KiB written, then read back",
                    List.of(
                            mimo("byteStream", "mimo ByteStream"),
                            peer("byteArrayOutputStream", "ByteArrayOutputStream → ByteArrayInputStream"),
                            peer("okioBuffer", "Okio Buffer"),
                            peer("nettyCompositeByteBuf", "Netty CompositeByteBuf"))),
            new Workload(
                    "5b. Bytes: split text lines arriving in fragments",
                    "io.mimo.bench.LineSplit",
                    "ns/line",
                    1,
                    p -> LineSplit.itemsPerOp((long) num(p, "lineBytes")),
                    "%s lines in fragments of 1 B – 16 KiB",
                    List.of(
                            mimo("byteStream", "mimo ByteStream readLine"),
                            peer("bufferedReaderReadLine", "BufferedReader.readLine"),
                            peer("okioBuffer", "Okio Buffer (indexOf + readByteString)"),
                            peer("nettyCompositeByteBuf", "Netty CompositeByteBuf (indexOf + readSlice)"))),
            new Workload(
                    "6. The processor: javac in process",
                    "io.mimo.bench.ProcessorJavac",
                    "ms/compile",
                    1e6,
                    p -> 1,
                    "one compile of %s annotated methods",
                    List.of(
                            mimo("javacWithMimoProcessor", "javac with the mimo processor"),
                            peer("javacWithoutProcessor", "javac alone (-proc:none)"),
                            peer(
                                    "javacWithMimoProcessorLoadedOnce",
                                    "(diagnostic) javac with the mimo processor loaded once, warm"),
                            peer(
                                    "javacOfSourcesAndGeneratedWithoutProcessor",
                                    "(diagnostic) javac alone on the sources plus the processor's output"))),
            new Workload(
                    "6b. The processor: javac cold, one compile in a fresh JVM",
                    "io.mimo.bench.ProcessorJavacCold",
                    "ms/compile",
                    1e6,
                    p -> 1,
                    "one compile of %s annotated methods, the first in its JVM; one sample per fork",
                    List.of(
                            mimo("javacWithMimoProcessor", "javac with the mimo processor"),
                            peer("javacWithoutProcessor", "javac alone (-proc:none)"))),
            new Workload(
                    "7. Parallel map",
                    "io.mimo.bench.ParallelMap",
                    "ns/item",
                    1,
                    p -> num(p, "parallelItems"),
                    "%s items: source → CPU-heavy map (" + Work.HASH_ROUNDS
                            + " rounds of xorshift-multiply) → fold in input order; `÷ mimo` against 2 ordered"
                            + " copies, so the one-copy row's ratio is their speedup",
                    List.of(
                            mimo("mimoParallel2", "mimo, 2 ordered copies (wf.parallel(hash, 2))"),
                            peer("mimoOneCopy", "mimo, one copy (element-style @Stream map, fused: the default)"),
                            peer("mimoParallel4", "mimo, 4 ordered copies"),
                            peer("handWrittenLoop", "hand-written loop, one thread (the limit of one core)"),
                            peer(
                                    "handWrittenTwoThreads",
                                    "hand-written, two platform threads, one half each, then folded (the limit of two"
                                            + " cores)"),
                            peer(
                                    "reactorFlatMapSequential2",
                                    "Reactor flatMapSequential, a Mono per item on Schedulers.parallel(), 2 at a time"),
                            peer(
                                    "reactorFlatMapSequential4",
                                    "Reactor flatMapSequential, a Mono per item, 4 at a time"),
                            peer(
                                    "reactorBatchedFlatMapSequential2",
                                    "Reactor buffer(64) + flatMapSequential, a Mono per batch, 2 at a time"),
                            peer(
                                    "reactorBatchedFlatMapSequential4",
                                    "Reactor buffer(64) + flatMapSequential, a Mono per batch, 4 at a time"),
                            peer("pekkoMapAsync2", "Pekko mapAsync(2), a future per item"),
                            peer("pekkoMapAsync4", "Pekko mapAsync(4), a future per item"),
                            peer(
                                    "reactorParallelUnordered2",
                                    "(diagnostic, unordered: checks a plain sum) Reactor parallel(2).runOn().map()"
                                            + ".sequential()"))));

    /** A measured contender: per-item median and range, or why there is none. */
    record Row(Contender contender, double median, double min, double max, int n, String missing) {}

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: Report JMH_JSON [MEMORY_JSONL [JMH_LOG [TITLE]]]");
            System.exit(2);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (String file : args[0].split(",")) {
            if (!file.isEmpty() && Files.exists(Path.of(file))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> some =
                        (List<Map<String, Object>>) Json.parse(Files.readString(Path.of(file)));
                results.addAll(some);
            }
        }
        List<Map<String, Object>> memory = new ArrayList<>();
        if (args.length > 1 && Files.exists(Path.of(args[1]))) {
            for (String line : Files.readAllLines(Path.of(args[1]))) {
                if (line.startsWith("{")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) Json.parse(line);
                    memory.add(m);
                }
            }
        }
        Map<String, String> failures = new LinkedHashMap<>();
        if (args.length > 2) {
            for (String file : args[2].split(",")) {
                if (!file.isEmpty() && Files.exists(Path.of(file))) {
                    failures.putAll(failures(Files.readAllLines(Path.of(file))));
                }
            }
        }
        String selected = System.getProperty("mimo.bench.workloads", ".*");
        StringBuilder out = new StringBuilder();
        header(out, args.length > 3 ? args[3] : "mimo benchmarks", results);
        Map<String, Map<String, Row>> all = new LinkedHashMap<>();
        for (Workload w : WORKLOADS) {
            // the cold javac workload goes with the warm one
            String name = w.benchmarkClass()
                    .substring(w.benchmarkClass().lastIndexOf('.') + 1)
                    .replaceAll("Cold$", "");
            if (name.matches(selected)) {
                all.put(w.benchmarkClass(), table(out, w, results, failures));
            }
            if (w.benchmarkClass().endsWith("Diamond") && "BoundedMemory".matches(selected)) {
                memoryTable(out, memory);
            }
        }
        targets(out, all, memory, "BoundedMemory".matches(selected));
        System.out.print(out);
    }

    private static void header(StringBuilder out, String title, List<Map<String, Object>> results) {
        out.append("## ").append(title).append("\n\n");
        out.append("- Machine: ")
                .append(cpu())
                .append(", ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" cores, ")
                .append(memoryGiB())
                .append(" GiB memory, ")
                .append(System.getProperty("os.name"))
                .append(' ')
                .append(System.getProperty("os.arch"))
                .append('\n');
        String load = System.getProperty("mimo.bench.load", "");
        if (!load.isBlank()) {
            out.append("- Machine load: ")
                    .append(load)
                    .append(". The suite's own threads count in it (one to three runnable); beyond that, other"
                            + " processes competed for the cores: the wider a row's range, the more they interfered\n");
        }
        if (!results.isEmpty()) {
            Map<String, Object> r = results.get(0);
            out.append("- JDK: ")
                    .append(r.get("vmName"))
                    .append(' ')
                    .append(r.get("vmVersion"))
                    .append(" (")
                    .append(r.get("jdkVersion"))
                    .append("), JMH ")
                    .append(r.get("jmhVersion"))
                    .append('\n');
            out.append("- JMH: ")
                    .append(fmtInt(r.get("forks")))
                    .append(" fork(s) × ")
                    .append(fmtInt(r.get("measurementIterations")))
                    .append(" measured iterations of ")
                    .append(r.get("measurementTime"))
                    .append(" after ")
                    .append(fmtInt(r.get("warmupIterations")))
                    .append(" warm-up iterations of ")
                    .append(r.get("warmupTime"))
                    .append("; median over every measured iteration of every fork\n");
        }
        out.append("- `÷ mimo`: the contender's median time divided by mimo's; above 1, mimo is faster\n\n");
    }

    /** The first exception line of each benchmark that failed, from JMH's human-readable log. */
    static Map<String, String> failures(List<String> log) {
        Map<String, String> failed = new LinkedHashMap<>();
        String benchmark = null;
        boolean failing = false;
        for (String line : log) {
            if (line.startsWith("# Benchmark: ")) {
                benchmark = line.substring("# Benchmark: ".length()).trim();
                failing = false;
            } else if (line.contains("<failure>")) {
                failing = true;
            } else if (failing && benchmark != null && !line.isBlank() && !failed.containsKey(benchmark)) {
                failed.put(benchmark, line.trim().replace("|", "\\|"));
            }
        }
        return failed;
    }

    private static Map<String, Row> table(
            StringBuilder out, Workload w, List<Map<String, Object>> results, Map<String, String> failures) {
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, String> params = null;
        for (Contender c : w.contenders()) {
            Map<String, Object> r = find(results, w.benchmarkClass() + "." + c.method());
            if (r == null) {
                String failure = failures.get(w.benchmarkClass() + "." + c.method());
                rows.put(
                        c.method(),
                        new Row(
                                c,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                0,
                                failure != null ? "failed: " + failure : "no result (not run)"));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) r.getOrDefault("params", Map.of());
            Map<String, String> ps = new LinkedHashMap<>();
            p.forEach((k, v) -> ps.put(k, String.valueOf(v)));
            params = ps;
            @SuppressWarnings("unchecked")
            Map<String, Object> metric = (Map<String, Object>) r.get("primaryMetric");
            double scale = unitNanos((String) metric.get("scoreUnit"))
                    / w.unitNanos()
                    / w.itemsPerOp().applyAsDouble(ps);
            double[] raw = flatten(metric.get("rawData"));
            if (raw.length == 0) {
                rows.put(c.method(), new Row(c, Double.NaN, Double.NaN, Double.NaN, 0, "no measured iteration"));
                continue;
            }
            for (int k = 0; k < raw.length; k++) {
                raw[k] *= scale;
            }
            Arrays.sort(raw);
            rows.put(c.method(), new Row(c, median(raw), raw[0], raw[raw.length - 1], raw.length, null));
        }
        out.append("### ").append(w.title()).append("\n\n");
        if (params != null) {
            double items = w.itemsPerOp().applyAsDouble(params);
            String what = w.benchmarkClass().contains("ProcessorJavac")
                    ? params.getOrDefault("methods", "?")
                    : String.format(Locale.ROOT, "%,d", (long) items);
            out.append(String.format(Locale.ROOT, w.itemsText(), what)).append(".\n\n");
        }
        Row mimo = rows.values().stream()
                .filter(r -> r.contender().isMimo())
                .findFirst()
                .orElse(null);
        out.append("| contender | median | unit | ÷ mimo | range (min – max) | iterations |\n");
        out.append("|---|---:|---|---:|---|---:|\n");
        for (Row r : rows.values()) {
            if (r.missing() != null) {
                out.append("| ")
                        .append(r.contender().label())
                        .append(" | — | ")
                        .append(w.itemUnit())
                        .append(" | — | ")
                        .append(r.missing())
                        .append(" | 0 |\n");
                continue;
            }
            String ratio = mimo == null || mimo.missing() != null ? "—" : fmt(r.median() / mimo.median());
            out.append("| ")
                    .append(r.contender().label())
                    .append(" | ")
                    .append(fmt(r.median()))
                    .append(" | ")
                    .append(w.itemUnit())
                    .append(" | ")
                    .append(ratio)
                    .append(" | ")
                    .append(fmt(r.min()))
                    .append(" – ")
                    .append(fmt(r.max()))
                    .append(" | ")
                    .append(r.n())
                    .append(" |\n");
        }
        out.append('\n');
        return rows;
    }

    private static void memoryTable(StringBuilder out, List<Map<String, Object>> memory) {
        out.append("### 4. Bounded memory\n\n");
        out.append("Source → map → sum (three streams) in a JVM started with `-Xmx32m`; live heap = the most "
                + "heap in use right after any collection; peak = the heap pools' peak use, garbage included.\n\n");
        out.append("| contender | items | completed | time | live heap after GC (max) | peak heap used | GCs |\n");
        out.append("|---|---:|---|---:|---:|---:|---:|\n");
        if (memory.isEmpty()) {
            out.append("| (not run) | | | | | | |\n\n");
            return;
        }
        for (Map<String, Object> m : memory) {
            boolean ok = Boolean.TRUE.equals(m.get("completed"));
            out.append("| ")
                    .append(label((String) m.get("contender")))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%,d", (long) num(m.get("items"))))
                    .append(" | ")
                    .append(ok ? "yes" : ("no: " + m.get("error")).replace("|", "\\|"))
                    .append(" | ")
                    .append(String.format(Locale.ROOT, "%.1f s", num(m.get("seconds"))))
                    .append(" | ")
                    .append(ok ? mib(num(m.get("maxLiveAfterGcBytes"))) : "—")
                    .append(" | ")
                    .append(ok ? mib(num(m.get("peakHeapUsedBytes"))) : "—")
                    .append(" | ")
                    .append(fmtInt(m.get("collections")))
                    .append(" |\n");
        }
        out.append('\n');
    }

    private static String label(String contender) {
        return switch (contender) {
            case "mimo" -> "mimo (three streams)";
            case "arrayBlockingQueue" -> "ArrayBlockingQueue, three virtual threads (reference)";
            default -> contender;
        };
    }

    /** The targets, each checked against this run's medians. */
    private static void targets(
            StringBuilder out,
            Map<String, Map<String, Row>> all,
            List<Map<String, Object>> memory,
            boolean memorySelected) {
        out.append("### Targets\n\n| target | this run | met |\n|---|---|---|\n");
        Map<String, Row> hop = all.get("io.mimo.bench.OneHop");
        target(out, "one hop ≤ 10 ns/item", hop, "mimo", null, (m, o) -> m, v -> v <= 10, "%s ns/item");
        target(
                out,
                "one hop ≥ 10× ArrayBlockingQueue on virtual threads",
                hop,
                "mimo",
                "arrayBlockingQueueVirtualThreads",
                (m, o) -> o / m,
                v -> v >= 10,
                "%s×");
        target(
                out,
                "one hop ahead of Jox",
                hop,
                "mimo",
                "joxChannelVirtualThreads",
                (m, o) -> o / m,
                v -> v > 1,
                "%s×");
        Map<String, Row> chain = all.get("io.mimo.bench.Chain");
        target(
                out,
                "chain at least as fast as java.util.stream",
                chain,
                "mimo",
                "javaUtilStream",
                (m, o) -> o / m,
                v -> v >= 1,
                "%s×");
        target(out, "chain ≥ 3× Reactor", chain, "mimo", "reactorFlux", (m, o) -> o / m, v -> v >= 3, "%s×");
        target(out, "chain ≥ 3× Pekko", chain, "mimo", "pekkoStreams", (m, o) -> o / m, v -> v >= 3, "%s×");
        target(
                out,
                "chain within 1.5× of the hand-written loop",
                chain,
                "mimo",
                "handWrittenLoop",
                (m, o) -> m / o,
                v -> v <= 1.5,
                "%s× the loop's time");
        target(
                out,
                "diamond ≥ 3× Pekko GraphDSL",
                all.get("io.mimo.bench.Diamond"),
                "mimo",
                "pekkoGraphDsl",
                (m, o) -> o / m,
                v -> v >= 3,
                "%s×");
        if (memorySelected) {
            memoryTarget(out, memory);
        }
        target(
                out,
                "64 KiB views ≥ 50× ByteArrayOutputStream",
                all.get("io.mimo.bench.ByteViews"),
                "byteStream",
                "byteArrayOutputStream",
                (m, o) -> o / m,
                v -> v >= 50,
                "%s×");
        Map<String, Row> lines = all.get("io.mimo.bench.LineSplit");
        target(
                out,
                "line splitting ≥ 2× BufferedReader.readLine",
                lines,
                "byteStream",
                "bufferedReaderReadLine",
                (m, o) -> o / m,
                v -> v >= 2,
                "%s×");
        target(
                out,
                "line splitting ahead of Okio",
                lines,
                "byteStream",
                "okioBuffer",
                (m, o) -> o / m,
                v -> v > 1,
                "%s×");
        target(
                out,
                "processor ≤ 1.5× javac without it (warm, in process)",
                all.get("io.mimo.bench.ProcessorJavac"),
                "javacWithMimoProcessor",
                "javacWithoutProcessor",
                (m, o) -> m / o,
                v -> v <= 1.5,
                "%s× javac alone");
        target(
                out,
                "processor ≤ 1.5× javac without it (cold, a fresh JVM)",
                all.get("io.mimo.bench.ProcessorJavacCold"),
                "javacWithMimoProcessor",
                "javacWithoutProcessor",
                (m, o) -> m / o,
                v -> v <= 1.5,
                "%s× javac alone");
        parallelTarget(out, all.get("io.mimo.bench.ParallelMap"));
        out.append('\n');
    }

    /**
     * 2 ordered copies at least 1.6× one copy on 2 cores; with what two hand-written threads gained
     * over one in the same run beside it, as no contender can gain more than the machine left free.
     */
    private static void parallelTarget(StringBuilder out, Map<String, Row> rows) {
        if (rows == null) {
            return; // workload not selected
        }
        out.append("| parallel map: 2 ordered copies ≥ 1.6× one copy (2 cores) | ");
        Row two = rows.get("mimoParallel2");
        Row one = rows.get("mimoOneCopy");
        if (two == null || one == null || two.missing() != null || one.missing() != null) {
            out.append("not measured | — |\n");
            return;
        }
        double speedup = one.median() / two.median();
        out.append(fmt(speedup)).append('×');
        Row loop = rows.get("handWrittenLoop");
        Row threads = rows.get("handWrittenTwoThreads");
        if (loop != null && threads != null && loop.missing() == null && threads.missing() == null) {
            out.append(" (two hand-written threads: ")
                    .append(fmt(loop.median() / threads.median()))
                    .append("× one)");
        }
        out.append(" | ").append(speedup >= 1.6 ? "yes" : "**no**").append(" |\n");
    }

    interface Measure {
        double of(double mimo, double other);
    }

    interface Check {
        boolean ok(double v);
    }

    private static void target(
            StringBuilder out,
            String what,
            Map<String, Row> rows,
            String mimo,
            String other,
            Measure measure,
            Check check,
            String format) {
        if (rows == null) {
            return; // workload not selected
        }
        Row m = rows.get(mimo);
        Row o = other == null ? null : rows.get(other);
        out.append("| ").append(what).append(" | ");
        if (m == null || m.missing() != null || (other != null && (o == null || o.missing() != null))) {
            out.append("not measured | — |\n");
            return;
        }
        double v = measure.of(m.median(), o == null ? Double.NaN : o.median());
        out.append(String.format(Locale.ROOT, format, fmt(v)))
                .append(" | ")
                .append(check.ok(v) ? "yes" : "**no**")
                .append(" |\n");
    }

    /** Completes at every count, and the live heap at the largest count is within 25% (+2 MiB) of the smallest's. */
    private static void memoryTarget(StringBuilder out, List<Map<String, Object>> memory) {
        List<Map<String, Object>> mimo =
                memory.stream().filter(m -> "mimo".equals(m.get("contender"))).toList();
        out.append("| bounded memory: completes under -Xmx32m, live heap flat in the item count | ");
        if (mimo.isEmpty()) {
            out.append("not measured | — |\n");
            return;
        }
        boolean completed = mimo.stream().allMatch(m -> Boolean.TRUE.equals(m.get("completed")));
        if (!completed) {
            out.append("did not complete | **no** |\n");
            return;
        }
        var smallest = mimo.stream()
                .min((a, b) -> Double.compare(num(a.get("items")), num(b.get("items"))))
                .get();
        var largest = mimo.stream()
                .max((a, b) -> Double.compare(num(a.get("items")), num(b.get("items"))))
                .get();
        double small = num(smallest.get("maxLiveAfterGcBytes"));
        double large = num(largest.get("maxLiveAfterGcBytes"));
        boolean flat = large <= small * 1.25 + 2 * 1024 * 1024;
        out.append(String.format(
                        Locale.ROOT,
                        "%s at %,d items, %s at %,d",
                        mib(small),
                        (long) num(smallest.get("items")),
                        mib(large),
                        (long) num(largest.get("items"))))
                .append(" | ")
                .append(flat ? "yes" : "**no**")
                .append(" |\n");
    }

    private static Map<String, Object> find(List<Map<String, Object>> results, String benchmark) {
        for (Map<String, Object> r : results) {
            if (benchmark.equals(r.get("benchmark"))) {
                return r;
            }
        }
        return null;
    }

    private static double[] flatten(Object rawData) {
        List<Double> values = new ArrayList<>();
        if (rawData instanceof List<?> forks) {
            for (Object fork : forks) {
                if (fork instanceof List<?> iterations) {
                    for (Object v : iterations) {
                        values.add(num(v));
                    }
                }
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double unitNanos(String unit) {
        String time = unit.substring(0, unit.indexOf('/'));
        return switch (time) {
            case "ns" -> 1;
            case "us" -> 1e3;
            case "ms" -> 1e6;
            case "s" -> 1e9;
            case "min" -> 60e9;
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
    }

    static double num(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return Double.parseDouble(v);
    }

    static double num(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v == null ? Double.NaN : Double.parseDouble(v.toString());
    }

    private static String fmtInt(Object v) {
        return String.valueOf((long) num(v));
    }

    /** Three significant digits, no exponent. */
    static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        double a = Math.abs(v);
        String f = a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : a >= 0.1 ? "%.3f" : "%.4f";
        return String.format(Locale.ROOT, f, v);
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
    }

    private static String cpu() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }

    private static long memoryGiB() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return 0;
    }
}
