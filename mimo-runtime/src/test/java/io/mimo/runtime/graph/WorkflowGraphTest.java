package io.mimo.runtime.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Context;
import io.mimo.runtime.ElementStep;
import io.mimo.runtime.InPort;
import io.mimo.runtime.Input;
import io.mimo.runtime.OneInput;
import io.mimo.runtime.OneOutput;
import io.mimo.runtime.OutPort;
import io.mimo.runtime.Output;
import io.mimo.runtime.Step;
import io.mimo.runtime.Workflow;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The runner view: what a workflow's graph looks like from outside the runtime, and that a runner
 * written against it alone (here a toy one, in this test's package, which sees only the public
 * API) can run a workflow.
 */
class WorkflowGraphTest {

    /** Process style: pushes 0 until {@code count}; a second output, {@code log}, is discarded. */
    static final class Count extends Step implements OneOutput<Integer> {
        final OutPort<Integer> out = output("out", Integer.class);
        final OutPort<String> log = output("log");
        private final int count;

        Count(int count) {
            super("count");
            this.count = count;
        }

        @Override
        public OutPort<Integer> onlyOutput() {
            return out;
        }

        @Override
        protected void run(Context context) {
            Output<Integer> output = context.output(out);
            for (int i = 0; i < count; i++) {
                output.push(i);
            }
        }
    }

    /** Element style: squares. */
    static final class Square extends ElementStep<Integer> implements OneOutput<Long> {
        final OutPort<Long> out = output("y", Long.class);

        Square() {
            super("square", "x", Integer.class);
        }

        @Override
        public OutPort<Long> onlyOutput() {
            return out;
        }

        @Override
        protected ItemHandler<Integer> open(Context context) {
            Output<Long> y = context.output(out);
            return x -> y.push((long) x * x);
        }
    }

    /** Element style sink, of items of an unrecorded type. */
    static final class Collect<T> extends ElementStep<T> {
        final List<T> items = new ArrayList<>();

        Collect() {
            super("collect", "in");
        }

        @Override
        protected ItemHandler<T> open(Context context) {
            return items::add;
        }
    }

    /** A byte writer, to show byte ports in the view. */
    static final class Bytes extends Step implements OneOutput<ByteBuffer> {
        final OutPort<ByteBuffer> out = byteOutput("bytes");

        Bytes() {
            super("bytes");
        }

        @Override
        public OutPort<ByteBuffer> onlyOutput() {
            return out;
        }

        @Override
        protected void run(Context context) {
            context.byteOutput(out).write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        }
    }

    /** A byte reader. */
    static final class Drain extends Step implements OneInput<ByteBuffer> {
        final InPort<ByteBuffer> in = byteInput("in");

        Drain() {
            super("drain");
        }

        @Override
        public InPort<ByteBuffer> onlyInput() {
            return in;
        }

        @Override
        protected void run(Context context) {
            ByteInput input = context.byteInput(in);
            while (input.readView() != null) {
                // drop
            }
        }
    }

    @Test
    void theViewListsStepsPortsItemTypesAndPipesWithTheirCapacities() {
        Workflow wf = new Workflow("view", 64).byteCapacity(1000);
        Count count = wf.add(new Count(3));
        Square square = wf.add(new Square());
        Collect<Long> collect = wf.add(new Collect<>());
        count.log.discard();
        count.out.pipe(square.onlyInput(), 8);
        square.pipe(collect);
        Bytes bytes = wf.add(new Bytes());
        bytes.pipe(wf.add(new Drain()));

        WorkflowGraph graph = wf.graph();

        assertEquals("view", graph.name());
        assertEquals(
                List.of("count", "square", "collect", "bytes", "drain"),
                graph.steps().stream().map(StepView::name).toList());
        assertInstanceOf(ProcessStepView.class, graph.steps().get(0));
        ElementStepView squareView =
                assertInstanceOf(ElementStepView.class, graph.steps().get(1));
        assertEquals(
                new PortView(1, "square", "x", 0, PortKind.ITEMS, Optional.of(Integer.class), false),
                squareView.input());
        assertEquals(Optional.of(Long.class), squareView.outputs().get(0).itemType());
        PortView log = graph.steps().get(0).outputs().get(1);
        assertTrue(log.discarded());
        assertEquals(Optional.empty(), log.itemType(), "output(name) records no type");
        assertEquals(Optional.empty(), graph.steps().get(2).inputs().get(0).itemType());
        PortView byteOut = graph.steps().get(3).outputs().get(0);
        assertEquals(PortKind.BYTES, byteOut.kind());
        assertEquals(Optional.of(ByteBuffer.class), byteOut.itemType());

        assertEquals(
                List.of(
                        "count.out -> square.x 8 items",
                        "square.y -> collect.in 64 items",
                        "bytes.bytes -> drain.in 1000 bytes"),
                graph.pipes().stream()
                        .map(p -> p + " " + p.capacity() + " " + p.unit())
                        .toList());
        assertEquals(List.of(graph.pipes().get(0)), graph.pipesInto(squareView.input()));
        assertEquals(
                List.of(graph.pipes().get(1)),
                graph.pipesOutOf(squareView.outputs().get(0)));
        assertEquals(squareView, graph.step(squareView.input()));
    }

