package io.mimo.samples.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mimo.runtime.DynamicStep;
import io.mimo.runtime.Workflow;
import io.mimo.runtime.WorkflowException;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Runs what the processor generates for each form of stream method. */
@Timeout(30)
class FormsTest {
    private final Queue<Object> kept = new ConcurrentLinkedQueue<>();

    /** A sink built by hand that keeps what it reads. */
    private DynamicStep keep(Workflow wf) {
        return wf.add(DynamicStep.of("keep", List.of("in"), List.of(), ports -> {
            for (Object o : ports.input("in")) {
                kept.add(o);
            }
        }));
    }

    @Test
    void anEmptyOptionalPushesNothing() {
        Workflow wf = new Workflow("optional");
        wf.add(FormsStreams.count(10)).pipe(wf.add(FormsStreams.evens())).pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(List.of(0, 2, 4, 6, 8), List.copyOf(kept));
    }

    @Test
    void anElementStyleOutputParameterPushesAnyNumberPerCall() {
        Workflow wf = new Workflow("repeat");
        wf.add(FormsStreams.count(3)).pipe(wf.add(FormsStreams.repeat(2))).pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(List.of(0, 0, 1, 1, 2, 2), List.copyOf(kept));
    }

    @Test
    void severalElementInputsAreZippedAndEndWithTheShortest() {
        Workflow wf = new Workflow("zip3");
        var add = wf.add(FormsStreams.add3());
        wf.add(FormsStreams.count(5)).pipe(add.a());
        wf.add(FormsStreams.count(100_000)).pipe(add.b()); // longer than the pipes: must not hang
        wf.add(FormsStreams.count(3)).pipe(add.c());
        add.pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(List.of(0L, 3L, 6L), List.copyOf(kept));
    }

    @Test
    void aZipReturningAnEmptyOptionalPushesNothingForThatPair() {
        Workflow wf = new Workflow("zip-optional");
        var same = wf.add(FormsStreams.whenEqual());
        wf.add(FormsStreams.count(6)).pipe(same.left());
        wf.add(FormsStreams.count(6)).pipe(wf.add(FormsStreams.evens())).pipe(same.right()); // 0 2 4
        same.pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(List.of(0), List.copyOf(kept)); // pairs (0,0) (1,2) (2,4)
    }

    @Test
    void aGenericStepTakesItsTypeArgument() {
        Workflow wf = new Workflow("generic");
        wf.add(FormsStreams.count(3)).pipe(wf.add(FormsStreams.<Integer>half())).pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(List.of(0.0, 0.5, 1.0), List.copyOf(kept));
    }

    @Test
    void aProcessStyleReturnValueIsPushedOnceAtTheEnd() {
        Workflow wf = new Workflow("collect");
        wf.add(FormsStreams.count(4))
                .pipe(wf.add(FormsStreams.<Integer>collect()))
                .pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(List.of(List.of(0, 1, 2, 3)), List.copyOf(kept));
    }

    @Test
    void instanceMethodsKeepTheirStateInTheReceiver() {
        Counter counter = new Counter();
        Workflow wf = new Workflow("instance");
        var source = wf.add(FormsStreams.count(100));
        source.pipe(wf.add(CounterStreams.add(counter)));
        source.pipe(wf.add(CounterStreams.tally(new Counter()))).pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(IntStream.range(0, 100).sum(), counter.total());
        assertEquals(List.of(100L), List.copyOf(kept));
    }

    @Test
    void aCheckedExceptionStopsTheWorkflowNamingTheStream() {
        Workflow wf = new Workflow("failing");
        wf.add(FormsStreams.count(1_000_000)).pipe(wf.add(FormsStreams.failOn(500)));
        WorkflowException e = assertThrows(WorkflowException.class, wf::run);
        assertEquals("failOn", e.stream());
        assertEquals(
                "refusing 500",
                assertInstanceOf(IOException.class, e.getCause()).getMessage());
    }

    @Test
    void aNullReturnIsAnErrorNamingTheStream() {
        Workflow wf = new Workflow("nulls");
        wf.add(FormsStreams.count(10)).pipe(wf.add(FormsStreams.nullFor(3))).pipe(keep(wf).in("in"));
        WorkflowException e = assertThrows(WorkflowException.class, wf::run);
        assertEquals("nullFor", e.stream());
        assertEquals(
                "stream 'nullFor' pushed null to output 'nullFor.y': items must not be null",
                assertInstanceOf(NullPointerException.class, e.getCause()).getMessage());
    }

    @Test
    void bytePortsCarryTextBetweenStreams() {
        Workflow wf = new Workflow("bytes");
        wf.add(FormsStreams.count(10_000))
                .pipe(wf.add(FormsStreams.format()))
                .pipe(wf.add(FormsStreams.parse()))
                .pipe(keep(wf).in("in"));
        wf.run();
        assertEquals(IntStream.range(0, 10_000).boxed().toList(), List.copyOf(kept));
    }
}
