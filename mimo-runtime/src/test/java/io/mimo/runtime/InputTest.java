package io.mimo.runtime;

import static io.mimo.runtime.TestSteps.ints;
import static io.mimo.runtime.TestSteps.range;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.TestSteps.Join;
import io.mimo.runtime.TestSteps.Sink;
import io.mimo.runtime.TestSteps.Source;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class InputTest {

    @Test
    void followsDequeConventionsBeforeAndAtTheEnd() {
        List<Object> seen = new ArrayList<>();
        AtomicReference<NoSuchElementException> popAtEnd = new AtomicReference<>();
        Workflow wf = new Workflow("deque");
        var source = wf.add(range("range", 1, 3));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            seen.add(in.peek()); // 1, not taken
            seen.add(in.peek()); // 1 again
            seen.add(in.pop()); // 1
            seen.add(in.poll()); // 2
            seen.add(in.peek()); // null: ended
            seen.add(in.poll()); // null
            seen.add(in.name());
            popAtEnd.set(assertThrows(NoSuchElementException.class, in::pop));
        }));
        source.pipe(sink);

        wf.run();

        assertEquals(java.util.Arrays.asList(1, 1, 1, 2, null, null, "sink.in"), seen);
        assertTrue(
                popAtEnd.get().getMessage().contains("'sink.in' has ended"),
                popAtEnd.get().getMessage());
    }

    @Test
    void iteratesAndStreamsUntilTheEnd() {
        List<Integer> iterated = new ArrayList<>();
        List<Integer> streamed = new ArrayList<>();
        List<Object> afterEnd = new ArrayList<>();
        Workflow wf = new Workflow("iterate");
        var first = wf.add(range("first", 0, 100));
        var second = wf.add(range("second", 0, 50));
        var iterating = wf.add(new Sink<Integer>("iterating", in -> {
            Iterator<Integer> it = in.iterator();
            while (it.hasNext()) {
                iterated.add(it.next());
            }
            afterEnd.add(it.hasNext());
            afterEnd.add(assertThrows(NoSuchElementException.class, it::next).getClass());
        }));
        var streaming = wf.add(
                new Sink<Integer>("streaming", in -> in.stream().map(x -> x * 3).forEach(streamed::add)));
        first.pipe(iterating);
        second.pipe(streaming);

        wf.run();

        assertEquals(ints(0, 100), iterated);
        assertEquals(ints(0, 50).stream().map(x -> x * 3).toList(), streamed);
        assertEquals(List.of(false, NoSuchElementException.class), afterEnd);
    }

    @Test
    void anInputWhoseWritersPushNothingEndsAtOnce() {
        List<Object> seen = new ArrayList<>();
        Workflow wf = new Workflow("empty");
        var source = wf.add(range("nothing", 0, 0));
        var sink = wf.add(new Sink<Integer>("sink", in -> seen.add(in.poll())));
        source.pipe(sink);

        wf.run();

        assertEquals(java.util.Arrays.asList((Object) null), seen);
    }

    @Test
    void peekAndPopOnTwoInputsNeedNoSynchronisation() {
        // A merge of two sorted inputs: it peeks at both and pops the smaller, so it reads the
        // inputs at its own pace, one more often than the other; small pipes force it to block.
        Workflow wf = new Workflow("sorted-merge", 3);
        var squares = wf.add(new Source<Integer>("squares", out -> {
            for (int i = 0; i < 300; i++) {
                out.push(i * i);
            }
        }));
        var multiples = wf.add(new Source<Integer>("multiples", out -> {
            for (int i = 0; i < 20_000; i += 7) {
                out.push(i);
            }
        }));
        var merge = wf.add(new Join<Integer, Integer, Integer>("merge", (left, right, out) -> {
            while (left.peek() != null || right.peek() != null) {
                Integer l = left.peek();
                Integer r = right.peek();
                out.push(r == null || (l != null && l <= r) ? left.pop() : right.pop());
            }
        }));
        var sink = wf.add(new Sink<Integer>("sink"));
        squares.out.pipe(merge.left);
        multiples.out.pipe(merge.right);
        merge.pipe(sink);

        wf.run();

        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(i * i);
        }
        for (int i = 0; i < 20_000; i += 7) {
            expected.add(i);
        }
        expected.sort(null);
        assertEquals(expected, sink.items);
    }

    @Test
    void anInputUsedOnAnotherThreadThanItsStreamsIsRefused() {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        CountDownLatch strangerDone = new CountDownLatch(1);
        Workflow wf = new Workflow("threads");
        // Ends only after the other thread tried, so the input is empty but open meanwhile.
        var source = wf.add(new Source<Integer>("idle", out -> strangerDone.await()));
        var sink = wf.add(new Sink<Integer>("sink", in -> {
            Thread stranger = Thread.ofVirtual().start(() -> {
                try {
                    in.poll();
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            stranger.join();
            strangerDone.countDown();
        }));
        source.pipe(sink);

        wf.run();

        IllegalStateException e = assertInstanceOf(IllegalStateException.class, thrown.get());
        assertTrue(e.getMessage().contains("belongs to stream 'sink'"), e.getMessage());
    }
}
