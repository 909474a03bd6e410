package io.mimo.samples.join;

/**
 * One input of the join: the file's display name (for messages and header prefixes) and its key column.
 *
 * @param file the file as the user named it, e.g. {@code data/orders.csv}
 * @param key the name of the key column
 */
public record Side(String file, String key) {

    /** The file's name without folders and extension: {@code orders}. */
    public String name() {
        String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }

    /** The index of the key column in {@code header}; fails naming the file, the column and the columns it has. */
    int keyIndex(Row header) {
        int index = header.fields().indexOf(key);
        if (index < 0) {
            throw new IllegalArgumentException(file + ": no column '" + key + "' in the header; its columns are "
                    + header.fields() + ". Pass one of them with --key.");
        }
        return index;
    }
}
