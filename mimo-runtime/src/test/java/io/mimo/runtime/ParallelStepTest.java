package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.FusionTest.Collect;
import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Sink;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ordered parallel element steps ({@link Workflow#parallel}): several copies at once, and readers
 * that see exactly what one copy would give them, in the same order.
 */
@Timeout(120)
class ParallelStepTest {

    /** A flat-map with two outputs: evens go to {@code even} (once), odds to {@code odd} (twice); multiples of 7 nowhere. */
    static final class Spread extends ElementStep<Integer> {
        final OutPort<Integer> even = output("even");
        final OutPort<Integer> odd = output("odd");
        final Set<Thread> openedOn = ConcurrentHashMap.newKeySet();
        final Set<Thread> calledOn = ConcurrentHashMap.newKeySet();
        private final int failAt;

        Spread(int failAt) {
            super("spread", "in");
            this.failAt = failAt;
        }

        @Override
        protected ItemHandler<Integer> open(Context context) {
            openedOn.add(Thread.currentThread());
            Output<Integer> evens = context.output(even);
            Output<Integer> odds = context.output(odd);
            Set<Thread> mine = calledOn;
            return x -> {
                mine.add(Thread.currentThread());
                if (x == failAt) {
                    throw new IllegalStateException("bad item " + x);
                }
                if (x % 7 == 0) {
                    return;
                }
                if (x % 2 == 0) {
                    evens.push(x * 3);
                } else {
                    odds.push(x);
                    odds.push(-x);
                }
            };
        }
    }

    @Test
    void fourCopiesGiveExactlyWhatOneGivesInTheSameOrder() {
        int items = 1_000_000;
        Workflow wf = new Workflow("parallel");
        var source = wf.add(range("source", 0, items));
        Spread spread = wf.parallel(wf.add(new Spread(-1)), 4);
        Collect<Integer> evens = wf.add(new Collect<>("evens"));
        Collect<Integer> odds = wf.add(new Collect<>("odds"));
        source.out.pipe(spread.onlyInput());
        spread.even.pipe(evens.onlyInput());
        spread.odd.pipe(odds.onlyInput());

        wf.run();

        List<Integer> expectedEvens = new ArrayList<>();
        List<Integer> expectedOdds = new ArrayList<>();
        for (int x = 0; x < items; x++) {
            if (x % 7 != 0) {
                if (x % 2 == 0) {
                    expectedEvens.add(x * 3);
                } else {
                    expectedOdds.add(x);
                    expectedOdds.add(-x);
                }
            }
        }
        assertEquals(expectedEvens, evens.items);
        assertEquals(expectedOdds, odds.items);
        assertEquals(4, spread.openedOn.size(), "open once per copy, each on its own thread");
        assertEquals(spread.openedOn, spread.calledOn, "each copy's handler ran on its copy's thread");
    }

    @Test
    void aCopysFailureIsTheStepsFailure() {
        Workflow wf = new Workflow("failing");
        var source = wf.add(range("source", 0, 100_000));
        Spread spread = wf.parallel(wf.add(new Spread(54_321)), 3);
        source.out.pipe(spread.onlyInput());
        spread.even.pipe(wf.add(new Collect<Integer>("evens")).onlyInput());
        spread.odd.discard();

        WorkflowException failure = assertThrows(WorkflowException.class, wf::run);

        assertEquals("spread", failure.stream());
        assertEquals("bad item 54321", failure.getCause().getMessage());
    }

    @Test
    void whenItsReadersEndTheCopiesEndAndSoDoesTheSource() {
        Workflow wf = new Workflow("sigpipe", 8);
        var source = wf.add(range("source", 0, Integer.MAX_VALUE));
        var twice = wf.parallel(wf.add(FusionTest.map("twice", (Integer x) -> 2 * x)), 4);
        List<Integer> firstTen = new ArrayList<>();
        var reader = wf.add(new Sink<Integer>("reader", in -> {
            for (int i = 0; i < 10; i++) {
                firstTen.add(in.pop());
            }
        }));
        source.pipe(twice).pipe(reader);

        wf.run(); // ends, quietly: nobody reads what the copies would push

        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16, 18), firstTen);
    }

    @Test
    void aParallelBranchOfADiamondThatIsReadLastGrowsItsPipesAndFinishes() {
        Workflow wf = new Workflow("diamond", 4);
        var source = wf.add(range("source", 0, 10_000));
        var left = wf.parallel(wf.add(FusionTest.map("left", (Integer x) -> x + 1)), 2);
        var right = wf.add(FusionTest.map("right", (Integer x) -> x - 1));
        var join = wf.add(new Join<Integer, Integer, Long>("join", (a, b, out) -> {
            long sum = 0;
            for (int x : b) sum += x; // all of the right branch first: the left must buffer
            for (int x : a) sum += x;
            out.push(sum);
        }));
        Collect<Long> result = wf.add(new Collect<>("result"));
        source.out.pipe(left.onlyInput());
        source.out.pipe(right.onlyInput());
        left.out.pipe(join.left);
        right.out.pipe(join.right);
        join.pipe(result);

        wf.run();

        assertEquals(List.of(2L * (9_999L * 10_000L / 2)), result.items);
    }

    @Test
    void thePictureShowsTheCopies() {
        Workflow wf = new Workflow("picture");
        var source = wf.add(range("source", 0, 1));
        var twice = wf.parallel(wf.add(FusionTest.map("twice", (Integer x) -> 2 * x)), 4);
        source.pipe(twice).pipe(wf.add(new Collect<Integer>("sink")));

        assertTrue(wf.toString().contains("twice (4 copies, in order)  in: in"), wf.toString());
    }

    @Test
    void parallelRefusesWhatItCannotRun() {
        Workflow wf = new Workflow("refusals");
        Workflow other = new Workflow("other");
        var outsider = other.add(FusionTest.map("outsider", (Integer x) -> x));
        var map = wf.add(FusionTest.map("map", (Integer x) -> x));
        final class Bytes extends ElementStep<Integer> {
            final OutPort<ByteBuffer> out = byteOutput("out");

            Bytes() {
                super("bytes", "in");
            }

            @Override
            protected ItemHandler<Integer> open(Context context) {
                return x -> {};
            }
        }
        var bytes = wf.add(new Bytes());

        assertEquals(
                "cannot run step 'outsider' in parallel in workflow 'refusals': add it to this workflow first",
                assertThrows(IllegalArgumentException.class, () -> wf.parallel(outsider, 2))
                        .getMessage());
        assertEquals(
                "step 'map' cannot run as 0 copies: give 1 to 1024",
                assertThrows(IllegalArgumentException.class, () -> wf.parallel(map, 0))
                        .getMessage());
        assertEquals(
                "step 'bytes' cannot run in parallel: its output 'out' writes bytes, which have no items to deal"
                        + " and merge in order",
                assertThrows(IllegalArgumentException.class, () -> wf.parallel(bytes, 2))
                        .getMessage());
        assertSame(map, wf.parallel(map, 1));
    }
}
