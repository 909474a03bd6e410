package io.mimo.processor;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares generated sources with the expected ones under {@code src/test/resources/golden}.
 * Run the tests with {@code -Dmimo.golden.update=true} to rewrite the expected files after an
 * intended change, then review the difference like any other.
 */
final class Golden {
    private static final int CONTEXT_LINES = 3;

    private Golden() {}

    /** Fails, showing where and how, unless {@code actual} is the golden source of {@code className}. */
    static void assertMatches(String className, String actual) {
        String resource = "golden/" + className.replace('.', '/') + ".java";
        if (Boolean.getBoolean("mimo.golden.update")) {
            write(Path.of("src/test/resources", resource), actual);
            return;
        }
        String expected = read(resource);
        if (!expected.equals(actual)) {
            fail("generated " + className + " differs from " + resource + " (rerun with -Dmimo.golden.update=true"
                    + " to accept the new output)\n" + difference(expected, actual));
        }
    }

    /** The lines around the first difference, expected above actual. */
    static String difference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        int first = 0;
        while (first < want.length && first < got.length && want[first].equals(got[first])) {
            first++;
        }
        return "first difference at line " + (first + 1) + "\n--- expected\n" + excerpt(want, first) + "+++ actual\n"
                + excerpt(got, first);
    }

    private static String excerpt(String[] lines, int around) {
        StringBuilder excerpt = new StringBuilder();
        for (int i = Math.max(0, around - CONTEXT_LINES); i < Math.min(lines.length, around + CONTEXT_LINES + 1); i++) {
            excerpt.append(i == around ? "> " : "  ")
                    .append(String.format("%4d ", i + 1))
                    .append(lines[i])
                    .append('\n');
        }
        if (around >= lines.length) {
            excerpt.append(">      <end of file>\n");
        }
        return excerpt.toString();
    }

    private static String read(String resource) {
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                fail("no golden file " + resource + "; create it with -Dmimo.golden.update=true");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
