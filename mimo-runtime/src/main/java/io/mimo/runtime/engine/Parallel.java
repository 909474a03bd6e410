package io.mimo.runtime.engine;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.ElementStep;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;
import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.PortEnds;
import io.mimo.runtime.graph.PortKind;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.ProcessStepView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ordered parallel element steps ({@code Workflow.parallel}): before the local runner plans a
 * graph, each element step of several copies becomes a small graph of ordinary streams joined by
 * ordinary pipes, so that back-pressure, failure, the SIGPIPE rule, deadlock detection and pipe
 * growth need nothing of their own:
 *
 * <pre>
 *            ┌─▶ parse (copy 1) ─┐
 * parse (deal) ─▶ parse (copy 2) ─▶ parse (merge) ─▶ the step's outputs
 *            └─▶ parse (copy 3) ─┘
 * </pre>
 *
 * The dealer reads the step's input and hands batches to the copies in turn; each copy calls a
 * handler of its own on every item of a batch, keeping what it pushes, output by output; the
 * merger takes the copies' results in the same turn, so batch by batch in input order, and pushes
 * them on. The copies carry the step's name, so that a failure in one is the step's.
 */
final class Parallel {
    /** Items a batch holds at most: enough to pay for a hand-over, few enough to keep memory small. */
    static final int BATCH = 64;

    /** Batches a pipe between dealer, copies and merger holds: one being worked on, one waiting. */
    private static final int BATCHES_AHEAD = 2;

    private Parallel() {}

    /** {@code graph}, with every element step of several copies replaced by its dealer, copies and merger. */
    static WorkflowGraph expand(WorkflowGraph graph) {
        boolean any = graph.steps().stream().anyMatch(s -> s instanceof ElementStepView e && e.copies() > 1);
        if (!any) {
            return graph;
        }
        List<StepView> steps = new ArrayList<>();
        List<PipeView> pipes = new ArrayList<>();
        // Where each old step's ports went: the same step renumbered, or for a parallel one its
        // dealer (the input) and merger (the outputs).
        int[] inputsAt = new int[graph.steps().size()];
        int[] outputsAt = new int[graph.steps().size()];
        for (StepView step : graph.steps()) {
            if (step instanceof ElementStepView element && element.copies() > 1) {
                expandOne(element, steps, pipes);
                inputsAt[step.index()] = steps.size() - element.copies() - 2;
                outputsAt[step.index()] = steps.size() - 1;
            } else {
                int at = steps.size();
                steps.add(renumbered(step, at));
                inputsAt[step.index()] = at;
                outputsAt[step.index()] = at;
            }
        }
        for (PipeView pipe : graph.pipes()) {
            PortView from = steps.get(outputsAt[pipe.from().step()])
                    .outputs()
                    .get(pipe.from().index());
            PortView to =
                    steps.get(inputsAt[pipe.to().step()]).inputs().get(pipe.to().index());
            pipes.add(new PipeView(from, to, pipe.capacity()));
        }
        return new WorkflowGraph(graph.name(), steps, pipes, graph.growthLimit(), graph.byteGrowthLimit());
    }

    private static StepView renumbered(StepView step, int at) {
        List<PortView> inputs = moved(step.inputs(), at);
        List<PortView> outputs = moved(step.outputs(), at);
        return switch (step) {
            case ElementStepView e -> new ElementStepView(at, e.name(), inputs, outputs, e.body(), e.opener(), 1);
            case ProcessStepView p -> new ProcessStepView(at, p.name(), inputs, outputs, p.body());
        };
    }

    private static List<PortView> moved(List<PortView> ports, int step) {
        return ports.stream()
                .map(p -> new PortView(step, p.stepName(), p.name(), p.index(), p.kind(), p.itemType(), p.discarded()))
                .toList();
    }

    private static PortView port(int step, String stepName, String name, int index, boolean discarded) {
        return new PortView(step, stepName, name, index, PortKind.ITEMS, Optional.empty(), discarded);
    }

