package io.mimo.samples.join;

import io.mimo.Stream;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The streams of the CSV merge-join. */
public final class Join {
    private Join() {}

    /**
     * Merge-joins two inputs sorted by their key column. The first row of each input is its header.
     * Every left row meets every right row of the same key (many-to-many keys give every pair);
     * only the right rows of the current key are held, so memory stays bounded by the largest key group.
     * Keys compare as their UTF-8 bytes, that is by code point (see {@link RowBatch}).
     *
     * <p>{@code matched} rows are the key, then the left row's other columns, then the right's; a
     * column name both sides share is prefixed with its side's name in the matched header. Each
     * output is CSV text, its header first; {@code keyed}, its chunks know their lines' keys, for
     * {@link KeyPartitions.Merge}.
     */
    @Stream(
            in = {"left", "right"},
            out = {"matched", "leftOnly", "rightOnly"})
    static void mergeJoin(
            Side leftSide,
            Side rightSide,
            boolean keyed,
            Input<RowBatch> left,
            Input<RowBatch> right,
            Output<CsvChunk> matched,
            Output<CsvChunk> leftOnly,
            Output<CsvChunk> rightOnly) {
        RowBatch leftHeader = left.poll();
        RowBatch rightHeader = right.poll();
        if (leftHeader == null || rightHeader == null) {
            throw new IllegalStateException(
                    "no header row reached the join from " + (leftHeader == null ? leftSide.file() : rightSide.file()));
        }
        Row leftNames = new Row(1, leftHeader.texts(0));
        Row rightNames = new Row(1, rightHeader.texts(0));
        int lk = leftSide.keyIndex(leftNames);
        int rk = rightSide.keyIndex(rightNames);
        CsvChunks both = new CsvChunks(matched, keyed);
        CsvChunks leftAlone = new CsvChunks(leftOnly, keyed);
        CsvChunks rightAlone = new CsvChunks(rightOnly, keyed);
        both.header(matchedHeader(leftSide, leftNames, lk, rightSide, rightNames, rk));
        leftHeader.appendRow(0, leftAlone);
        leftAlone.endRow(false);
        rightHeader.appendRow(0, rightAlone);
        rightAlone.endRow(false);

        Cursor l = new Cursor(left);
        Cursor r = new Cursor(right);
        List<RowBatch> groupBatches = new ArrayList<>();
        int[] groupRows = new int[16];
        while (l.batch != null && r.batch != null) {
            int order = l.batch.compareKey(l.row, r.batch, r.row);
            if (order < 0) {
                l.batch.appendRow(l.row, leftAlone);
                leftAlone.endRow(l.batch, l.row);
                l.next();
            } else if (order > 0) {
                r.batch.appendRow(r.row, rightAlone);
                rightAlone.endRow(r.batch, r.row);
                r.next();
            } else {
                // the right rows of this key, held while every left row of the key meets each
                groupBatches.clear();
                int group = 0;
                RowBatch keyBatch = r.batch;
                int keyRow = r.row;
                while (r.batch != null && r.batch.sameKey(r.row, keyBatch, keyRow)) {
                    if (group == groupRows.length) {
                        groupRows = Arrays.copyOf(groupRows, 2 * group);
                    }
                    groupBatches.add(r.batch);
                    groupRows[group++] = r.row;
                    r.next();
                }
                while (l.batch != null && l.batch.sameKey(l.row, keyBatch, keyRow)) {
                    for (int g = 0; g < group; g++) {
                        l.batch.appendField(l.row, lk, both);
                        l.batch.appendOthers(l.row, lk, both);
                        groupBatches.get(g).appendOthers(groupRows[g], rk, both);
                        both.endRow(l.batch, l.row);
                    }
                    l.next();
                }
            }
        }
        for (; l.batch != null; l.next()) {
            l.batch.appendRow(l.row, leftAlone);
            leftAlone.endRow(l.batch, l.row);
        }
        for (; r.batch != null; r.next()) {
            r.batch.appendRow(r.row, rightAlone);
            rightAlone.endRow(r.batch, r.row);
        }
        both.flush();
        leftAlone.flush();
        rightAlone.flush();
    }

    /** A position in an input of batches: the current row, or no batch once the input has ended. */
    private static final class Cursor {
        private final Input<RowBatch> input;
        RowBatch batch;
        int row;

        Cursor(Input<RowBatch> input) {
            this.input = input;
            this.batch = input.poll();
            skipEmpty();
        }

        void next() {
            row++;
            skipEmpty();
        }

        private void skipEmpty() {
            while (batch != null && row >= batch.rows()) {
                batch = input.poll();
                row = 0;
            }
        }
    }

    private static List<String> matchedHeader(Side leftSide, Row left, int lk, Side rightSide, Row right, int rk) {
        Set<String> leftNames = new HashSet<>(left.fields());
        leftNames.remove(left.get(lk));
        Set<String> rightNames = new HashSet<>(right.fields());
        rightNames.remove(right.get(rk));
        List<String> names = new ArrayList<>();
        names.add(left.get(lk));
        for (int i = 0; i < left.fields().size(); i++) {
            if (i != lk) {
                String name = left.get(i);
                names.add(rightNames.contains(name) ? leftSide.name() + "." + name : name);
            }
        }
        for (int i = 0; i < right.fields().size(); i++) {
            if (i != rk) {
                String name = right.get(i);
                names.add(leftNames.contains(name) ? rightSide.name() + "." + name : name);
            }
        }
        return names;
    }
}
