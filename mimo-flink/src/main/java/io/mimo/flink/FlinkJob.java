package io.mimo.flink;

import io.mimo.runtime.Workflow;
import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.PipeView;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.StepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.flink.api.common.typeinfo.BasicTypeInfo;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.MultipleConnectedStreams;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.transformations.MultipleInputTransformation;
import org.apache.flink.util.OutputTag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a workflow's graph into Flink streams, following the mapping of the runner's design: an
 * element step is a chained one-input operator (as many parallel instances as the user asked
 * copies), a process step a pull host with as many inputs as it has, a source a host fed one
 * trigger record; output 0 is the operator's main output and the others are side outputs; an
 * output piped to several inputs is the same stream consumed several times; several pipes into an
 * input are a union.
 */
final class FlinkJob {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkRunner.class);

    private final StreamExecutionEnvironment env;
    private final SerializableSupplier<Workflow> workflow;
    private final WorkflowGraph graph;
    private final boolean streaming;
    private final Map<PortView, DataStream<Object>> streams = new HashMap<>();
    private final Map<PortView, TypeInformation<Object>> types = new HashMap<>();

    private FlinkJob(
            StreamExecutionEnvironment env,
            SerializableSupplier<Workflow> workflow,
            WorkflowGraph graph,
            boolean streaming) {
        this.env = env;
        this.workflow = workflow;
        this.graph = graph;
        this.streaming = streaming;
    }

    /**
     * Adds {@code graph}'s streams to {@code env}, the operators built in each task from
     * {@code workflow}.
     *
     * @throws IllegalStateException if the graph has a cycle: Flink runs none
     */
    static void add(
            StreamExecutionEnvironment env,
            SerializableSupplier<Workflow> workflow,
            WorkflowGraph graph,
            boolean streaming) {
        FlinkJob job = new FlinkJob(env, workflow, graph, streaming);
        List<StepView> order = order(graph);
        BitSet[] upstream = upstream(graph, order);
        for (StepView step : order) {
            job.addStep(step, upstream);
        }
    }

    /** The steps, each after every step that feeds it. */
    static List<StepView> order(WorkflowGraph graph) {
        int n = graph.steps().size();
        int[] feeders = new int[n];
        for (PipeView pipe : graph.pipes()) {
            feeders[pipe.to().step()]++;
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (feeders[i] == 0) {
                ready.add(i);
            }
        }
        List<StepView> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            StepView step = graph.steps().get(ready.poll());
            order.add(step);
            for (PipeView pipe : graph.pipes()) {
                if (pipe.from().step() == step.index() && --feeders[pipe.to().step()] == 0) {
                    ready.add(pipe.to().step());
                }
            }
        }
        if (order.size() < n) {
            throw new IllegalStateException("workflow '" + graph.name() + "' cannot run on Flink: its steps "
                    + cycle(graph, feeders) + " form a cycle, and Flink runs no cycles (its iterations were"
                    + " removed in 2.0): run this workflow locally with run(), or break the cycle");
        }
        return order;
    }

    /** One cycle among the steps not ordered (those with feeders left), as "'a' -> 'b' -> 'a'". */
    private static String cycle(WorkflowGraph graph, int[] feeders) {
        int start = 0;
        while (feeders[start] == 0) {
            start++;
        }
        // walk back along feeders still unordered: in a finite graph the walk revisits a step
        List<Integer> path = new ArrayList<>();
        int at = start;
        while (!path.contains(at)) {
            path.add(at);
            int here = at;
            at = graph.pipes().stream()
                    .filter(p -> p.to().step() == here && feeders[p.from().step()] > 0)
                    .findFirst()
                    .orElseThrow()
                    .from()
                    .step();
        }
        List<Integer> loop = new ArrayList<>(path.subList(path.indexOf(at), path.size()));
        Collections.reverse(loop); // the walk went against the pipes
        Collections.rotate(loop, -loop.indexOf(Collections.min(loop))); // from the step added first
        loop.add(loop.get(0));
        return loop.stream().map(i -> "'" + graph.steps().get(i).name() + "'").collect(Collectors.joining(" -> "));
    }

    /** Per step, the steps upstream of it. */
    private static BitSet[] upstream(WorkflowGraph graph, List<StepView> order) {
        BitSet[] upstream = new BitSet[graph.steps().size()];
        for (StepView step : order) {
            BitSet set = new BitSet();
            for (PortView input : step.inputs()) {
                set.or(upstreamOf(graph, input, upstream));
            }
            upstream[step.index()] = set;
        }
        return upstream;
    }

    /** The steps upstream of one input. */
    private static BitSet upstreamOf(WorkflowGraph graph, PortView input, BitSet[] upstream) {
        BitSet set = new BitSet();
        for (PipeView pipe : graph.pipesInto(input)) {
            set.set(pipe.from().step());
            set.or(upstream[pipe.from().step()]);
        }
        return set;
    }

    /**
     * Why a pull host may not make Flink deliver one input alone, or {@code null} when it may: in
     * STREAMING mode, when two of its inputs share an upstream step, holding one input back stalls
     * that step, and with it the other input (BATCH mode's blocking exchanges do not).
     */
    private String holdBackReason(StepView step, BitSet[] upstream) {
        if (!streaming) {
            return null;
        }
        List<PortView> inputs = step.inputs();
        for (int a = 0; a < inputs.size(); a++) {
            for (int b = a + 1; b < inputs.size(); b++) {
                BitSet shared = upstreamOf(graph, inputs.get(a), upstream);
                shared.and(upstreamOf(graph, inputs.get(b), upstream));
                if (!shared.isEmpty()) {
                    return "Its inputs '" + inputs.get(a) + "' and '" + inputs.get(b) + "' share upstream step '"
                            + graph.steps().get(shared.nextSetBit(0)).name()
                            + "', and in STREAMING mode Flink cannot hold one input back without stalling that"
                            + " step";
                }
            }
        }
        return null;
    }

    private void addStep(StepView step, BitSet[] upstream) {
        List<OutputTag<Object>> sideOutputs = new ArrayList<>();
        for (PortView output : step.outputs()) {
            sideOutputs.add(
                    output.index() == 0 || graph.pipesOutOf(output).isEmpty()
                            ? null
                            : new OutputTag<>(output.toString(), type(output)));
        }
        List<Boolean> chunkInputs = step.inputs().stream()
                .map(input ->
                        !input.bytes() && graph.pipesInto(input).stream().anyMatch(p -> Ends.carriesChunks(p.from())))
                .toList();
        String holdBack = holdBackReason(step, upstream);
        StepSpec spec = new StepSpec(
                workflow, step.index(), step.name(), sideOutputs, chunkInputs, holdBack == null, holdBack, period());
        TypeInformation<Object> mainType = step.outputs().isEmpty()
                        || graph.pipesOutOf(step.outputs().get(0)).isEmpty()
                ? untyped(BasicTypeInfo.VOID_TYPE_INFO)
                : type(step.outputs().get(0));
        List<DataStream<Object>> inputs =
                step.inputs().stream().map(this::inputStream).toList();
        SingleOutputStreamOperator<Object> operator;
        if (step instanceof ElementStepView element) {
            operator = inputs.get(0)
                    .transform(step.name(), mainType, new ElementOperator(spec))
                    .setParallelism(element.copies());
        } else {
            operator = switch (inputs.size()) {
                case 0 ->
                    untyped(env.fromSequence(0, 0).setParallelism(1).name(step.name() + " (start)"))
                            .transform(step.name(), mainType, new HostOperator(spec, true));
                case 1 -> inputs.get(0).transform(step.name(), mainType, new HostOperator(spec, false));
                case 2 ->
                    inputs.get(0)
                            .connect(inputs.get(1))
                            .transform(step.name(), mainType, new TwoInputHostOperator(spec));
                default -> {
                    MultipleInputTransformation<Object> transformation = new MultipleInputTransformation<>(
                            step.name(), new MultiInputHostOperator.Factory(spec, inputs.size()), mainType, 1);
                    inputs.forEach(input -> transformation.addInput(input.getTransformation()));
                    // unlike transform() on a stream, this one does not add the operator to the job:
                    // without this, a step of three or more inputs that feeds no other (a report at
                    // the end of a job) would silently not run
                    env.addOperator(transformation);
                    yield new MultipleConnectedStreams(env).transform(transformation);
                }
            };
            // a process step is one stream: one instance, whose order is the order of its items
            operator.setParallelism(1);
            if (streaming) {
                // a task thread waits inside a host while its body runs: a host chained to it
                // would get no turn from its timer, and what arrived would wait for a batch
                operator.startNewChain();
            }
        }
        for (PortView output : step.outputs()) {
            if (!graph.pipesOutOf(output).isEmpty()) {
                streams.put(
                        output,
                        output.index() == 0 ? operator : operator.getSideOutput(sideOutputs.get(output.index())));
            }
        }
    }

    /**
     * How long items may wait in a pull host for a batch to fill: in STREAMING mode, as long as
     * Flink lets records wait in its network buffers (its buffer timeout, 100 ms by default; at
     * least 1 ms; none when the timeout is -1, flush only when full); in BATCH mode, no limit.
     */
    private long period() {
        long timeout = env.getBufferTimeout();
        return !streaming || timeout < 0 ? 0 : Math.max(1, timeout);
    }

    /** The stream into {@code input}: its pipe's writer's, or the union of its pipes' writers'. */
    private DataStream<Object> inputStream(PortView input) {
        List<DataStream<Object>> from = graph.pipesInto(input).stream()
                .map(pipe -> Objects.requireNonNull(streams.get(pipe.from()), pipe::toString))
                .toList();
        if (from.size() == 1) {
            return from.get(0);
        }
        boolean sameType = from.stream().map(DataStream::getType).distinct().count() == 1;
        List<DataStream<Object>> union = sameType
                ? from
                : from.stream() // a union takes streams of one type: Kryo's, when their types differ
                        .map(s -> (DataStream<Object>) s.map(x -> x, new GenericTypeInfo<>(Object.class))
                                .name("to " + input))
                        .toList();
        DataStream<Object> merged = union.get(0);
        for (DataStream<Object> next : union.subList(1, union.size())) {
            merged = merged.union(next);
        }
        return merged;
    }

    /**
     * The type of the records of {@code output}'s stream: {@code byte[]} chunks for bytes, the
     * recorded item type where Flink has a serializer for it, Kryo otherwise. Says which in a log
     * line, for Kryo is several times slower.
     */
    private TypeInformation<Object> type(PortView output) {
        return types.computeIfAbsent(output, port -> {
            TypeInformation<?> type;
            if (Ends.carriesChunks(port)) {
                type = PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
            } else {
                type = TypeInformation.of(port.itemType().orElse(Object.class));
            }
            if (type instanceof GenericTypeInfo) {
                LOG.info(
                        "{}: items cross Flink edges as {} through Kryo, slower than a serializer for the type ({})",
                        port,
                        type.getTypeClass().getName(),
                        port.itemType().isPresent()
                                ? "Flink has none for this type; one can be named with Flink's @TypeInfo"
                                : "the step records no item type for this port");
            } else {
                // the type's own serializer: Flink's for basic types, POJOs and records, or one @TypeInfo names
                LOG.info("{}: items cross Flink edges as {}, not through Kryo", port, type);
            }
            return untyped(type);
        });
    }

    @SuppressWarnings("unchecked") // every stream of the job carries items as Objects
    private static TypeInformation<Object> untyped(TypeInformation<?> type) {
        return (TypeInformation<Object>) type;
    }

    @SuppressWarnings("unchecked") // every stream of the job carries items as Objects
    private static DataStream<Object> untyped(DataStream<?> stream) {
        return (DataStream<Object>) stream;
    }
}
