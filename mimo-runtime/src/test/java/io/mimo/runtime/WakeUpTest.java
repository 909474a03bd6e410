package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.copy;
import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Wake-ups between the two sides of a pipe when the side that makes the pipe ready does nothing
 * with the pipes afterwards (no further push or take, no blocking on a pipe, no end): the waiting
 * side must go on all the same. The pipes' fast paths publish without a store-load fence, so these
 * are the cases where a missed wake-up would otherwise hang. Nothing here measures time: the
 * timeouts are generous bounds on a hang.
 */
@Timeout(60)
class WakeUpTest {

    @Test
    void aLoneItemReachesItsReaderWhileTheWriterWaitsOutsideThePipes() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Workflow wf = new Workflow("lone-item");
        var source = wf.add(new Source<Integer>("slow", out -> {
            out.push(7);
            release.await(); // neither pushes, nor blocks on a pipe, nor ends
        }));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            for (int x : in) {
                assertEquals(7, x);
                received.countDown();
            }
        }));
        source.pipe(sink);

        Execution execution = wf.start();
        try {
            assertTrue(received.await(20, TimeUnit.SECONDS), "the item never reached the waiting reader");
        } finally {
            release.countDown();
        }
        execution.await();
    }

    @Test
    void everyItemOfAWriterThatPausesAfterEachPushReachesTheWaitingReader() {
        int items = 2_000;
        Semaphore taken = new Semaphore(0);
        List<Integer> seen = new ArrayList<>();
        Workflow wf = new Workflow("push-then-pause");
        var source = wf.add(new Source<Integer>("pausing", out -> {
            for (int i = 0; i < items; i++) {
                out.push(i);
                taken.acquire(); // waits outside the pipes, for the reader that waits for this very item
            }
        }));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            for (int x : in) {
                seen.add(x);
                taken.release();
            }
        }));
        source.pipe(sink);

        wf.run();

        assertEquals(ints(0, items), seen);
    }

    @Test
    void aWriterWaitingForRoomGoesOnWhenItsReaderTakesAnItemAndPauses() {
        int items = 2_000;
        Semaphore pushed = new Semaphore(0);
        List<Integer> seen = new ArrayList<>();
        Workflow wf = new Workflow("take-then-pause", 1);
        var source = wf.add(new Source<Integer>("writer", out -> {
            for (int i = 0; i < items; i++) {
                out.push(i); // from the second on, waits for room in the pipe of one
                pushed.release();
            }
        }));
        var sink = wf.add(new Sink<Integer>("reader", in -> {
            for (int i = 0; i < items; i++) {
                seen.add(in.pop());
                if (i + 1 < items) {
                    // waits outside the pipes until the writer's next push returned: it must be
                    // woken by the room this take made
                    awaitPermits(pushed, i + 2);
                }
            }
        }));
        source.out.pipe(sink.in, 1);

        wf.run();

        assertEquals(ints(0, items), seen);
    }

    /** Waits until {@code permits} releases in all have been made, without taking them. */
    private static void awaitPermits(Semaphore semaphore, int permits) throws InterruptedException {
        semaphore.acquire(permits);
        semaphore.release(permits);
    }

    @Test
    void aTokenPassedRoundACycleIsNeverTakenForADeadlock() {
        // Two streams in a cycle and one token: at every moment one of them runs or the token is
        // in a pipe, and each waits right after it pushes, the moment a missed wake-up would leave
        // both counted blocked with the token on its way.
        int rounds = 20_000;
        int[] last = new int[1];
        Workflow wf = new Workflow("token", 1).growthLimit(1);
        Relay<Integer, Integer> starter = wf.add(new Relay<Integer, Integer>("starter", (in, out) -> {
            out.push(0);
            for (int x : in) {
                if (x == rounds) {
                    last[0] = x;
                    return;
                }
                out.push(x + 1);
            }
        }));
        Relay<Integer, Integer> echo = wf.add(copy("echo"));
        starter.pipe(echo).pipe(starter);

        wf.run();

        assertEquals(rounds, last[0]);
    }

    @Test
    void streamsThatBlockAllTheTimeNeverMakeAFalseDeadlock() {
        // Pipes of one item that may not grow: any moment where every stream is counted blocked
        // while an item is on its way would be reported as a deadlock and fail the run.
        for (int run = 0; run < 20; run++) {
            int items = 5_000;
            Workflow wf = new Workflow("churn", 1).growthLimit(1);
            var source = wf.add(range("source", 0, items));
            Relay<Integer, Integer> a = wf.add(copy("a"));
            Relay<Integer, Integer> b = wf.add(copy("b"));
            var zip = wf.add(new Join<Integer, Integer, Integer>("zip", (left, right, out) -> {
                for (int x : left) {
                    out.push(x + right.pop());
                }
            }));
            var sink = wf.add(new Sink<Integer>("sink"));
            source.pipe(a);
            source.pipe(b);
            a.out.pipe(zip.left);
            b.out.pipe(zip.right);
            zip.pipe(sink);

            wf.run();

            assertEquals(ints(0, items).stream().map(x -> 2 * x).toList(), sink.items);
        }
    }
}
