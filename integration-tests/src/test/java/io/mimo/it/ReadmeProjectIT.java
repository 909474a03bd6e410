package io.mimo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * The README's "In your project" works as written: a project whose pom is made of the README's pom snippets, with
 * a {@code @Stream} class and a main, builds with the Maven running this build (on whatever {@code java} it runs
 * on: the snippets' toolchains plugin finds a JDK 21+) against the artifacts of this build, and runs.
 *
 * <p>The nested build's local repository is {@code target/it-repo}, where invoker:install put this build's
 * artifacts, so the user's local repository never sees these SNAPSHOTs. Everything else (plugins, JavaPoet, ...)
 * it copies from the user's local repository, which its settings make its "central", as a file: URL; it runs
 * offline for every other protocol, so it downloads nothing. The plugins it needs are the versions this build has
 * just used, so they are there: the README's own (checked below to be this build's) and, for the scaffolding around
 * the snippets, maven-resources-plugin and maven-dependency-plugin, pinned to this build's. Its Maven runs on the
 * JDK this build's Maven runs on, as a user's would.
 */
class ReadmeProjectIT {
    /** Marks each fenced pom snippet of the README's "In your project" that this test uses. */
    static final String MARKER = "<!-- pom snippet: integration-tests/src/test/java/io/mimo/it/ReadmeProjectIT.java"
            + " builds a project from these -->";

    private static final String SECTION = "### In your project";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(1);

