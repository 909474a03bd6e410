package io.mimo.samples.join;

import io.mimo.runtime.Context;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import java.util.ArrayList;
import java.util.List;

/**
 * The two steps that run a merge-join as several partitions at once: {@link Split} deals the rows
 * of one sorted file to the partitions by a hash of their key, so that each partition gets every
 * row of its keys, from both files, still in key order; {@link Merge} merges what the partitions
 * write back into key order, so that the output is what one join would have written, byte for byte.
 * Steps of a number of ports chosen when the workflow is built, written against the runtime's
 * public {@link Step} API.
 */
final class KeyPartitions {
    private KeyPartitions() {}

    /** Deals the rows of its input to {@code parts} outputs by key; the header batch goes to each. */
    static final class Split extends Step {
        private final InPort<RowBatch> rows = input("rows", RowBatch.class);
        private final List<OutPort<RowBatch>> parts = new ArrayList<>();

        /** A split named {@code name} into {@code parts} partitions, outputs {@code part 1} … {@code part N}. */
        Split(String name, int parts) {
            super(name);
            for (int p = 1; p <= parts; p++) {
                this.parts.add(output("part " + p, RowBatch.class));
            }
        }

        InPort<RowBatch> rows() {
            return rows;
        }

        /** The output of partition {@code p}, from 0. */
        OutPort<RowBatch> part(int p) {
            return parts.get(p);
        }

        @Override
        protected void run(Context context) {
            Input<RowBatch> in = context.input(rows);
            List<Output<RowBatch>> out = parts.stream().map(context::output).toList();
            RowBatch header = in.poll();
            if (header == null) {
                return; // the join says which file sent no header
            }
            for (Output<RowBatch> part : out) {
                part.push(header); // read, never changed, by each partition's join
            }
            RowBatch[] filling = new RowBatch[out.size()];
            for (RowBatch batch : in) {
                for (int row = 0; row < batch.rows(); row++) {
                    int p = batch.partition(row, filling.length);
                    if (filling[p] == null || !filling[p].addCopy(batch, row)) {
                        if (filling[p] != null) {
                            out.get(p).push(filling[p]);
                        }
                        // a batch made for records of this row's size has room for it
                        filling[p] = new RowBatch(batch.columns(), batch.rowBytes(row));
                        filling[p].addCopy(batch, row);
                    }
                }
            }
            for (int p = 0; p < filling.length; p++) {
                if (filling[p] != null) {
                    out.get(p).push(filling[p]);
                }
            }
        }
    }

    /**
     * Merges the keyed chunks of {@code parts} inputs, each in key order and starting with the same
     * header line, into one output in key order: the header once, then every row.
     */
    static final class Merge extends Step {
        private final List<InPort<CsvChunk>> parts = new ArrayList<>();
        private final OutPort<CsvChunk> chunks = output("chunks", CsvChunk.class);

        /** A merge named {@code name} of {@code parts} inputs, {@code part 1} … {@code part N}. */
        Merge(String name, int parts) {
            super(name);
            for (int p = 1; p <= parts; p++) {
                this.parts.add(input("part " + p, CsvChunk.class));
            }
        }

        /** The input of partition {@code p}, from 0. */
        InPort<CsvChunk> part(int p) {
            return parts.get(p);
        }

        OutPort<CsvChunk> chunks() {
            return chunks;
        }

        @Override
        protected void run(Context context) {
            CsvChunks out = new CsvChunks(context.output(chunks));
            List<Lines> live = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                Lines lines = new Lines(context.input(parts.get(p)));
                if (lines.chunk == null) {
                    throw new IllegalStateException("partition " + (p + 1) + " of '" + name()
                            + "' sent nothing, not even its header: its join failed or was not wired");
                }
                if (p == 0) {
                    lines.chunk.appendLines(0, 1, 0, out); // the header, the same from every partition
                }
                lines.next(1);
                if (lines.chunk != null) {
                    live.add(lines);
                }
            }
            while (!live.isEmpty()) {
                // the partition whose next key comes first, and the one whose next key comes after it
                Lines first = live.get(0);
                Lines second = null;
                for (Lines lines : live.subList(1, live.size())) {
                    if (lines.compareTo(first) < 0) {
                        second = first;
                        first = lines;
                    } else if (second == null || lines.compareTo(second) < 0) {
                        second = lines;
                    }
                }
                // a key's rows all come from one partition: copy the first's lines up to the second's key
                int end = first.line + 1;
                int lines = first.chunk.lines();
                while (end < lines && (second == null || first.chunk.compareKey(end, second.chunk, second.line) < 0)) {
                    end++;
                }
                first.chunk.appendLines(first.line, end, end - first.line, out);
                first.next(end - first.line);
                if (first.chunk == null) {
                    live.remove(first);
                }
            }
            out.flush();
        }

        /** A position in a partition's chunks: the next line to merge, or no chunk once it has ended. */
        private static final class Lines {
            private final Input<CsvChunk> input;
            CsvChunk chunk;
            int line;

            Lines(Input<CsvChunk> input) {
                this.input = input;
                this.chunk = input.poll();
            }

            void next(int lines) {
                line += lines;
                while (chunk != null && line >= chunk.lines()) {
                    chunk = input.poll();
                    line = 0;
                }
            }

            /** Compares the keys of the two next lines. */
            int compareTo(Lines other) {
                return chunk.compareKey(line, other.chunk, other.line);
            }
        }
    }
}
