package io.mimo.bench.mainjob;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * DuckDB as a user would reach for it: both files loaded with {@code read_csv} (every column as
 * text, RFC 4180 quoting), then the three outputs written with {@code COPY}: the inner join, the left
 * rows without a match and the right rows without one. DuckDB picks its own thread count (every
 * core) and writes rows in an order of its own, so the driver compares outputs as multisets.
 *
 * <p>{@code DuckDbJoin LEFT RIGHT KEY OUT_DIR}
 */
public final class DuckDbJoin {
    private DuckDbJoin() {}

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length != 4) {
            System.err.println("usage: DuckDbJoin LEFT.csv RIGHT.csv KEY OUT_DIR");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[3]));
        String key = args[2];
        List<String> leftColumns = header(Path.of(args[0]));
        List<String> rightColumns = header(Path.of(args[1]));
        List<String> select = new ArrayList<>();
        select.add("l." + id(key));
        for (String c : leftColumns) {
            if (!c.equals(key)) {
                select.add("l." + id(c) + (rightColumns.contains(c) ? " AS " + id("left." + c) : ""));
            }
        }
        for (String c : rightColumns) {
            if (!c.equals(key)) {
                select.add("r." + id(c) + (leftColumns.contains(c) ? " AS " + id("right." + c) : ""));
            }
        }
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
                Statement sql = db.createStatement()) {
            sql.execute("CREATE TABLE l AS SELECT * FROM " + readCsv(args[0]));
            sql.execute("CREATE TABLE r AS SELECT * FROM " + readCsv(args[1]));
            String on = " ON l." + id(key) + " = r." + id(key);
            sql.execute("COPY (SELECT " + String.join(", ", select) + " FROM l JOIN r" + on + ") TO "
                    + literal(out.resolve("matched.csv")) + " (HEADER, DELIMITER ',')");
            sql.execute("COPY (SELECT l.* FROM l ANTI JOIN r" + on + ") TO " + literal(out.resolve("left-only.csv"))
                    + " (HEADER, DELIMITER ',')");
            sql.execute("COPY (SELECT r.* FROM r ANTI JOIN l" + on + ") TO " + literal(out.resolve("right-only.csv"))
                    + " (HEADER, DELIMITER ',')");
        }
    }

    private static String readCsv(String file) {
        return "read_csv(" + literal(Path.of(file))
                + ", header = true, all_varchar = true, delim = ',', quote = '\"', escape = '\"')";
    }

    /** The header's column names (the generated files quote none of them). */
    private static List<String> header(Path file) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (line == null) {
                throw new IOException(file + " is empty: expected a header row");
            }
            return Arrays.asList(line.split(",", -1));
        }
    }

    private static String id(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
