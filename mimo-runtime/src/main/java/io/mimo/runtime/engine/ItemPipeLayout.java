package io.mimo.runtime.engine;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The fields of an {@link ItemPipe}, laid out (JCTools style) so that what the writer changes
 * for every item, what the reader changes for every item, and what both only read lie on distinct cache lines: a field
 * written by one core on a line the other core reads makes that line bounce for every item (false
 * sharing). HotSpot lays a superclass's fields out before its subclass's, and a class's own fields in
 * an order of its choosing, so the order is forced by a chain of classes, each padding with 16 longs
 * (128 bytes: a cache line and the neighbour the adjacent-line prefetcher pulls in with it). The
 * classes are nested in this one so that each file holds one top-level class.
 *
 * <h2>Memory ordering, in the accessors' names</h2>
 * The two indices are each written by one side and read by both, and how each access is ordered
 * is the whole of the pipe's correctness, so each access names its order, JCTools style: {@code lv}
 * loads with volatile semantics, {@code la} loads with acquire, {@code sr} stores with release,
 * {@code sv} stores with volatile semantics; a plain field access is the owner's own read or a
 * write under the scheduler's lock. Each call site says in one comment why it needs its order.
 */
final class ItemPipeLayout {
    private ItemPipeLayout() {}

    /** Read by both sides, changed only by {@link ItemPipe#grow} while both are counted blocked (see {@link Pipe#grow}). */
    abstract static class ColdFields extends Pipe {
        Object[] buffer;
        long[] stamps;
        int mask;
        int capacity;
        /** Shared by the pipes of one fan-in input; {@code null} when the input has this pipe only. */
        final AtomicLong sequence;

        ColdFields(RunningStream writer, RunningStream reader, String name, int growthLimit, AtomicLong sequence) {
            super(writer, reader, name, growthLimit);
            this.sequence = sequence;
        }
    }

    abstract static class Pad0 extends ColdFields {
        long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p0a, p0b, p0c, p0d, p0e, p0f;

        Pad0(RunningStream writer, RunningStream reader, String name, int growthLimit, AtomicLong sequence) {
            super(writer, reader, name, growthLimit, sequence);
        }
    }

    /** The writer's: written by it for every item; the reader reads {@code producerIndex} when its cache runs out. */
    abstract static class ProducerFields extends Pad0 {
        long producerIndex;
        /** Writer-only cache: the writer may write below this index without looking at the reader. */
        long producerLimit;

        ProducerFields(RunningStream writer, RunningStream reader, String name, int growthLimit, AtomicLong sequence) {
            super(writer, reader, name, growthLimit, sequence);
        }
    }

    abstract static class Pad1 extends ProducerFields {
        long p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p1a, p1b, p1c, p1d, p1e, p1f;

        Pad1(RunningStream writer, RunningStream reader, String name, int growthLimit, AtomicLong sequence) {
            super(writer, reader, name, growthLimit, sequence);
        }
    }

    /** The reader's: written by it for every item; the writer reads {@code consumerIndex} when its cache runs out. */
    abstract static class ConsumerFields extends Pad1 {
        long consumerIndex;
        /** Reader-only cache: the reader may read below this index without looking at the writer. */
        long producedSeen;

        ConsumerFields(RunningStream writer, RunningStream reader, String name, int growthLimit, AtomicLong sequence) {
            super(writer, reader, name, growthLimit, sequence);
        }
    }

    abstract static class Pad2 extends ConsumerFields {
        long p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p2a, p2b, p2c, p2d, p2e, p2f;

        Pad2(RunningStream writer, RunningStream reader, String name, int growthLimit, AtomicLong sequence) {
            super(writer, reader, name, growthLimit, sequence);
        }
    }
}
