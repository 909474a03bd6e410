package io.mimo.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.mimo.processor.validation.ErrorTag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's table of error tags, in "What errors look like", is {@link ErrorTag}: the same tags
 * in the same order, each with the same rule (the README's code spans aside).
 */
class ErrorTagsTest {
    private static final String SECTION = "## What errors look like";
    private static final String HEADER = "| tag | rule |";
    /** {@code | `UnknownPort` | every name in `in` and `out` names … |} */
    private static final Pattern ROW = Pattern.compile("\\| `(\\w+)` \\| (.+) \\|");

    @Test
    void readmeListsEveryTagInOrder() {
        List<String> listed = new ArrayList<>(readmeRules().keySet());
        List<String> tags =
                Arrays.stream(ErrorTag.values()).map(ErrorTag::tagName).toList();
        if (!listed.equals(tags)) {
            Set<String> missing = new LinkedHashSet<>(tags);
            missing.removeAll(listed);
            Set<String> extra = new LinkedHashSet<>(listed);
            extra.removeAll(tags);
            String difference = missing.isEmpty() && extra.isEmpty()
                    ? "the same tags in another order"
                    : "missing " + missing + ", extra " + extra;
            fail("README.md's table of error tags differs from ErrorTag.values(): " + difference + "\n  README:   "
                    + listed + "\n  ErrorTag: " + tags);
        }
    }

    @Test
    void readmeStatesEachTagsRuleAsErrorTagDoes() {
        Map<String, String> readme = readmeRules();
        List<String> differing = new ArrayList<>();
        for (ErrorTag tag : ErrorTag.values()) {
            String rule = readme.get(tag.tagName());
            if (rule != null && !rule.replace("`", "").equals(tag.rule())) {
                differing.add(tag.tagName() + "\n  README:   " + rule + "\n  ErrorTag: " + tag.rule());
            }
        }
        assertTrue(
                differing.isEmpty(),
                () -> "README.md states rules other than ErrorTag's (code spans aside):\n"
                        + String.join("\n", differing));
    }

    @Test
    void everyTagHasAOneLineRule() {
        for (ErrorTag tag : ErrorTag.values()) {
            assertTrue(
                    !tag.rule().isBlank()
                            && !tag.rule().contains("\n")
                            && !tag.rule().contains("|"),
                    () -> tag.tagName() + " has no one-line rule a table cell can hold: \"" + tag.rule() + "\"");
            assertEquals("[mimo/" + tag.tagName() + "]", tag.toString());
        }
    }

    /** The rows of the README's table of tags: tag to rule, in order. */
    private static Map<String, String> readmeRules() {
        List<String> lines = readme().lines().toList();
        int section = lines.indexOf(SECTION);
        assertTrue(section >= 0, () -> "README.md has no section \"" + SECTION + "\"");
        int header = lines.subList(section, lines.size()).indexOf(HEADER);
        assertTrue(header >= 0, () -> "README.md's section \"" + SECTION + "\" has no table \"" + HEADER + "\"");
        Map<String, String> rules = new LinkedHashMap<>();
        // the header, the delimiter row, then rows until the table ends
        for (String line : lines.subList(section + header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            assertTrue(
                    row.matches(), () -> "README.md's table of tags has a row that is not | `Tag` | rule |: " + line);
            assertTrue(
                    rules.put(row.group(1), row.group(2)) == null, () -> "README.md lists " + row.group(1) + " twice");
        }
        return rules;
    }

    /** The README at the repository's root: the nearest directory up from here that has it and this module. */
    private static String readme() {
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("mimo-processor"))) {
                try {
                    return Files.readString(dir.resolve("README.md"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no README.md beside mimo-processor in " + System.getProperty("user.dir")
                + " or any directory above it");
    }
}
