package io.mimo.samples.join;

import java.util.List;

/**
 * One parsed CSV record: its fields, and the line of its file where it starts (1 is the header).
 */
public record Row(long line, List<String> fields) {
    public Row {
        fields = List.copyOf(fields);
    }

    /** The field at {@code column}. */
    public String get(int column) {
        return fields.get(column);
    }
}