    @Test
    void theReadmeSnippetsBuildAProjectThatRuns() throws Exception {
        Path project = Tools.emptyDirectory(Tools.pathProperty("mimo.work").resolve("readme"));
        // an empty .mvn: Maven takes this as the project's root and does not climb to this repository's .mvn
        Files.createDirectories(project.resolve(".mvn"));

        List<String> snippets = pomSnippets(Tools.read(Tools.pathProperty("mimo.readme")));
        Document pom = pom(snippets);
        checkVersions(pom);
        pinScaffoldingPlugins(pom);
        Tools.write(project.resolve("pom.xml"), serialize(pom));
        UserProject.writeSources(project.resolve("src/main/java"), "demo");

        // "central" is the user's local repository; no checksums there, so none are checked
        Path settings = project.resolve("settings.xml");
        String repository = """
                      <id>central</id>
                      <url>%s</url>
                      <releases><checksumPolicy>ignore</checksumPolicy></releases>
                      <snapshots><enabled>false</enabled></snapshots>
                """.formatted(Tools.pathProperty("mimo.userRepo").toUri());
        Tools.write(settings, """
                <settings>
                  <profiles>
                    <profile>
                      <id>user-local-repository</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>user-local-repository</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository));

        Map<String, String> environment = new HashMap<>();
        // Maven runs on the java this build's Maven runs on (older than 21, maybe), not on the test JVM's
        environment.put("JAVA_HOME", Tools.property("mimo.mavenJavaHome"));
        environment.put("MAVEN_ARGS", null); // Maven 3.9 reads it: this build's arguments are not the user's
        environment.put("MAVEN_BASEDIR", null);
        // the same file as global settings too: a mirror in Maven's own conf/settings.xml would send "central" away
        List<String> mvn = List.of(
                Tools.mvn(),
                "--batch-mode",
                "--offline",
                "--settings",
                settings.toString(),
                "--global-settings",
                settings.toString(),
                "-Daether.offline.protocols=file",
                "-Dmaven.repo.local=" + Tools.property("mimo.itRepo"),
                "-Dmdep.outputFile=target/runtime-classpath.txt",
                "-Dmdep.includeScope=runtime",
                "compile",
                "org.apache.maven.plugins:maven-dependency-plugin:build-classpath");
        Tools.run(project, BUILD_TIMEOUT, environment, mvn).succeeded();

        String classpath = project.resolve("target/classes")
                + File.pathSeparator
                + Tools.read(project.resolve("target/runtime-classpath.txt")).strip();
        String output = Tools.run(
                        project, RUN_TIMEOUT, List.of(Tools.jdkTool("java").toString(), "-cp", classpath, "demo.Main"))
                .succeeded()
                .output();
        assertEquals(UserProject.expectedOutput(false), UserProject.lines(output));
    }

    /** The fenced blocks right after a marker line, in the README's "In your project" section. */
    static List<String> pomSnippets(String readme) {
        List<String> lines = readme.lines().toList();
        int start = lines.indexOf(SECTION);
        assertTrue(start >= 0, "README.md has no line '" + SECTION + "'");
        List<String> snippets = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).matches("#+ .*"); i++) {
            if (!lines.get(i).equals(MARKER)) {
                continue;
            }
            assertEquals(
                    "```xml", lines.get(i + 1), "README.md line " + (i + 2) + ": a marked snippet opens with ```xml");
            StringBuilder snippet = new StringBuilder();
            int j = i + 2;
            for (; j < lines.size() && !lines.get(j).equals("```"); j++) {
                snippet.append(lines.get(j)).append('\n');
            }
            assertTrue(j < lines.size(), "README.md line " + (i + 2) + ": the snippet is not closed");
            snippets.add(snippet.toString());
            i = j;
        }
        assertEquals(
                3,
                snippets.size(),
                "README.md's '" + SECTION + "' should mark three pom snippets "
                        + "(dependencyManagement, dependencies, build) with " + MARKER);
        return snippets;
    }

    /** A user's pom: coordinates of its own, then the snippets as they are. */
    private static Document pom(List<String> snippets) throws Exception {
        String text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>readme-project</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                %s</project>
                """.formatted(String.join("", snippets));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
    }

    /** The README names this version of mimo, and the plugin versions this build uses (so they are at hand). */
    private static void checkVersions(Document pom) {
        Element bom = dependency(pom, "dependencyManagement", "mimo-bom");
        assertEquals(Tools.property("mimo.version"), text(bom, "version"), "the README's mimo-bom version");
        assertEquals(
                Tools.property("mimo.compilerPluginVersion"),
                text(plugin(pom, "maven-compiler-plugin"), "version"),
                "the README's maven-compiler-plugin version should be the build's");
        assertEquals(
                Tools.property("mimo.toolchainsPluginVersion"),
                text(plugin(pom, "maven-toolchains-plugin"), "version"),
                "the README's maven-toolchains-plugin version should be the build's");
    }

    /**
     * Not part of the README: versions for the plugins the README leaves to Maven's defaults and this test runs
     * (resources, through the compile phase; dependency, for the class path), so that the offline build finds them.
     */
    private static void pinScaffoldingPlugins(Document pom) {
        Element build = child(pom.getDocumentElement(), "build");
        Element management = pom.createElement("pluginManagement");
        Element plugins = pom.createElement("plugins");
        management.appendChild(plugins);
        build.insertBefore(management, build.getFirstChild());
        for (String[] plugin : new String[][] {
            {"maven-resources-plugin", Tools.property("mimo.resourcesPluginVersion")},
            {"maven-dependency-plugin", Tools.property("mimo.dependencyPluginVersion")}
        }) {
            Element element = pom.createElement("plugin");
            for (String[] field : new String[][] {
                {"groupId", "org.apache.maven.plugins"}, {"artifactId", plugin[0]}, {"version", plugin[1]}
            }) {
                Element e = pom.createElement(field[0]);
                e.setTextContent(field[1]);
                element.appendChild(e);
            }
            plugins.appendChild(element);
        }
    }

    private static Element dependency(Document pom, String section, String artifactId) {
        Element dependencies = child(child(pom.getDocumentElement(), section), "dependencies");
        for (Element dependency : children(dependencies, "dependency")) {
            if (artifactId.equals(text(dependency, "artifactId"))) {
                return dependency;
            }
        }
        throw new AssertionError("the README's " + section + " has no " + artifactId);
    }

    private static Element plugin(Document pom, String artifactId) {
        for (Element plugin : children(child(child(pom.getDocumentElement(), "build"), "plugins"), "plugin")) {
            if (artifactId.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new AssertionError("the README's build has no " + artifactId);
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), () -> "one <" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    private static String serialize(Node pom) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(pom), new StreamResult(out));
        return out.toString();
    }
}
