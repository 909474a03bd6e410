package io.mimo.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * A user's pom made of the README's pom snippets, as a user pastes them: the fenced {@code xml} blocks that follow
 * a marker line in one README section, merged into a pom with coordinates of its own.
 */
final class ReadmePom {
    /** Where snippets merge into what is there already, rather than stand beside it. */
    private static final Set<String> CONTAINERS = Set.of("build", "plugins", "dependencies");

    private ReadmePom() {}

    /**
     * The fenced blocks right after a line {@code marker}, in the README's section that starts with the line
     * {@code section} and ends at the next heading; there must be {@code count} of them.
     */
    static List<String> snippets(String readme, String section, String marker, int count, String what) {
        List<String> lines = readme.lines().toList();
        int start = lines.indexOf(section);
        assertTrue(start >= 0, "README.md has no line '" + section + "'");
        List<String> snippets = new ArrayList<>();
        for (int i = start + 1; i < lines.size() && !lines.get(i).matches("#+ .*"); i++) {
            if (!lines.get(i).equals(marker)) {
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
                count,
                snippets.size(),
                "README.md's '" + section + "' should mark " + count + " pom snippets (" + what + ") with " + marker);
        return snippets;
    }

    /**
     * A user's pom: coordinates of its own, then each snippet (a {@code <dependencies>}, {@code <build>}, ... of
     * the project) merged in: its dependencies and plugins join those already there.
     */
    static Document pom(String artifactId, List<String> snippets) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        var builder = factory.newDocumentBuilder();
        Document pom = builder.parse(new InputSource(new StringReader("""
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>demo</groupId>
                  <artifactId>%s</artifactId>
                  <version>1.0</version>
                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                  </properties>
                </project>
                """.formatted(artifactId))));
        for (String snippet : snippets) {
            Element root =
                    builder.parse(new InputSource(new StringReader(snippet))).getDocumentElement();
            merge(pom.getDocumentElement(), (Element) pom.importNode(root, true));
        }
        return pom;
    }

    /** Adds {@code element} to {@code parent}, or its children to {@code parent}'s container of its name. */
    private static void merge(Element parent, Element element) {
        List<Element> same = children(parent, element.getTagName());
        if (same.size() == 1 && CONTAINERS.contains(element.getTagName())) {
            for (Element child : children(element, null)) {
                merge(same.get(0), child);
            }
        } else {
            parent.appendChild(element);
        }
    }

    /**
     * Not part of the README: versions for the plugins the README leaves to Maven's defaults and the tests run
     * (resources, jar and surefire, through the package phase; dependency, for class paths), this build's, so that
     * the offline build finds them.
     */
    static void pinScaffoldingPlugins(Document pom) {
        Element build = child(pom.getDocumentElement(), "build");
        Element management = pom.createElement("pluginManagement");
        Element plugins = pom.createElement("plugins");
        management.appendChild(plugins);
        build.insertBefore(management, build.getFirstChild());
        for (String[] plugin : new String[][] {
            {"maven-resources-plugin", Tools.property("mimo.resourcesPluginVersion")},
            {"maven-dependency-plugin", Tools.property("mimo.dependencyPluginVersion")},
            {"maven-jar-plugin", Tools.property("mimo.jarPluginVersion")},
            {"maven-surefire-plugin", Tools.property("mimo.surefirePluginVersion")}
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

    /** The dependency {@code artifactId} of the pom's {@code section} ("dependencies", "dependencyManagement"). */
    static Element dependency(Document pom, String section, String artifactId) {
        Element project = pom.getDocumentElement();
        Element dependencies = section.equals("dependencies")
                ? child(project, section)
                : child(child(project, section), "dependencies");
        for (Element dependency : children(dependencies, "dependency")) {
            if (artifactId.equals(text(dependency, "artifactId"))) {
                return dependency;
            }
        }
        throw new AssertionError("the README's " + section + " has no " + artifactId);
    }

    /** The build plugin {@code artifactId}. */
    static Element plugin(Document pom, String artifactId) {
        for (Element plugin : children(child(child(pom.getDocumentElement(), "build"), "plugins"), "plugin")) {
            if (artifactId.equals(text(plugin, "artifactId"))) {
                return plugin;
            }
        }
        throw new AssertionError("the README's build has no " + artifactId);
    }

    /** The text of {@code parent}'s one child {@code name}. */
    static String text(Element parent, String name) {
        return child(parent, name).getTextContent().strip();
    }

    static String serialize(Node pom) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        StringWriter out = new StringWriter();
        transformer.transform(new DOMSource(pom), new StreamResult(out));
        return out.toString();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        assertEquals(1, found.size(), () -> "one <" + name + "> in <" + parent.getTagName() + ">");
        return found.get(0);
    }

    /** {@code parent}'s child elements named {@code name}, or all of them for {@code null}. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e
                    && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }
}
