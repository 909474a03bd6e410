package io.mimo.samples.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.samples.Samples;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class CsvJoinTest {
    @TempDir
    Path dir;

    /** What one run printed and returned. */
    record Result(int status, String out, String err) {}

    private Result join(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status;
        try (var o = new PrintStream(out, true, StandardCharsets.UTF_8);
                var e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = CsvJoin.run(Samples.Look.parse(List.of(args)), o, e, (options, printTo) -> {
                throw new AssertionError("--runner flink was not asked for");
            });
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private String output(String name) throws IOException {
        return Files.readString(dir.resolve("out").resolve(name), StandardCharsets.UTF_8);
    }

    private Result joinFiles(String left, String right, String key, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                file("left.csv", left).toString(),
                file("right.csv", right).toString(),
                "--key",
                key,
                "--out",
                dir.resolve("out").toString()));
        args.addAll(List.of(more));
        return join(args.toArray(String[]::new));
    }

    @Test
    void matchedRowsCarryTheKeyThenLeftThenRightColumns() throws IOException {
        Result r = joinFiles(
                "id,name\n1,ann\n2,bob\n4,dan\n", "id,city,zip\n2,Oslo,0150\n3,Rome,00100\n4,Kyoto,600\n", "id");
        assertEquals(0, r.status(), r.err());
        assertEquals("id,name,city,zip\n2,bob,Oslo,0150\n4,dan,Kyoto,600\n", output("matched.csv"));
        assertEquals("id,name\n1,ann\n", output("left-only.csv"));
        assertEquals("id,city,zip\n3,Rome,00100\n", output("right-only.csv"));
        assertEquals("file,line,reason,raw\n", output("rejected.csv"));
        assertTrue(r.out().contains("matched") && r.out().contains(" 2 "), r.out());
    }

    @Test
    void manyToManyKeysGiveEveryPair() throws IOException {
        Result r = joinFiles("k,l\na,1\na,2\nb,3\n", "k,r\na,x\na,y\na,z\nb,w\n", "k");
        assertEquals(0, r.status(), r.err());
        assertEquals("k,l,r\na,1,x\na,1,y\na,1,z\na,2,x\na,2,y\na,2,z\nb,3,w\n", output("matched.csv"));
    }

    @Test
    void quotedFieldsSurviveTheJoinAndAreQuotedAgainOnOutput() throws IOException {
        Result r = joinFiles(
                "id,name\r\n1,\"Smith, Jane\"\r\n2,\"say \"\"hi\"\"\"\r\n",
                "id,note\n1,\"two\nlines\"\n2,plain\n",
                "id");
        assertEquals(0, r.status(), r.err());
        assertEquals(
                "id,name,note\n1,\"Smith, Jane\",\"two\nlines\"\n2,\"say \"\"hi\"\"\",plain\n", output("matched.csv"));
    }

    @Test
    void aColumnNameBothFilesHaveIsPrefixedWithItsFileName() throws IOException {
        Result r = joinFiles("id,name\n1,a\n", "id,name\n1,b\n", "id");
        assertEquals(0, r.status(), r.err());
        assertEquals("id,left.name,right.name\n1,a,b\n", output("matched.csv"));
    }

    @Test
    void malformedRowsGoToRejectedWithFileLineReasonAndRawText() throws IOException {
        Result r = joinFiles("id,name\n1,ok\n2,too,many\n3,\"bad\"x\n4,fine\n", "id,v\n1,a\n4,b\n", "id");
        assertEquals(0, r.status(), r.err());
        String left = dir.resolve("left.csv").toString();
        assertEquals(
                "file,line,reason,raw\n"
                        + left + ",3,\"expected 2 fields as in the header, found 3\",\"2,too,many\"\n"
                        + left + ",4,unexpected text after a closing quote at byte 8,\"3,\"\"bad\"\"x\"\n",
                output("rejected.csv"));
        assertEquals("id,name,v\n1,ok,a\n4,fine,b\n", output("matched.csv"));
    }

    @Test
    void theRightFilesRejectedRowsFollowTheLeftsAndLeaveNoSpoolFileBehind() throws IOException {
        Result r = joinFiles("id,name\n1,ok\n2,too,many\n", "id,v\n1,a\n1,b,c\n3,\"x\"y\n4,\"two\nlines\",z\n", "id");
        assertEquals(0, r.status(), r.err());
        String left = dir.resolve("left.csv").toString();
        String right = dir.resolve("right.csv").toString();
        assertEquals(
                "file,line,reason,raw\n"
                        + left + ",3,\"expected 2 fields as in the header, found 3\",\"2,too,many\"\n"
                        + right + ",3,\"expected 2 fields as in the header, found 3\",\"1,b,c\"\n"
                        + right + ",4,unexpected text after a closing quote at byte 6,\"3,\"\"x\"\"y\"\n"
                        + right + ",5,\"expected 2 fields as in the header, found 3\",\"4,\"\"two\nlines\"\",z\"\n",
                output("rejected.csv"));
        assertEquals(List.of("left-only.csv", "matched.csv", "rejected.csv", "right-only.csv"), outputFolder());
    }

    @Test
    void aJoinThatFailsLeavesNothingOfItsSpoolBehind() throws IOException {
        String right = "id,v\n1,a\n1,b,c\n2,\"x\"y\n"; // rejected rows for the spool to hold
        Path out = dir.resolve("out");
        for (int round = 0; round < 20; round++) {
            // the left file out of order: the run stops while the spool may hold the right file's rows
            Result unsorted = joinFiles("id,name\n1,a\n3,c\n2,b\n", right, "id");
            assertEquals(1, unsorted.status(), unsorted.err());
            assertFalse(outputFolder().contains("rejected.csv.right"), "round " + round + ": " + outputFolder());
            // a folder named rejected.csv: writing it fails at once, while the spool takes its rows
            Files.deleteIfExists(out.resolve("rejected.csv"));
            Files.createDirectories(out.resolve("rejected.csv"));
            Result unwritable = joinFiles("id,name\n1,a\n", right, "id");
            assertEquals(1, unwritable.status(), unwritable.err());
            assertFalse(outputFolder().contains("rejected.csv.right"), "round " + round + ": " + outputFolder());
            Files.delete(out.resolve("rejected.csv"));
        }
    }

    /** The names in the output folder, sorted (none if a failed run did not make it). */
    private List<String> outputFolder() throws IOException {
        if (!Files.exists(dir.resolve("out"))) {
            return List.of();
        }
        try (var files = Files.list(dir.resolve("out"))) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aHeaderOnlyFileJoinsAsAnEmptyTable() throws IOException {
        Result r = joinFiles("id,name\n", "id,v\n1,a\n2,b\n", "id");
        assertEquals(0, r.status(), r.err());
        assertEquals("id,name,v\n", output("matched.csv"));
        assertEquals("id,v\n1,a\n2,b\n", output("right-only.csv"));
    }

    @Test
    void anEmptyFileStopsTheJobNamingIt() throws IOException {
        Result r = joinFiles("", "id,v\n1,a\n", "id");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("left.csv is empty: expected a header row naming its columns"), r.err());
    }

    @Test
    void aMissingKeyColumnNamesTheFileAndItsColumns() throws IOException {
        Result r = joinFiles("id,name\n1,a\n", "ident,v\n1,a\n", "id");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("right.csv: no column 'id' in the header; its columns are [ident, v]"), r.err());
    }

    @Test
    void anUnsortedFileStopsTheJobNamingTheFileAndLine() throws IOException {
        Result r = joinFiles("id,name\n1,a\n3,c\n2,b\n", "id,v\n1,a\n", "id");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("left.csv line 4: key '2' comes after '3'"), r.err());
    }

    @Test
    void keysAreInCodePointOrderNotJavaStringOrder() throws IOException {
        // U+FB01 sorts before U+1F600 by code point (and UTF-8 bytes), after it as a Java String
        Result r = joinFiles("id,l\n\uFB01,a\n😀,b\n", "id,r\n\uFB01,x\n😀,y\n", "id");
        assertEquals(0, r.status(), r.err());
        assertEquals("id,l,r\n\uFB01,a,x\n😀,b,y\n", output("matched.csv"));

        Result reversed = joinFiles("id,l\n😀,b\n\uFB01,a\n", "id,r\n", "id");
        assertEquals(1, reversed.status());
        assertTrue(reversed.err().contains("left.csv line 3: key '\uFB01' comes after '😀'"), reversed.err());
    }

    @Test
    void badArgumentsSayWhatIsWrongWithExitStatus2() {
        assertEquals(2, join("only-one.csv").status());
        assertTrue(join("a.csv", "b.csv", "--out", "x").err().contains("missing --key COLUMN"));
        assertTrue(join("nope-left.csv", "nope-right.csv", "--key", "k", "--out", "x")
                .err()
                .contains("cannot read 'nope-left.csv'"));
        assertTrue(join("a.csv", "b.csv", "--key", "k", "--out", "x", "--view-size", "0")
                .err()
                .contains("--view-size takes a positive whole number"));
        assertTrue(join("a.csv", "b.csv", "--frobnicate").err().contains("unknown option --frobnicate"));
    }

    @Test
    void theEmbeddedDataJoinsLikeANaiveInMemoryJoinWhateverTheViewSize() throws IOException {
        List<List<String>> customers = readAll("customers.csv");
        List<List<String>> orders = readAll("orders.csv");
        List<String> expected = naiveMatches(customers, orders);
        for (int viewSize : new int[] {7, 4096, 1 << 20}) {
            Path out = dir.resolve("embedded-" + viewSize);
            Path left = copyResource("customers.csv");
            Path right = copyResource("orders.csv");
            Result r = join(
                    left.toString(),
                    right.toString(),
                    "--key",
                    "customer_id",
                    "--out",
                    out.toString(),
                    "--view-size",
                    Integer.toString(viewSize));
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().contains("parse customers: rows                          2727"), r.out());
            List<List<String>> matched = parse(Files.readString(out.resolve("matched.csv"), StandardCharsets.UTF_8));
            assertEquals(
                    List.of("customer_id", "name", "city", "joined", "order_id", "amount", "note"), matched.get(0));
            assertEquals(
                    expected,
                    matched.subList(1, matched.size()).stream()
                            .map(row -> String.join("|", row))
                            .toList(),
                    "view size " + viewSize);
            assertEquals(
                    1 + 3,
                    parse(Files.readString(out.resolve("rejected.csv"), StandardCharsets.UTF_8))
                            .size(),
                    "the header, two bad customers and one bad order");
        }
    }

    @Test
    void theReadmeCountsTheEmbeddedRecordsAsTheJoinDoes() throws IOException {
        Path readme = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (!Files.exists(readme.resolve("README.md")) || !Files.isDirectory(readme.resolve("samples"))) {
            readme = readme.getParent();
            assertTrue(readme != null, "no README.md above " + System.getProperty("user.dir"));
        }
        java.util.regex.Matcher claim = java.util.regex.Pattern.compile("([0-9,]+) customers and ([0-9,]+) orders")
                .matcher(Files.readString(readme.resolve("README.md"), StandardCharsets.UTF_8));
        assertTrue(claim.find(), "the README says how many customers and orders the embedded data has");

        Result r = join(
                copyResource("customers.csv").toString(),
                copyResource("orders.csv").toString(),
                "--key",
                "customer_id",
                "--out",
                dir.resolve("counted").toString());

        assertEquals(0, r.status(), r.err());
        assertEquals(Integer.parseInt(claim.group(1).replace(",", "")), records(r.out(), "customers"), r.out());
        assertEquals(Integer.parseInt(claim.group(2).replace(",", "")), records(r.out(), "orders"), r.out());
    }

    /** Rows plus rejected rows of {@code file}, as the join's summary prints them. */
    private static int records(String summary, String file) {
        int records = 0;
        for (String line : summary.lines().map(String::strip).toList()) {
            if (line.startsWith("parse " + file + ": rows ") || line.startsWith("parse " + file + ": rejected ")) {
                records += Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return records;
    }

    private Path copyResource(String name) throws IOException {
        Path target = dir.resolve(name);
        if (!Files.exists(target)) {
            try (InputStream in = CsvJoin.class.getResourceAsStream(name)) {
                Files.copy(in, target);
            }
        }
        return target;
    }

    /** Records, parsed by a plain in-memory reader independent of the streaming one; malformed rows dropped. */
    private List<List<String>> readAll(String resource) throws IOException {
        return parse(Files.readString(copyResource(resource), StandardCharsets.UTF_8));
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean bad = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                    if (i + 1 < text.length() && ",\r\n".indexOf(text.charAt(i + 1)) < 0) {
                        bad = true;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                if (field.length() > 0) {
                    bad = true; // a stray quote in a plain field: data, and the row is malformed
                    field.append(c);
                } else {
                    quoted = true;
                }
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                row.add(field.toString());
                field.setLength(0);
                if (!bad && (rows.isEmpty() || row.size() == rows.get(0).size())) {
                    rows.add(row);
                }
                row = new ArrayList<>();
                bad = false;
            } else if (c != '\r') {
                field.append(c);
            }
        }
        return rows;
    }

    private static List<String> naiveMatches(List<List<String>> left, List<List<String>> right) {
        Map<String, List<List<String>>> byKey = new TreeMap<>();
        for (List<String> r : right.subList(1, right.size())) {
            byKey.computeIfAbsent(r.get(0), k -> new ArrayList<>()).add(r);
        }
        List<String> out = new ArrayList<>();
        for (List<String> l : left.subList(1, left.size())) {
            for (List<String> r : byKey.getOrDefault(l.get(0), List.of())) {
                out.add(String.join("|", l) + "|" + String.join("|", r.subList(1, r.size())));
            }
        }
        return out;
    }
}
