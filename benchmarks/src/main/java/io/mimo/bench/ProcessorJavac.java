package io.mimo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.annotation.processing.Processor;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Workload 6, the processor: javac (in process, through {@code javax.tools}) compiles
 * {@code methods} generated {@code @Stream} methods, 50 to a class, of the shapes a user writes
 * (sources, process and element style, several outputs, zips, configuration, generics) — once
 * with annotation processing off, once with the mimo processor on the processor path, as a Maven
 * build would set it. The class path holds mimo-annotations and mimo-runtime only. A compile with
 * errors fails the run, and so does a processor run that generated nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ProcessorJavac {

    static final int METHODS_PER_CLASS = 50;

    @Param("500")
    public int methods;

    private Path root;
    private Path classPath;
    private Path processorPath;
    private List<Path> sources;
    private Path out;
    private Path generated;
    private JavaCompiler javac;
    private List<String> processorNames = List.of();
    /** The processor's output for {@link #sources}, made once at set-up (empty without a processor). */
    private List<Path> pregenerated = List.of();
    /** Whether set-up runs the processor once for the diagnostic; {@link ProcessorJavacCold} must not (it would warm javac). */
    boolean pregenerate = true;

    @Setup(Level.Trial)
    public void setUp() throws IOException, ClassNotFoundException {
        javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no system Java compiler: run the benchmarks on a JDK, not a JRE");
        }
        root = Files.createTempDirectory("mimo-javac-bench");
        classPath = Files.createDirectories(root.resolve("classpath"));
        processorPath = Files.createDirectories(root.resolve("processorpath"));
        out = root.resolve("classes");
        generated = root.resolve("generated");
        sources = writeSources(Files.createDirectories(root.resolve("src")), methods);

        // What a user's build has: the annotations and the runtime on the class path...
        copyClasses(
                locationOf(io.mimo.Stream.class),
                "io/mimo/",
                List.of("io/mimo/bench/", "io/mimo/runtime/"),
                true,
                classPath);
        copyClasses(locationOf(io.mimo.runtime.Workflow.class), "io/mimo/runtime/", List.of(), false, classPath);
        // ...and the processor with its own dependencies on the processor path.
        List<String> processors = mimoProcessors();
        processorNames = processors;
        if (!processors.isEmpty()) {
            Path processorJar = locationOf(
                    Class.forName(processors.get(0), false, getClass().getClassLoader()));
            copyClasses(processorJar, "io/mimo/", List.of("io/mimo/bench/", "io/mimo/runtime/"), false, processorPath);
            copyClasses(locationOf(io.mimo.Stream.class), "io/mimo/", List.of(), true, processorPath);
            copyClasses(
                    locationOf(com.palantir.javapoet.JavaFile.class),
                    "com/palantir/javapoet/",
                    List.of(),
                    false,
                    processorPath);
            Path services = Files.createDirectories(processorPath.resolve("META-INF/services"));
            Files.writeString(
                    services.resolve("javax.annotation.processing.Processor"), String.join("\n", processors) + "\n");
        }
        if (pregenerate && !processors.isEmpty()) {
            clean();
            checkGenerated(compile(List.of("-proc:full", "-processorpath", processorPath.toString()), null));
            Path keep = root.resolve("pregenerated");
            Files.move(generated, keep);
            try (Stream<Path> files = Files.walk(keep)) {
                pregenerated = files.filter(f -> f.toString().endsWith(".java")).toList();
            }
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        deleteTree(root);
    }

    @Setup(Level.Invocation)
    public void clean() throws IOException {
        deleteTree(out);
        deleteTree(generated);
        Files.createDirectories(out);
        Files.createDirectories(generated);
    }

    @Benchmark
    public int javacWithoutProcessor() throws IOException {
        return compile(List.of("-proc:none"), null);
    }

    @Benchmark
    public int javacWithMimoProcessor() throws IOException {
        if (!Files.exists(processorPath.resolve("META-INF/services/javax.annotation.processing.Processor"))) {
            throw new IllegalStateException("mimo-processor registers no annotation processor (META-INF/services)");
        }
        return checkGenerated(compile(List.of("-proc:full", "-processorpath", processorPath.toString()), null));
    }

    /**
     * Diagnostic: the same compile with the processor's classes loaded once for the whole run, from
     * this benchmark's class path (new instances per compile), so their code stays compiled by the JIT. The difference to
     * {@link #javacWithMimoProcessor()} is what loading the processor afresh costs each build.
     */
    @Benchmark
    public int javacWithMimoProcessorLoadedOnce() throws IOException, ReflectiveOperationException {
        if (processorNames.isEmpty()) {
            throw new IllegalStateException("mimo-processor registers no annotation processor (META-INF/services)");
        }
        List<Processor> instances = new ArrayList<>();
        for (String name : processorNames) {
            instances.add((Processor) Class.forName(name, true, getClass().getClassLoader())
                    .getDeclaredConstructor()
                    .newInstance());
        }
        return checkGenerated(compile(List.of("-proc:full"), instances));
    }

    /**
     * Diagnostic: javac alone on the sources together with the processor's output (made once at
     * set-up): what compiling the generated code costs, without running the processor.
     */
    @Benchmark
    public int javacOfSourcesAndGeneratedWithoutProcessor() throws IOException {
        if (pregenerated.isEmpty()) {
            throw new IllegalStateException("mimo-processor registers no annotation processor (META-INF/services)");
        }
        List<Path> all = new ArrayList<>(sources);
        all.addAll(pregenerated);
        return compile(all, List.of("-proc:none"), null);
    }

    private int checkGenerated(int classes) throws IOException {
        long generatedSources;
        try (Stream<Path> files = Files.walk(generated)) {
            generatedSources = files.filter(f -> f.toString().endsWith(".java")).count();
        }
        if (generatedSources == 0) {
            throw new IllegalStateException("the mimo processor ran but generated no source");
        }
        return classes;
    }

    private int compile(List<String> processing, List<Processor> processors) throws IOException {
        return compile(sources, processing, processors);
    }

    private int compile(List<Path> sources, List<String> processing, List<Processor> processors) throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files =
                javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of(
                    "--release",
                    "21",
                    "-classpath",
                    classPath.toString(),
                    "-d",
                    out.toString(),
                    "-s",
                    generated.toString()));
            options.addAll(processing);
            JavaCompiler.CompilationTask task =
                    javac.getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources));
            if (processors != null) {
                task.setProcessors(processors);
            }
            boolean ok = task.call();
            if (!ok) {
                StringBuilder why = new StringBuilder("javac failed:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        why.append('\n').append(d);
                        if (why.length() > 4000) {
                            break;
                        }
                    }
                }
                throw new IllegalStateException(why.toString());
            }
        }
        try (Stream<Path> classes = Files.walk(out)) {
            return (int) classes.filter(f -> f.toString().endsWith(".class")).count();
        }
    }

    /** Writes {@code methods} annotated methods, {@value #METHODS_PER_CLASS} to a class. */
    static List<Path> writeSources(Path dir, int methods) throws IOException {
        Path pkg = Files.createDirectories(dir.resolve("bench/gen"));
        List<Path> files = new ArrayList<>();
        int classes = (methods + METHODS_PER_CLASS - 1) / METHODS_PER_CLASS;
        int m = 0;
        for (int c = 0; c < classes; c++) {
            StringBuilder s = new StringBuilder();
            s.append("package bench.gen;\n\n")
                    .append("import io.mimo.Stream;\n")
                    .append("import io.mimo.runtime.Input;\n")
                    .append("import io.mimo.runtime.Output;\n")
                    .append("import java.util.List;\n\n")
                    .append("public final class Gen")
                    .append(c)
                    .append(" {\n")
                    .append("    private Gen")
                    .append(c)
                    .append("() {}\n");
            for (int k = 0; k < METHODS_PER_CLASS && m < methods; k++, m++) {
                s.append('\n').append(method(m));
            }
            s.append("}\n");
            Path file = pkg.resolve("Gen" + c + ".java");
            Files.writeString(file, s);
            files.add(file);
        }
        return files;
    }

    private static String method(int m) {
        return switch (m % 7) {
            case 0 -> """
                        @Stream(out = "out")
                        static void range%1$d(int start, int stop, Output<Integer> out) {
                            for (int i = start; i < stop; i++) {
                                out.push(i);
                            }
                        }
                    """.formatted(m);
            case 1 -> """
                        @Stream(in = "in", out = "out")
                        static void twice%1$d(Input<Integer> in, Output<Integer> out) {
                            for (int x : in) {
                                out.push(x * 2);
                            }
                        }
                    """.formatted(m);
            case 2 -> """
                        @Stream(in = "input", out = {"even", "odd"})
                        static void fork%1$d(Input<Integer> input, Output<Integer> even, Output<Integer> odd) {
                            for (int x : input) {
                                (x %% 2 == 0 ? even : odd).push(x);
                            }
                        }
                    """.formatted(m);
            case 3 -> """
                        @Stream(in = {"multiplicand", "multiplier"}, out = "product")
                        static int multiply%1$d(int multiplicand, int multiplier) {
                            return multiplicand * multiplier;
                        }
                    """.formatted(m);
            case 4 -> """
                        @Stream(in = "value", out = "text")
                        static String label%1$d(String prefix, int value) {
                            return prefix + value;
                        }
                    """.formatted(m);
            case 5 -> """
                        @Stream(in = "value")
                        static <T> void collect%1$d(List<T> into, Input<T> value) {
                            for (T v : value) {
                                into.add(v);
                            }
                        }
                    """.formatted(m);
            default -> """
                        @Stream(in = "items", out = "count")
                        static long count%1$d(Input<String> items) {
                            long n = 0;
                            for (String s : items) {
                                n += s.isEmpty() ? 0 : 1;
                            }
                            return n;
                        }
                    """.formatted(m);
        };
    }

    /** The annotation processors mimo registers (the lines of its service file that name io.mimo classes). */
    private static List<String> mimoProcessors() throws IOException {
        List<String> found = new ArrayList<>();
        Enumeration<URL> files = ProcessorJavac.class
                .getClassLoader()
                .getResources("META-INF/services/javax.annotation.processing.Processor");
        for (URL url : Collections.list(files)) {
            try (InputStream in = url.openStream()) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    String name = line.replaceAll("#.*", "").trim();
                    if (name.startsWith("io.mimo.") && !found.contains(name)) {
                        found.add(name);
                    }
                }
            }
        }
        return found;
    }

    private static Path locationOf(Class<?> type) {
        try {
            return Path.of(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copies the class files under {@code prefix} from a jar or a class directory into {@code dest},
     * leaving out those under any of {@code excluded} (and, with {@code topLevelOnly}, those in sub-packages).
     */
    private static void copyClasses(Path from, String prefix, List<String> excluded, boolean topLevelOnly, Path dest)
            throws IOException {
        if (Files.isDirectory(from)) {
            try (Stream<Path> all = Files.walk(from)) {
                for (Path f : (Iterable<Path>) all.filter(Files::isRegularFile)::iterator) {
                    String name = from.relativize(f).toString().replace('\\', '/');
                    if (wanted(name, prefix, excluded, topLevelOnly)) {
                        Path target = dest.resolve(name);
                        Files.createDirectories(target.getParent());
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return;
        }
        try (ZipFile jar = new ZipFile(from.toFile())) {
            for (ZipEntry e : Collections.list(jar.entries())) {
                if (!e.isDirectory() && wanted(e.getName(), prefix, excluded, topLevelOnly)) {
                    Path target = dest.resolve(e.getName());
                    Files.createDirectories(target.getParent());
                    try (InputStream in = jar.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    private static boolean wanted(String name, String prefix, List<String> excluded, boolean topLevelOnly) {
        if (!name.startsWith(prefix) || !name.endsWith(".class")) {
            return false;
        }
        for (String x : excluded) {
            if (name.startsWith(x)) {
                return false;
            }
        }
        return !topLevelOnly || name.indexOf('/', prefix.length()) < 0;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
