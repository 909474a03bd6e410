package io.mimo.bench.mainjob;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The main job's input: two CSV files sorted by their key column {@code id}, made from a seed, so
 * every run and every machine joins the same bytes.
 *
 * <p>At scale 1.0, {@code customers.csv} has 1.0 M rows (about 78 MB) and {@code orders.csv} about
 * 5.05 M rows (about 284 MB). Keys are {@code C} and eight digits, so their string order is their
 * number order. About 2 % of the customer keys appear twice (many-to-many: each of those customers
 * meets every order of the key), about 10 % have no order (left-only), and about 3 % of the keys
 * have orders and no customer (right-only). A free-text column is quoted in about a fifth of the
 * rows, where it holds commas, and now and then a doubled quote; some names and cities are
 * non-ASCII UTF-8. There are no empty and no malformed fields, so every contender reads the files
 * the same way.
 */
public final class JoinFiles {
    private static final String[] FIRST = {
        "Ann", "Bob", "Chloé", "Dmitri", "Eve", "Farah", "Günter", "Hana", "Ivan", "Jürgen", "Kai", "Lena", "Mateo",
        "Nora", "Oskar", "Priya", "Quinn", "Rosa", "Søren", "Tariq", "Uma", "Viktor", "Wen", "Xavier", "Yara", "Zoë"
    };
    private static final String[] LAST = {
        "Smith",
        "Müller",
        "Rossi",
        "Nakamura",
        "García",
        "Novak",
        "Okafor",
        "Larsen",
        "Kowalski",
        "Dubois",
        "Silva",
        "Ivanova",
        "Chen",
        "Haddad",
        "O'Brien",
        "Van Dijk"
    };
    private static final String[] CITY = {
        "Oslo",
        "Zürich",
        "São Paulo",
        "Kyoto",
        "Lagos",
        "Lima",
        "Kraków",
        "Montréal",
        "Austin",
        "Reykjavík",
        "Pune",
        "Tallinn",
        "Porto",
        "Graz",
        "Cork",
        "Busan"
    };
    private static final String[] NOTE = {
        "prefers email",
        "call after 5pm",
        "VIP",
        "pays late",
        "new",
        "referred by a friend",
        "wholesale",
        "no marketing"
    };
    private static final String[] QUOTED_NOTE = {
        "\"prefers email, not phone\"",
        "\"ships to office, not home\"",
        "\"said \"\"call me\"\", twice\"",
        "\"net 30, invoice monthly\"",
        "\"gift wrap, no receipt\""
    };
    private static final String[] STATUS = {"shipped", "paid", "open", "returned", "cancelled"};
    private static final String[] ORDER_NOTE = {
        "express", "standard", "pickup", "\"gift, wrapped\"", "\"leave at door, ring twice\"", "backorder"
    };

    private JoinFiles() {}

    /** The two files' paths in {@code dir}. */
    record Files2(Path customers, Path orders) {}

    /**
     * Writes {@code customers.csv} and {@code orders.csv} into {@code dir} at {@code scale} (1.0: 1.0 M
     * customers), unless files made from the same scale and seed are there already.
     */
    public static Files2 make(Path dir, double scale, long seed) throws IOException {
        Files.createDirectories(dir);
        Path customers = dir.resolve("customers.csv");
        Path orders = dir.resolve("orders.csv");
        Path stamp = dir.resolve("made-with");
        String made = "scale " + scale + " seed " + seed + "\n";
        if (Files.exists(stamp)
                && Files.readString(stamp).equals(made)
                && Files.exists(customers)
                && Files.exists(orders)) {
            return new Files2(customers, orders);
        }
        Files.deleteIfExists(stamp);
        long customerRows = Math.max(1, Math.round(1_000_000 * scale));
        SplittableRandom random = new SplittableRandom(seed);
        try (OutputStream c = new BufferedOutputStream(Files.newOutputStream(customers), 1 << 16);
                OutputStream o = new BufferedOutputStream(Files.newOutputStream(orders), 1 << 16)) {
            write(c, "id,name,email,city,joined,note\n");
            write(o, "id,order_id,amount,ordered,status,delivery\n");
            StringBuilder line = new StringBuilder(128);
            long written = 0;
            long orderId = 0;
            for (long k = 0; written < customerRows; k++) {
                String id = String.format("C%08d", k);
                int kind = random.nextInt(100);
                int people = kind < 3 ? 0 : kind < 5 ? 2 : 1;
                for (int p = 0; p < people && written < customerRows; p++, written++) {
                    line.setLength(0);
                    String first = pick(random, FIRST);
                    String last = pick(random, LAST);
                    line.append(id)
                            .append(',')
                            .append(first)
                            .append(' ')
                            .append(last)
                            .append(',');
                    line.append(first.toLowerCase(java.util.Locale.ROOT).charAt(0))
                            .append(k % 9973)
                            .append("@mail.example.com,");
                    line.append(pick(random, CITY)).append(',');
                    date(line, random, 2015);
                    line.append(',');
                    line.append(random.nextInt(5) == 0 ? pick(random, QUOTED_NOTE) : pick(random, NOTE));
                    line.append('\n');
                    write(c, line);
                }
                int count = people == 0 ? 1 + random.nextInt(9) : random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(10);
                for (int i = 0; i < count; i++) {
                    line.setLength(0);
                    line.append(id)
                            .append(',')
                            .append(String.format("O%09d", orderId++))
                            .append(',');
                    line.append(1 + random.nextInt(999)).append('.');
                    int cents = random.nextInt(100);
                    line.append(cents < 10 ? "0" : "").append(cents).append(',');
                    date(line, random, 2022);
                    line.append(',').append(pick(random, STATUS)).append(',');
                    line.append(pick(random, ORDER_NOTE)).append('\n');
                    write(o, line);
                }
            }
        }
        Files.writeString(stamp, made);
        return new Files2(customers, orders);
    }

    private static void date(StringBuilder line, SplittableRandom random, int from) {
        int month = 1 + random.nextInt(12);
        int day = 1 + random.nextInt(28);
        line.append(from + random.nextInt(4))
                .append(month < 10 ? "-0" : "-")
                .append(month)
                .append(day < 10 ? "-0" : "-")
                .append(day);
    }

    private static String pick(SplittableRandom random, String[] from) {
        return from[random.nextInt(from.length)];
    }

    private static void write(OutputStream out, CharSequence text) throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** {@code JoinFiles DIR [SCALE [SEED]]}: writes the two files, prints their paths and sizes. */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JoinFiles DIR [SCALE [SEED]]");
            System.exit(2);
        }
        Files2 files = make(
                Path.of(args[0]),
                args.length > 1 ? Double.parseDouble(args[1]) : 1.0,
                args.length > 2 ? Long.parseLong(args[2]) : MainJob.SEED);
        for (Path p : new Path[] {files.customers(), files.orders()}) {
            System.out.printf("%s %d bytes%n", p, Files.size(p));
        }
    }
}
