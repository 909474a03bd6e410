package io.mimo.flink;

import io.mimo.runtime.Workflow;
import io.mimo.runtime.graph.ElementStepView;
import io.mimo.runtime.graph.ProcessStepView;
import io.mimo.runtime.graph.WorkflowGraph;
import java.io.Serializable;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.operators.InputSelection;
import org.apache.flink.streaming.api.operators.Output;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.tasks.ProcessingTimeService;
import org.apache.flink.util.OutputTag;

/**
 * What an operator of a mimo job ships to its task: how to build the workflow, which step of it
 * to run (by position), and how its ports meet Flink's streams. The step itself is built in the
 * task, so generated step classes need not be serializable.
 *
 * @param workflow builds the workflow, in each task
 * @param index the step's position in the workflow's graph
 * @param name the step's name, to check that the task built the same workflow
 * @param sideOutputs per output port, the side output it is emitted to; {@code null} for output 0
 *     (the operator's main output) and for outputs that feed nothing
 * @param chunkInputs per input port, whether it is an item input fed by {@code byte[]} chunks,
 *     which it reads as {@code ByteBuffer}s
 * @param selective whether a pull host may make Flink deliver only the input its body waits on
 * @param holdBackReason why it may not, for the deadlock error
 * @param periodMillis in STREAMING mode, how long items may wait in a pull host for a batch to
 *     fill (Flink's buffer timeout); 0 in BATCH mode, where only throughput counts
 */
record StepSpec(
        SerializableSupplier<Workflow> workflow,
        int index,
        String name,
        List<OutputTag<Object>> sideOutputs,
        List<Boolean> chunkInputs,
        boolean selective,
        String holdBackReason,
        long periodMillis)
        implements Serializable {

    /** Builds the workflow in this task and returns its graph, checked to be the one the job was made from. */
    WorkflowGraph graph() {
        WorkflowGraph graph = workflow.get().graph();
        if (graph.steps().size() <= index || !graph.steps().get(index).name().equals(name)) {
            throw new IllegalStateException("the workflow supplier built workflow '" + graph.name()
                    + "' without step '" + name + "' at position " + index
                    + " in a Flink task: it must build the same workflow every time it is called");
        }
        return graph;
    }

    /** The element step this operator runs, built in this task. */
    ElementStepView elementStep() {
        return (ElementStepView) graph().steps().get(index);
    }

    /** A pull host for the process step this operator runs, built in this task, emitting to {@code output}. */
    PullHost host(Output<StreamRecord<Object>> output) {
        WorkflowGraph graph = graph();
        return new PullHost(
                graph.name(),
                (ProcessStepView) graph.steps().get(index),
                emitter(output),
                selective,
                holdBackReason,
                graph.growthLimit(),
                graph.byteGrowthLimit(),
                TimeUnit.MILLISECONDS.toNanos(periodMillis));
    }

    /**
     * Calls {@code host}'s {@link PullHost#nudge()} on the task thread every period, in STREAMING
     * mode, until the host finishes or closes.
     */
    void nudgeEveryPeriod(ProcessingTimeService time, PullHost host) {
        if (periodMillis > 0) {
            host.nudgedBy(time.scheduleWithFixedDelay(now -> host.nudge(), periodMillis, periodMillis));
        }
    }

    /** Emits output 0 to the operator's main output, the others to their side outputs. */
    Emitter emitter(Output<StreamRecord<Object>> output) {
        StreamRecord<Object> main = new StreamRecord<>(null);
        return (port, item) -> {
            if (port == 0) {
                output.collect(main.replace(item));
            } else {
                output.collect(sideOutputs.get(port), new StreamRecord<>(item));
            }
        };
    }

    /** What Flink delivered to input {@code input}, as the step reads it. */
    Object received(int input, Object value) {
        return chunkInputs.get(input) && value instanceof byte[] chunk ? ByteBuffer.wrap(chunk) : value;
    }

    /** Flink's selection for a host whose body waits for {@code waitingFor} ({@link PullHost#ANY}: all). */
    static InputSelection selection(int waitingFor) {
        return waitingFor == PullHost.ANY
                ? InputSelection.ALL
                : new InputSelection.Builder().select(waitingFor + 1).build();
    }

    /** Whether {@code thrown} is, or was caused by, a step's failure reported already (downstream). */
    static boolean reported(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof StepFailure) {
                return true;
            }
        }
        return false;
    }
}
