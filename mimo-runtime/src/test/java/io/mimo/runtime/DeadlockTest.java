package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.assertAllEnded;
import static io.mimo.runtime.TestSteps.copy;
import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DeadlockTest {

    /** Reads every item of its left input before any of its right input. */
    static Join<Integer, Integer, Integer> leftThenRight(String name) {
        return new Join<>(name, (left, right, out) -> {
            for (int x : left) {
                out.push(x);
            }
            for (int x : right) {
                out.push(x);
            }
        });
    }

    @Test
    void aDiamondThatBoundedPipesCannotFinishFinishesByGrowingThem() {
        int items = 10_000;
        Workflow wf = new Workflow("diamond", 16);
        var source = wf.add(range("source", 0, items));
        Relay<Integer, Integer> a = wf.add(copy("a"));
        Relay<Integer, Integer> b = wf.add(copy("b"));
        var c = wf.add(leftThenRight("c"));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(a);
        source.pipe(b);
        a.out.pipe(c.left);
        b.out.pipe(c.right);
        c.pipe(sink);

        wf.run();

        List<Integer> expected = new ArrayList<>(ints(0, items));
        expected.addAll(ints(0, items));
        assertEquals(expected, sink.items);
    }

    @Test
    void aGrownPipeIntoAMergedInputKeepsArrivalOrder() {
        int items = 500;
        Workflow wf = new Workflow("merged", 2);
        var source = wf.add(new Step("source") {
            final OutPort<String> a = output("a");
            final OutPort<String> b = output("b");
            final OutPort<String> c = output("c");

            @Override
            protected void run(Context context) {
                for (int i = 0; i < items; i++) {
                    context.output(a).push("a" + i);
                    context.output(b).push("b" + i);
                    context.output(c).push("c" + i);
                }
            }
        });
        var join = wf.add(new Join<String, String, String>("join", (left, right, out) -> {
            for (String x : left) {
                out.push(x);
            }
            for (String x : right) {
                out.push(x);
            }
        }));
        var sink = wf.add(new Sink<String>("sink"));
        source.a.pipe(join.left);
        source.b.pipe(join.right);
        source.c.pipe(join.right);
        join.pipe(sink);

        wf.run();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            expected.add("a" + i);
        }
        for (int i = 0; i < items; i++) {
            expected.add("b" + i);
            expected.add("c" + i);
        }
        assertEquals(expected, sink.items);
    }

    @Test
    void pastTheGrowthLimitAnArtificialDeadlockFailsSayingWhoWaitsOnWhat() {
        Workflow wf = new Workflow("join", 4).growthLimit(8);
        var source = wf.add(new Step("source") {
            final OutPort<Integer> left = output("left");
            final OutPort<Integer> right = output("right");

            @Override
            protected void run(Context context) {
                for (int i = 0; i < 1000; i++) {
                    context.output(left).push(i);
                    context.output(right).push(i);
                }
            }
        });
        var join = wf.add(leftThenRight("join"));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.left.pipe(join.left);
        source.right.pipe(join.right);
        join.pipe(sink);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        // The join drains its left input while the right one fills up: 4 items, then 8 once grown.
        assertEquals(
                "deadlock in workflow 'join': every running stream is blocked on a pipe: 'source' waits for room"
                        + " on 'source.right -> join.right' (full, 8 items); 'join' waits for an item on 'join.left'; 'sink'"
                        + " waits for an item on 'sink.in'. The full"
                        + " pipes cannot grow past the growth limit of 8 items: raise it with Workflow.growthLimit, or read"
                        + " the inputs in another order",
                e.getMessage());
        assertNull(e.stream());
        assertNull(e.getCause());
        assertAllEnded(join, sink);
    }

    @Test
    void aCycleOfReadersWaitingOnEachOtherFailsWithADeadlock() {
        Workflow wf = new Workflow("cycle");
        Relay<Integer, Integer> a = wf.add(copy("a"));
        Relay<Integer, Integer> b = wf.add(copy("b"));
        a.pipe(b).pipe(a);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals(
                "deadlock in workflow 'cycle': every running stream is blocked on a pipe: 'a' waits for an item"
                        + " on 'a.in'; 'b' waits for an item on 'b.in'. No pipe is full, so larger pipes would not help: the"
                        + " streams wait for items from one another",
                e.getMessage());
        assertAllEnded(a, b);
    }

    @Test
    void aDeadlockIsFoundWhenTheLastRunningStreamEnds() {
        Workflow wf = new Workflow("late");
        Relay<Integer, Integer> a = wf.add(copy("a"));
        Relay<Integer, Integer> b = wf.add(copy("b"));
        var quick = wf.add(new Source<Integer>("quick", out -> Thread.sleep(20)));
        a.pipe(b).pipe(a);
        quick.out.discard();

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertTrue(e.getMessage().startsWith("deadlock in workflow 'late'"), e.getMessage());
    }

    @Test
    void aStreamWaitingOnItsOwnOutputAloneIsADeadlock() {
        Workflow wf = new Workflow("alone");
        Relay<Integer, Integer> loop = wf.add(copy("loop"));
        loop.pipe(loop);

        WorkflowException e = assertThrows(WorkflowException.class, wf::run);

        assertEquals(
                "deadlock in workflow 'alone': every running stream is blocked on a pipe: 'loop' waits for an"
                        + " item on 'loop.in'. No pipe is full, so larger pipes would not help: the streams wait for items"
                        + " from one another",
                e.getMessage());
        assertAllEnded(loop);
    }

    @Test
    void aStreamBusyOutsideThePipesIsNoDeadlock() {
        Workflow wf = new Workflow("slow");
        var slow = wf.add(new Source<Integer>("slow", out -> {
            Thread.sleep(100);
            out.push(42);
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        slow.pipe(sink);

        wf.run();

        assertEquals(List.of(42), sink.items);
    }
}
