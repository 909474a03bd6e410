package io.mimo.samples.join;

import io.mimo.Stream;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The streams of the CSV merge-join. */
public final class Join {
    private Join() {}

    /**
     * Merge-joins two inputs sorted by their key column. The first item of each input is its header.
     * Every left row meets every right row of the same key (many-to-many keys give every pair);
     * only the right rows of the current key are held, so memory stays bounded by the largest key group.
     *
     * <p>{@code matched} rows are the key, then the left row's other columns, then the right's; a
     * column name both sides share is prefixed with its side's name in the matched header.
     */
    @Stream(
            in = {"left", "right"},
            out = {"matched", "leftOnly", "rightOnly"})
    static void mergeJoin(
            Side leftSide,
            Side rightSide,
            Input<Row> left,
            Input<Row> right,
            Output<Row> matched,
            Output<Row> leftOnly,
            Output<Row> rightOnly) {
        Row leftHeader = left.poll();
        Row rightHeader = right.poll();
        if (leftHeader == null || rightHeader == null) {
            throw new IllegalStateException(
                    "no header row reached the join from " + (leftHeader == null ? leftSide.file() : rightSide.file()));
        }
        int lk = leftSide.keyIndex(leftHeader);
        int rk = rightSide.keyIndex(rightHeader);
        matched.push(new Row(1, matchedHeader(leftSide, leftHeader, lk, rightSide, rightHeader, rk)));
        leftOnly.push(leftHeader);
        rightOnly.push(rightHeader);

        Row l = left.poll();
        Row r = right.poll();
        List<Row> group = new ArrayList<>();
        while (l != null && r != null) {
            int order = l.get(lk).compareTo(r.get(rk));
            if (order < 0) {
                leftOnly.push(l);
                l = left.poll();
            } else if (order > 0) {
                rightOnly.push(r);
                r = right.poll();
            } else {
                String key = l.get(lk);
                group.clear();
                while (r != null && r.get(rk).equals(key)) {
                    group.add(r);
                    r = right.poll();
                }
                while (l != null && l.get(lk).equals(key)) {
                    for (Row g : group) {
                        matched.push(new Row(l.line(), combine(l, lk, g, rk)));
                    }
                    l = left.poll();
                }
            }
        }
        for (; l != null; l = left.poll()) {
            leftOnly.push(l);
        }
        for (; r != null; r = right.poll()) {
            rightOnly.push(r);
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

    private static List<String> combine(Row left, int lk, Row right, int rk) {
        List<String> fields =
                new ArrayList<>(left.fields().size() + right.fields().size() - 1);
        fields.add(left.get(lk));
        for (int i = 0; i < left.fields().size(); i++) {
            if (i != lk) {
                fields.add(left.get(i));
            }
        }
        for (int i = 0; i < right.fields().size(); i++) {
            if (i != rk) {
                fields.add(right.get(i));
            }
        }
        return fields;
    }
}