    /** Appends the dealer, the copies and the merger of {@code element} to {@code steps}, and their pipes. */
    private static void expandOne(ElementStepView element, List<StepView> steps, List<PipeView> pipes) {
        int copies = element.copies();
        String name = element.name();
        int dealer = steps.size();
        int merger = dealer + copies + 1;
        String dealerName = name + " (deal)";
        String mergerName = name + " (merge)";
        PortView in = element.input();
        List<PortView> dealt = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            dealt.add(port(dealer, dealerName, "batches" + (c + 1), c, false));
        }
        steps.add(new ProcessStepView(
                dealer,
                dealerName,
                List.of(new PortView(dealer, dealerName, in.name(), 0, in.kind(), in.itemType(), false)),
                dealt,
                ends -> deal(ends, copies)));
        List<PortView> results = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            int copy = dealer + 1 + c;
            PortView batches = port(copy, name, "batches", 0, false);
            PortView done = port(copy, name, "results", 0, false);
            steps.add(new ProcessStepView(copy, name, List.of(batches), List.of(done), ends -> work(element, ends)));
            pipes.add(new PipeView(dealt.get(c), batches, BATCHES_AHEAD));
            PortView result = port(merger, mergerName, "results" + (c + 1), c, false);
            results.add(result);
            pipes.add(new PipeView(done, result, BATCHES_AHEAD));
        }
        List<PortView> outputs = element.outputs().stream()
                .map(p -> new PortView(merger, mergerName, p.name(), p.index(), p.kind(), p.itemType(), p.discarded()))
                .toList();
        steps.add(
                new ProcessStepView(merger, mergerName, results, outputs, ends -> merge(ends, copies, outputs.size())));
    }

    /** Items of one batch, in input order. */
    private static final class Batch {
        final Object[] items;
        final int size;

        Batch(Object[] items, int size) {
            this.items = items;
            this.size = size;
        }
    }

    /** What one copy pushed for one batch: by output, in the order pushed. */
    private record Results(List<List<Object>> byOutput) {}

    /** The dealer: batches of what is waiting (a full one at most), to each copy in turn. */
    @SuppressWarnings("unchecked")
    private static void deal(PortEnds ends, int copyCount) {
        Input<Object> in = (Input<Object>) ends.input(0);
        List<Output<Object>> copies = new ArrayList<>();
        for (int c = 0; c < copyCount; c++) {
            copies.add((Output<Object>) ends.output(c));
        }
        int turn = 0;
        Object[] batch = new Object[BATCH];
        int size = 0;
        while (true) {
            // Wait for the first item of a batch; take more only while they are there already.
            Object item = size == 0 ? in.poll() : in.poll(Duration.ZERO);
            if (item != null) {
                batch[size++] = item;
                if (size < BATCH) {
                    continue;
                }
            } else if (size == 0) {
                return; // the input has ended
            }
            copies.get(turn).push(new Batch(batch, size));
            turn = (turn + 1) % copies.size();
            batch = new Object[BATCH];
            size = 0;
        }
    }

    /** A copy: a handler of its own, called on every item of every batch dealt to it. */
    @SuppressWarnings("unchecked")
    private static void work(ElementStepView element, PortEnds ends) throws Exception {
        Input<Object> batches = (Input<Object>) ends.input(0);
        Output<Object> results = (Output<Object>) ends.output(0);
        Collecting collecting = new Collecting(element);
        ElementStep.ItemHandler<Object> handler = element.open(collecting);
        for (Object next; (next = batches.poll()) != null; ) {
            Batch batch = (Batch) next;
            for (int i = 0; i < batch.size; i++) {
                handler.accept(batch.items[i]);
            }
            results.push(collecting.finish());
        }
    }

    /** The merger: each copy's results in the dealer's turn, so in input order, pushed on output by output. */
    @SuppressWarnings("unchecked")
    private static void merge(PortEnds ends, int copies, int outputCount) {
        List<Input<Object>> results = new ArrayList<>();
        List<Output<Object>> outputs = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            results.add((Input<Object>) ends.input(c));
        }
        for (int o = 0; o < outputCount; o++) {
            outputs.add((Output<Object>) ends.output(o));
        }
        for (int turn = 0; ; turn = (turn + 1) % results.size()) {
            // The batch of this turn went to this copy: if it has no more, no batch came after.
            Results next = (Results) results.get(turn).poll();
            if (next == null) {
                return;
            }
            for (int o = 0; o < outputs.size(); o++) {
                Output<Object> output = outputs.get(o);
                for (Object item : next.byOutput().get(o)) {
                    output.push(item);
                }
            }
        }
    }

    /** The ends a copy's handler writes to: outputs that keep what it pushes for the batch under way. */
    private static final class Collecting implements PortEnds {
        private final ElementStepView element;
        private final List<Output<Object>> outputs = new ArrayList<>();
        private List<List<Object>> pushed;

        Collecting(ElementStepView element) {
            this.element = element;
            for (PortView port : element.outputs()) {
                int index = port.index();
                String name = port.toString();
                outputs.add(new Output<>() {
                    @Override
                    public void push(Object item) {
                        if (item == null) {
                            throw new NullPointerException("stream '" + element.name() + "' pushed null to output '"
                                    + name + "': items must not be null");
                        }
                        pushed.get(index).add(item);
                    }

                    @Override
                    public boolean offer(Object item) {
                        push(item); // held until the batch's turn: never full
                        return true;
                    }

                    @Override
                    public String name() {
                        return name;
                    }
                });
            }
            start();
        }

        /** What was pushed since the last call (a push from open() goes with the first batch). */
        Results finish() {
            Results done = new Results(pushed);
            start();
            return done;
        }

        private void start() {
            pushed = new ArrayList<>();
            for (int o = 0; o < outputs.size(); o++) {
                pushed.add(new ArrayList<>());
            }
        }

        @Override
        public Input<?> input(int index) {
            throw new IllegalStateException("input '" + element.input() + "' of element step '" + element.name()
                    + "' runs in parallel: its items come through the handler that open() returns;"
                    + " do not read it from the context");
        }

        @Override
        public Output<?> output(int index) {
            return outputs.get(index);
        }

        @Override
        public ByteInput byteInput(int index) {
            throw new IllegalStateException("element step '" + element.name() + "' has no byte input");
        }

        @Override
        public ByteOutput byteOutput(int index) {
            throw new IllegalStateException(
                    "element step '" + element.name() + "' runs in parallel and so writes no bytes");
        }
    }
}
