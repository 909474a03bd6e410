package io.mimo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The README's "In your project" works as written: a project whose pom is made of the README's pom snippets, with
 * a {@code @Stream} class and a main, builds with the Maven running this build (on whatever {@code java} it runs
 * on: the snippets' toolchains plugin finds a JDK 21+) against the artifacts of this build ({@link NestedMaven}),
 * and runs. The README's plugins are checked to be the versions this build uses, so they are at hand.
 */
class ReadmeProjectIT {
    /** Marks each fenced pom snippet of the README's "In your project" that this test uses. */
    static final String MARKER = "<!-- pom snippet: integration-tests/src/test/java/io/mimo/it/ReadmeProjectIT.java"
            + " builds a project from these -->";

    static final String SECTION = "### In your project";
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

    @Test
    void theReadmeSnippetsBuildAProjectThatRuns() throws Exception {
        Path project = Tools.emptyDirectory(Tools.pathProperty("mimo.work").resolve("readme"));
        Document pom = ReadmePom.pom("readme-project", snippets());
        checkVersions(pom);
        ReadmePom.pinScaffoldingPlugins(pom);
        Tools.write(project.resolve("pom.xml"), ReadmePom.serialize(pom));
        UserProject.writeSources(project.resolve("src/main/java"), "demo");

        NestedMaven.run(
                        project,
                        List.of(
                                "-Dmdep.outputFile=target/runtime-classpath.txt",
                                "-DincludeScope=runtime",
                                "compile",
                                "org.apache.maven.plugins:maven-dependency-plugin:build-classpath"))
                .succeeded();

        String classpath = project.resolve("target/classes")
                + File.pathSeparator
                + Tools.read(project.resolve("target/runtime-classpath.txt")).strip();
        String output = Tools.run(
                        project, RUN_TIMEOUT, List.of(Tools.jdkTool("java").toString(), "-cp", classpath, "demo.Main"))
                .succeeded()
                .output();
        assertEquals(UserProject.expectedOutput(false), UserProject.lines(output));
    }

    /** The three pom snippets of "In your project": dependencyManagement, dependencies, build. */
    static List<String> snippets() {
        return ReadmePom.snippets(
                Tools.read(Tools.pathProperty("mimo.readme")),
                SECTION,
                MARKER,
                3,
                "dependencyManagement, dependencies, build");
    }

    /** The README names this version of mimo, and the plugin versions this build uses (so they are at hand). */
    static void checkVersions(Document pom) {
        assertEquals(
                Tools.property("mimo.version"),
                ReadmePom.text(ReadmePom.dependency(pom, "dependencyManagement", "mimo-bom"), "version"),
                "the README's mimo-bom version");
        assertEquals(
                Tools.property("mimo.compilerPluginVersion"),
                ReadmePom.text(ReadmePom.plugin(pom, "maven-compiler-plugin"), "version"),
                "the README's maven-compiler-plugin version should be the build's");
        assertEquals(
                Tools.property("mimo.toolchainsPluginVersion"),
                ReadmePom.text(ReadmePom.plugin(pom, "maven-toolchains-plugin"), "version"),
                "the README's maven-toolchains-plugin version should be the build's");
    }
}
