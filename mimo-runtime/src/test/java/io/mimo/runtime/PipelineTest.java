package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.awaitParked;
import static io.mimo.runtime.TestSteps.copy;
import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Relay;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class PipelineTest {

    @Test
    void linearPipelineDeliversEveryItemInOrder() {
        Workflow wf = new Workflow("linear", 8);
        var source = wf.add(range("range", 0, 1000));
        var twice = wf.add(new Relay<Integer, Integer>("double", (in, out) -> {
            for (int x : in) {
                out.push(2 * x);
            }
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        source.pipe(twice).pipe(sink);

        wf.run();

        assertEquals(ints(0, 1000).stream().map(x -> 2 * x).toList(), sink.items);
    }

    @Test
    void fanOutBroadcastsEveryItemToEveryReader() {
        Workflow wf = new Workflow("broadcast", 4);
        var source = wf.add(range("range", 0, 500));
        var fast = wf.add(new Sink<Integer>("fast"));
        var slow = wf.add(new Sink<Integer>("slow", in -> {
            for (int x : in) {
                if (x % 50 == 0) {
                    Thread.sleep(1);
                }
            }
        }));
        var third = wf.add(new Sink<Integer>("third"));
        source.pipe(fast);
        source.pipe(slow);
        source.out.pipe(third.in, 1);

        wf.run();

        assertEquals(ints(0, 500), fast.items);
        assertEquals(ints(0, 500), third.items);
    }

    @Test
    void fanInMergesEveryItemKeepingEachWritersOrder() {
        Workflow wf = new Workflow("merge", 2);
        var low = wf.add(range("low", 0, 3000));
        var high = wf.add(range("high", 10_000, 13_000));
        var sink = wf.add(new Sink<Integer>("sink"));
        low.pipe(sink);
        high.pipe(sink);

        wf.run();

        assertEquals(6000, sink.items.size());
        assertEquals(ints(0, 3000), sink.items.stream().filter(x -> x < 10_000).toList());
        assertEquals(
                ints(10_000, 13_000),
                sink.items.stream().filter(x -> x >= 10_000).toList());
    }

    @Test
    void fanInMergesInArrivalOrderWhateverThePipeOrder() {
        for (boolean firstPipedFirst : new boolean[] {true, false}) {
            CountDownLatch a1 = new CountDownLatch(1);
            CountDownLatch b1 = new CountDownLatch(1);
            CountDownLatch a2 = new CountDownLatch(1);
            List<String> seen = new ArrayList<>();
            Workflow wf = new Workflow("arrival");
            var first = wf.add(new Source<String>("first", out -> {
                out.push("a1");
                a1.countDown();
                b1.await();
                out.push("a2");
                a2.countDown();
            }));
            var second = wf.add(new Source<String>("second", out -> {
                a1.await();
                out.push("b1");
                b1.countDown();
            }));
            var reader = wf.add(new Sink<String>("reader", in -> {
                a2.await(); // every item is buffered before the first read
                in.forEach(seen::add);
            }));
            if (firstPipedFirst) {
                first.pipe(reader);
                second.pipe(reader);
            } else {
                second.pipe(reader);
                first.pipe(reader);
            }

            wf.run();

            assertEquals(List.of("a1", "b1", "a2"), seen, "first piped first: " + firstPipedFirst);
        }
    }

    @Test
    void aFullPipeBlocksItsWriterAtExactlyItsCapacity() throws Exception {
        CountDownLatch counted = new CountDownLatch(1);
        AtomicInteger pushedToSmall = new AtomicInteger();
        AtomicInteger pushedToLarge = new AtomicInteger();
        Workflow wf = new Workflow("capacity", 5);
        var small = wf.add(new Source<Integer>("small", out -> {
            for (int i = 0; i < 100; i++) {
                out.push(i);
                pushedToSmall.incrementAndGet();
            }
        }));
        var large = wf.add(new Source<Integer>("large", out -> {
            for (int i = 0; i < 100; i++) {
                out.push(i);
                pushedToLarge.incrementAndGet();
            }
        }));
        var smallSink = wf.add(new Sink<Integer>("small-sink", in -> {
            counted.await();
            in.forEach(x -> {});
        }));
        var largeSink = wf.add(new Sink<Integer>("large-sink", in -> {
            counted.await();
            in.forEach(x -> {});
        }));
        small.out.pipe(smallSink.in, 2);
        large.pipe(largeSink); // the workflow's default: 5

        Execution execution = wf.start();
        awaitParked(small.thread);
        awaitParked(large.thread);
        assertEquals(2, pushedToSmall.get());
        assertEquals(5, pushedToLarge.get());
        counted.countDown();
        execution.await();
        assertEquals(100, pushedToSmall.get());
    }

    @Test
    void backPressureKeepsAFastProducerWithinTheCapacity() {
        int capacity = 16;
        AtomicLong pushed = new AtomicLong();
        AtomicLong taken = new AtomicLong();
        AtomicLong mostInFlight = new AtomicLong();
        Workflow wf = new Workflow("back-pressure", capacity);
        var source = wf.add(new Source<Integer>("fast", out -> {
            for (int i = 0; i < 20_000; i++) {
                out.push(i);
                long inFlight = pushed.incrementAndGet() - taken.get();
                mostInFlight.accumulateAndGet(inFlight, Math::max);
            }
        }));
        var sink = wf.add(new Sink<Integer>("slow", in -> {
            for (Integer x = in.poll(); x != null; x = in.poll()) {
                taken.incrementAndGet();
                if (x % 1000 == 0) {
                    Thread.sleep(2);
                }
            }
        }));
        source.pipe(sink);

        wf.run();

        assertEquals(20_000, taken.get());
        // At most a full pipe, plus the one item the reader holds before counting it.
        assertTrue(mostInFlight.get() <= capacity + 1, "in flight: " + mostInFlight.get());
        assertTrue(mostInFlight.get() >= capacity, "the slow reader should let the pipe fill: " + mostInFlight.get());
    }

    @Test
    @Timeout(90)
    void twoMillionItemsThroughThreeStreamsWithoutLossOrDuplicate() {
        int count = 2_000_000;
        long[] summary = new long[3]; // count, sum, out-of-order
        Workflow wf = new Workflow("bulk");
        var source = wf.add(range("source", 0, count));
        Relay<Integer, Integer> relay = wf.add(copy("relay"));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            long expected = 0;
            for (int x : in) {
                summary[0]++;
                summary[1] += x;
                if (x != expected++) {
                    summary[2]++;
                }
            }
        }));
        source.pipe(relay).pipe(sink);

        wf.run();

        assertEquals(count, summary[0]);
        assertEquals((long) count * (count - 1) / 2, summary[1]);
        assertEquals(0, summary[2], "items out of order");
    }

    @Test
    void anOutputMayFeedAnInputOfASupertype() {
        Workflow wf = new Workflow("variance");
        Source<Integer> source = wf.add(range("ints", 1, 4));
        Sink<Number> numbers = wf.add(new Sink<>("numbers"));
        Sink<Object> objects = wf.add(new Sink<>("objects"));
        source.pipe(numbers);
        wf.pipe(source.out, objects.in);

        wf.run();

        assertEquals(List.of(1, 2, 3), numbers.items);
        assertEquals(List.of(1, 2, 3), objects.items);
    }
}
