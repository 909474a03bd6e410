package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.assertAllEnded;
import static io.mimo.runtime.TestSteps.copy;
import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import io.mimo.runtime.TestSteps.Split;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A reader that stops early: its pipes die, their writers are released and, when nobody reads them any more, end. */
@Timeout(30)
class EarlyEndTest {

    static Source<Integer> endless(String name, AtomicInteger pushed) {
        return new Source<>(name, out -> {
            for (int i = 0; ; i++) {
                out.push(i);
                pushed.incrementAndGet();
            }
        });
    }

    @Test
    void aZipEndsWithItsShortestInputAndEndsItsEndlessWriter() {
        AtomicInteger pushed = new AtomicInteger();
        Workflow wf = new Workflow("zip", 4);
        var shortOne = wf.add(range("short", 0, 10));
        var endless = wf.add(endless("endless", pushed));
        var zip = wf.add(new Join<Integer, Integer, String>("zip", (left, right, out) -> {
            for (Integer l = left.poll(), r = right.poll(); l != null && r != null; l = left.poll(), r = right.poll()) {
                out.push(l + ":" + r);
            }
        }));
        var sink = wf.add(new Sink<String>("sink"));
        shortOne.out.pipe(zip.left);
        endless.out.pipe(zip.right);
        zip.pipe(sink);

        wf.run();

        assertEquals(ints(0, 10).stream().map(i -> i + ":" + i).toList(), sink.items);
        assertTrue(pushed.get() <= 11 + 4 + 1, "pushed after the zip ended: " + pushed.get());
        assertAllEnded(shortOne, endless, zip, sink);
    }

    @Test
    void aTakeLikeReaderStopsAnEndlessChainBehindIt() {
        Workflow wf = new Workflow("take", 2);
        var endless = wf.add(endless("endless", new AtomicInteger()));
        Relay<Integer, Integer> first = wf.add(copy("first"));
        Relay<Integer, Integer> second = wf.add(copy("second"));
        var take = wf.add(new Sink<Integer>("take", in -> {
            for (int i = 0; i < 5; i++) {
                in.pop();
            }
        }));
        endless.pipe(first).pipe(second).pipe(take);

        wf.run();

        assertAllEnded(endless, first, second, take);
    }

    @Test
    void aBroadcastKeepsFeedingTheReadersThatRemain() {
        AtomicBoolean sourceFinished = new AtomicBoolean();
        Workflow wf = new Workflow("broadcast", 2);
        var source = wf.add(new Source<Integer>("source", out -> {
            for (int i = 0; i < 1000; i++) {
                out.push(i);
            }
            sourceFinished.set(true);
        }));
        var quitter = wf.add(new Sink<Integer>("quitter", in -> {
            in.pop();
            in.pop();
        }));
        var keeper = wf.add(new Sink<Integer>("keeper"));
        source.pipe(quitter);
        source.pipe(keeper);

        wf.run();

        assertEquals(ints(0, 1000), keeper.items);
        assertTrue(sourceFinished.get(), "a writer with one live reader left must not be ended");
    }

    @Test
    void aWriterEndsOnlyWhenEveryPipeOfEveryOutputIsDead() {
        Workflow wf = new Workflow("two-outputs", 2);
        var source = wf.add(range("source", 0, 100));
        var split = wf.add(new Split<Integer, Integer, Integer>("split", (in, left, right) -> {
            for (int x : in) {
                left.push(x);
                right.push(x);
            }
        }));
        var leftReader = wf.add(new Sink<Integer>("left-reader", in -> in.pop()));
        var rightReader = wf.add(new Sink<Integer>("right-reader"));
        source.pipe(split);
        split.left.pipe(leftReader.in);
        split.right.pipe(rightReader.in);

        wf.run();

        assertEquals(ints(0, 100), rightReader.items);
    }

    @Test
    void aStreamThatOnlyPushesToADiscardedOutputRunsToItsEnd() {
        AtomicInteger pushed = new AtomicInteger();
        Workflow wf = new Workflow("discard");
        var source = wf.add(new Source<Integer>("source", out -> {
            for (int i = 0; i < 10_000; i++) {
                out.push(i);
                pushed.incrementAndGet();
            }
        }));
        source.out.discard();

        wf.run();

        assertEquals(10_000, pushed.get());
    }

    @Test
    void aSignalWrappedByUserCodeStillEndsTheStreamQuietly() {
        Workflow wf = new Workflow("wrapped", 1);
        var wrapper = wf.add(new Source<Integer>("wrapper", out -> {
            for (int i = 0; ; i++) {
                try {
                    out.push(i);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("could not push " + i, e);
                }
            }
        }));
        var take = wf.add(new Sink<Integer>("take", in -> in.pop()));
        wrapper.pipe(take);

        wf.run(); // does not throw: the wrapped signal is no failure

        assertAllEnded(wrapper, take);
    }
}