    @Test
    void theViewIsASnapshotAndTakingItStartsNothing() {
        Workflow wf = new Workflow("snapshot");
        Count count = wf.add(new Count(5));
        count.log.discard();
        Collect<Integer> first = wf.add(new Collect<>());
        count.pipe(first);

        WorkflowGraph graph = wf.graph();
        Collect<Integer> second = wf.add(new Collect<>());
        count.pipe(second);

        assertEquals(2, graph.steps().size());
        assertEquals(1, graph.pipes().size());
        wf.run(); // the workflow itself runs as wired now
        assertEquals(List.of(0, 1, 2, 3, 4), first.items);
        assertEquals(List.of(0, 1, 2, 3, 4), second.items);
    }

    @Test
    void aWorkflowThatCannotRunHasNoView() {
        Workflow wf = new Workflow("broken");
        wf.add(new Count(1));

        IllegalStateException refusal = assertThrows(IllegalStateException.class, wf::graph);

        assertEquals(
                "workflow 'broken' cannot run, 2 problems:\n"
                        + "  - step 'count': output 'out' is piped to nothing: pipe it to an input, or call discard() on it\n"
                        + "  - step 'count': output 'log' is piped to nothing: pipe it to an input, or call discard() on it",
                refusal.getMessage());
    }

    /**
     * A toy runner, with nothing but the view: it runs a line of steps (one process step at its
     * head, element steps after it, in the order added) on the calling thread, each output calling the next step's
     * handler. A real runner (a cluster's) does the same with its own threads and channels.
     */
    private static void runLine(WorkflowGraph graph) throws Exception {
        List<StepView> steps = graph.steps();
        Output<?> next = null;
        for (int i = steps.size() - 1; i >= 1; i--) {
            ElementStepView element = (ElementStepView) steps.get(i);
            ElementStep.ItemHandler<Object> handler = element.open(ends(next, element.name()));
            next = new Output<Object>() {
                @Override
                public void push(Object item) {
                    try {
                        handler.accept(item);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }

                @Override
                public boolean offer(Object item) {
                    push(item); // the toy runner's handlers never wait
                    return true;
                }

                @Override
                public String name() {
                    return element.input().toString();
                }
            };
        }
        steps.get(0).run(ends(next, steps.get(0).name()));
    }

    /** Ends whose item output 0 is {@code out} and whose other outputs drop what they get. */
    private static PortEnds ends(Output<?> out, String step) {
        return new PortEnds() {
            @Override
            public Input<?> input(int index) {
                throw new IllegalStateException("the toy runner feeds " + step + " through its handler");
            }

            @Override
            public Output<?> output(int index) {
                return index == 0
                        ? out
                        : new Output<Object>() {
                            @Override
                            public void push(Object item) {}

                            @Override
                            public boolean offer(Object item) {
                                return true;
                            }

                            @Override
                            public String name() {
                                return step + " (discarded)";
                            }
                        };
            }

            @Override
            public ByteInput byteInput(int index) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ByteOutput byteOutput(int index) {
                throw new UnsupportedOperationException();
            }
        };
    }

    @Test
    void aRunnerWrittenAgainstTheViewAloneRunsTheWorkflowsSteps() throws Exception {
        Workflow wf = new Workflow("line");
        Count count = wf.add(new Count(4));
        count.log.discard();
        Square square = wf.add(new Square());
        Collect<Long> collect = wf.add(new Collect<>());
        count.pipe(square).pipe(collect);

        runLine(wf.graph());

        assertEquals(List.of(0L, 1L, 4L, 9L), collect.items);
    }
}
