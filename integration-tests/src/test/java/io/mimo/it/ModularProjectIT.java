package io.mimo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A modular user project ({@code requires io.mimo.runtime; requires static io.mimo;}) compiles with the processor
 * on the processor path, runs on the module path, and jlinks into an image that runs it; and it cannot reach the
 * runtime's engine.
 */
class ModularProjectIT {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String MODULE = "demo.app";

    private final Path work = Tools.pathProperty("mimo.work").resolve("modular");
    private final String runtimeJar = Tools.property("mimo.runtimeJar");
    private final String annotationsJar = Tools.property("mimo.annotationsJar");

    @Test
    void compilesRunsOnTheModulePathAndLinksIntoAnImage() throws IOException {
        Path project = Tools.emptyDirectory(work.resolve("app"));
        Path sources = project.resolve("src");
        Tools.write(sources.resolve("module-info.java"), """
                module %s {
                    requires io.mimo.runtime;
                    requires static io.mimo;
                }
                """.formatted(MODULE));
        UserProject.writeSources(sources, MODULE);

        Path classes = project.resolve("classes");
        List<String> javac = new ArrayList<>(List.of(
                Tools.jdkTool("javac").toString(),
                "--release",
                "21",
                "-Xlint:all",
                "-Werror",
                "--module-path",
                String.join(File.pathSeparator, runtimeJar, annotationsJar),
                "--processor-path",
                Tools.property("mimo.processorPath"),
                "-s",
                project.resolve("generated").toString(),
                "-d",
                classes.toString()));
        javac.addAll(javaFiles(sources));
        Tools.run(project, TIMEOUT, javac).succeeded();
        assertTrue(
                Files.exists(classes.resolve("demo/app/NumbersStreams.class")),
                "the processor generated NumbersStreams");

        String expected = UserProject.expectedOutput(true);
        String modulePath = String.join(File.pathSeparator, classes.toString(), runtimeJar);
        String run = Tools.run(
                        project,
                        TIMEOUT,
                        List.of(
                                Tools.jdkTool("java").toString(),
                                "--module-path",
                                modulePath,
                                "-m",
                                MODULE + "/demo.app.Main"))
                .succeeded()
                .output();
        assertEquals(expected, UserProject.lines(run));

        // a JDK without jmods (JEP 493) links from its own run-time image; one with them needs them on the path
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        String linkPath = Files.isDirectory(jmods) ? modulePath + File.pathSeparator + jmods : modulePath;
        Path image = project.resolve("image");
        Tools.run(
                        project,
                        TIMEOUT,
                        List.of(
                                Tools.jdkTool("jlink").toString(),
                                "--module-path",
                                linkPath,
                                "--add-modules",
                                MODULE,
                                "--no-header-files",
                                "--no-man-pages",
                                "--output",
                                image.toString()))
                .succeeded();

        Path imageJava = image.resolve("bin").resolve(Tools.jdkTool("java").getFileName());
        String fromImage = Tools.run(project, TIMEOUT, List.of(imageJava.toString(), "-m", MODULE + "/demo.app.Main"))
                .succeeded()
                .output();
        assertEquals(expected, UserProject.lines(fromImage));

        // requires static: the annotations are not linked in; nothing but the JDK's base, its flight recorder
        // (the runtime records JFR events), mimo's runtime, the app
        String modules = Tools.run(project, TIMEOUT, List.of(imageJava.toString(), "--list-modules"))
                .succeeded()
                .output();
        assertEquals(
                List.of("demo.app", "io.mimo.runtime", "java.base", "jdk.jfr"),
                modules.lines()
                        .map(line -> line.replaceFirst("@.*", "").strip())
                        .filter(l -> !l.isEmpty())
                        .sorted()
                        .toList());
    }

    @Test
    void userCodeCannotReachTheEngine() {
        Path project = Tools.emptyDirectory(work.resolve("wall"));
        Path sources = project.resolve("src");
        Tools.write(sources.resolve("module-info.java"), "module demo.wall { requires io.mimo.runtime; }\n");
        Tools.write(sources.resolve("demo/wall/Reach.java"), """
                package demo.wall;

                import io.mimo.runtime.engine.*;

                public final class Reach {
                    private Reach() {}
                }
                """);
        List<String> javac = new ArrayList<>(List.of(
                Tools.jdkTool("javac").toString(),
                "--release",
                "21",
                "--module-path",
                runtimeJar,
                "-proc:none",
                "-d",
                project.resolve("classes").toString()));
        javac.addAll(javaFiles(sources));
        Tools.Result result = Tools.run(project, TIMEOUT, javac);
        assertNotEquals(
                0, result.exitCode(), "io.mimo.runtime.engine is visible to a user module:\n" + result.output());
        assertTrue(
                result.output().contains("package io.mimo.runtime.engine is not visible"),
                "javac failed, but not because the engine is not exported:\n" + result.output());
    }

    @Test
    void theProcessorJarNamesItsModule() throws IOException {
        try (JarFile jar = new JarFile(Tools.property("mimo.processorJar"))) {
            assertEquals(
                    "io.mimo.processor", jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
    }

    private static List<String> javaFiles(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
