package io.mimo.bench.mainjob;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The peer the main job must beat: a merge-join of two CSV files sorted by a key column, written
 * plainly in one thread with FastCSV, as a user would write it by hand. It writes the same three
 * files as mimo's join ({@code matched.csv}: the key, the left row's other columns, the right's;
 * {@code left-only.csv}; {@code right-only.csv}) and compares keys as {@link String#compareTo} does.
 *
 * <p>{@code FastCsvJoin LEFT RIGHT KEY OUT_DIR}
 */
public final class FastCsvJoin {
    private FastCsvJoin() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: FastCsvJoin LEFT.csv RIGHT.csv KEY OUT_DIR");
            System.exit(2);
        }
        Path out = Files.createDirectories(Path.of(args[3]));
        String key = args[2];
        try (CsvReader<CsvRecord> leftReader = CsvReader.builder().ofCsvRecord(Path.of(args[0]));
                CsvReader<CsvRecord> rightReader = CsvReader.builder().ofCsvRecord(Path.of(args[1]));
                CsvWriter matched = writer(out.resolve("matched.csv"));
                CsvWriter leftOnly = writer(out.resolve("left-only.csv"));
                CsvWriter rightOnly = writer(out.resolve("right-only.csv"))) {
            CloseableIterator<CsvRecord> left = leftReader.iterator();
            CloseableIterator<CsvRecord> right = rightReader.iterator();
            List<String> leftHeader = left.next().getFields();
            List<String> rightHeader = right.next().getFields();
            int lk = keyIndex(leftHeader, key, args[0]);
            int rk = keyIndex(rightHeader, key, args[1]);
            List<String> header = new ArrayList<>();
            header.add(key);
            for (int i = 0; i < leftHeader.size(); i++) {
                if (i != lk) {
                    String name = leftHeader.get(i);
                    header.add(rightHeader.contains(name) ? "left." + name : name);
                }
            }
            for (int i = 0; i < rightHeader.size(); i++) {
                if (i != rk) {
                    String name = rightHeader.get(i);
                    header.add(leftHeader.contains(name) ? "right." + name : name);
                }
            }
            matched.writeRecord(header);
            leftOnly.writeRecord(leftHeader);
            rightOnly.writeRecord(rightHeader);

            CsvRecord l = left.hasNext() ? left.next() : null;
            CsvRecord r = right.hasNext() ? right.next() : null;
            List<CsvRecord> group = new ArrayList<>();
            List<String> row = new ArrayList<>();
            while (l != null && r != null) {
                int order = l.getField(lk).compareTo(r.getField(rk));
                if (order < 0) {
                    leftOnly.writeRecord(l.getFields());
                    l = left.hasNext() ? left.next() : null;
                } else if (order > 0) {
                    rightOnly.writeRecord(r.getFields());
                    r = right.hasNext() ? right.next() : null;
                } else {
                    String k = l.getField(lk);
                    group.clear();
                    while (r != null && r.getField(rk).equals(k)) {
                        group.add(r);
                        r = right.hasNext() ? right.next() : null;
                    }
                    while (l != null && l.getField(lk).equals(k)) {
                        for (CsvRecord g : group) {
                            row.clear();
                            row.add(k);
                            for (int i = 0; i < l.getFieldCount(); i++) {
                                if (i != lk) {
                                    row.add(l.getField(i));
                                }
                            }
                            for (int i = 0; i < g.getFieldCount(); i++) {
                                if (i != rk) {
                                    row.add(g.getField(i));
                                }
                            }
                            matched.writeRecord(row);
                        }
                        l = left.hasNext() ? left.next() : null;
                    }
                }
            }
            for (; l != null; l = left.hasNext() ? left.next() : null) {
                leftOnly.writeRecord(l.getFields());
            }
            for (; r != null; r = right.hasNext() ? right.next() : null) {
                rightOnly.writeRecord(r.getFields());
            }
        }
    }

    private static CsvWriter writer(Path file) throws IOException {
        return CsvWriter.builder().lineDelimiter(LineDelimiter.LF).build(file);
    }

    private static int keyIndex(List<String> header, String key, String file) {
        int index = header.indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": no column '" + key + "' in " + header);
        }
        return index;
    }
}
