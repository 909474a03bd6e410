package io.mimo.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.Context;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import io.mimo.runtime.Workflow;
import java.lang.reflect.Field;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * An item pipe's fast path may miss the other side's wait (no store-load fence between publishing
 * an index and reading the wait; see {@link ItemPipe}). These tests make that miss happen for
 * sure, by publishing with {@link ItemPipe#offer}/{@link ItemPipe#pollQuietly} (which wake nobody) once
 * the other side is counted blocked, and check that the run goes on all the same: never a false
 * deadlock, never a stream left waiting for what is there. The timeouts only bound a hang.
 */
@Timeout(60)
class MissedWakeUpTest {

    /** Sends one item to {@code reader}, then waits for its answer on {@code back}. */
    static final class Asker extends Step {
        final InPort<Integer> back = input("back");
        final OutPort<Integer> out = output("out");
        final AtomicReference<Thread> reader = new AtomicReference<>();
        volatile Integer answer;

        Asker() {
            super("asker");
        }

        @Override
        protected void run(Context context) throws Exception {
            Output<Integer> output = context.output(out);
            Input<Integer> input = context.input(back);
            awaitCountedBlocked(reader);
            // Published, but nobody woken: as if push had missed the reader's wait.
            assertTrue(pipeOf(output).offer(42));
            answer = input.pop(); // every stream now counted blocked, but 42 is on its way
        }
    }

    /** Answers the first item it reads plus one. */
    static final class Answerer extends Step {
        final InPort<Integer> in = input("in");
        final OutPort<Integer> back = output("back");
        private final AtomicReference<Thread> self;

        Answerer(AtomicReference<Thread> self) {
            super("answerer");
            this.self = self;
        }

        @Override
        protected void run(Context context) {
            self.set(Thread.currentThread());
            context.output(back).push(context.input(in).pop() + 1);
        }
    }

    @Test
    void anItemWhoseWakeUpWasMissedIsNoDeadlockWhenItsWriterBlocks() {
        Workflow wf = new Workflow("missed-then-block", 4).growthLimit(4);
        Asker asker = wf.add(new Asker());
        Answerer answerer = wf.add(new Answerer(asker.reader));
        asker.out.pipe(answerer.in);
        answerer.back.pipe(asker.back);

        wf.run();

        assertEquals(43, asker.answer);
    }

    @Test
    void anItemWhoseWakeUpWasMissedReachesTheReaderWhileItsWriterRunsElsewhere() throws Exception {
        AtomicReference<Thread> readerThread = new AtomicReference<>();
        CountDownLatch received = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Workflow wf = new Workflow("missed-then-run");
        var writer = wf.add(new Step("writer") {
            final OutPort<Integer> out = output("out");

            @Override
            protected void run(Context context) throws Exception {
                Output<Integer> output = context.output(out);
                awaitCountedBlocked(readerThread);
                assertTrue(pipeOf(output).offer(7));
                release.await(); // neither pushes, nor blocks on a pipe, nor ends
            }
        });
        var reader = wf.add(new Step("reader") {
            final InPort<Integer> in = input("in");

            @Override
            protected void run(Context context) {
                readerThread.set(Thread.currentThread());
                assertEquals(7, context.input(in).pop());
                received.countDown();
            }
        });
        wf.pipe(writer.out, reader.in);

        var execution = wf.start();
        try {
            assertTrue(received.await(20, TimeUnit.SECONDS), "the reader never saw the item its wake-up missed");
        } finally {
            release.countDown();
        }
        execution.await();
    }

    @Test
    void roomWhoseWakeUpWasMissedIsPaidWhenTheReaderBlocks() {
        AtomicReference<Thread> writerThread = new AtomicReference<>();
        int[] seen = new int[2];
        Workflow wf = new Workflow("room-then-block", 1).growthLimit(1);
        var writer = wf.add(new Step("writer") {
            final OutPort<Integer> out = output("out");

            @Override
            protected void run(Context context) {
                writerThread.set(Thread.currentThread());
                Output<Integer> output = context.output(out);
                output.push(1);
                output.push(2); // waits for room: the pipe holds one
            }
        });
        var reader = wf.add(new Step("reader") {
            final InPort<Integer> in = input("in");

            @Override
            protected void run(Context context) throws Exception {
                Input<Integer> input = context.input(in);
                awaitCountedBlocked(writerThread);
                // Taken, but nobody woken: as if poll had missed the writer's wait.
                seen[0] = (Integer) pipeOf(input).pollQuietly();
                seen[1] = input.pop(); // blocks until the writer, which must be woken, pushes 2
            }
        });
        wf.pipe(writer.out, reader.in, 1);

        wf.run();

        assertEquals(1, seen[0]);
        assertEquals(2, seen[1]);
    }

    @Test
    void roomWhoseWakeUpWasMissedReachesTheWriterWhileItsReaderRunsElsewhere() throws Exception {
        AtomicReference<Thread> writerThread = new AtomicReference<>();
        CountDownLatch pushed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Workflow wf = new Workflow("room-then-run", 1);
        var writer = wf.add(new Step("writer") {
            final OutPort<Integer> out = output("out");

            @Override
            protected void run(Context context) {
                writerThread.set(Thread.currentThread());
                Output<Integer> output = context.output(out);
                output.push(1);
                output.push(2); // waits for room: the pipe holds one
                pushed.countDown();
            }
        });
        var reader = wf.add(new Step("reader") {
            final InPort<Integer> in = input("in");

            @Override
            protected void run(Context context) throws Exception {
                Input<Integer> input = context.input(in);
                awaitCountedBlocked(writerThread);
                assertNotNull(pipeOf(input).pollQuietly());
                release.await(); // neither takes, nor blocks on a pipe, nor ends
                input.forEach(x -> {});
            }
        });
        wf.pipe(writer.out, reader.in, 1);

        var execution = wf.start();
        try {
            assertTrue(pushed.await(20, TimeUnit.SECONDS), "the writer never saw the room its wake-up missed");
        } finally {
            release.countDown();
        }
        execution.await();
    }

    /** Waits until the stream on {@code thread} has parked in {@code RunningStream.await}: it is then counted blocked. */
    static void awaitCountedBlocked(AtomicReference<Thread> thread) throws InterruptedException {
        // A waiting stream parks with a timeout (its own re-check); nothing else in these tests does.
        while (thread.get() == null || thread.get().getState() != Thread.State.TIMED_WAITING) {
            Thread.sleep(1);
        }
    }

    static ItemPipe pipeOf(Object end) {
        try {
            Field single = end.getClass().getDeclaredField("single");
            single.setAccessible(true);
            return (ItemPipe) single.get(end);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
