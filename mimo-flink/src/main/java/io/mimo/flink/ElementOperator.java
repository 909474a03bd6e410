package io.mimo.flink;

import io.mimo.runtime.ElementStep;
import io.mimo.runtime.graph.ElementStepView;
import java.util.function.IntFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * An element step as a Flink operator: its handler is called per record on the task thread, so it
 * chains with the operator feeding it. It holds no Flink state, so a job can checkpoint it.
 */
final class ElementOperator extends AbstractStreamOperator<Object>
        implements OneInputStreamOperator<Object, Object>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final StepSpec spec;
    private transient Ends ends;
    private transient ElementStep.ItemHandler<Object> handler;

    ElementOperator(StepSpec spec) {
        this.spec = spec;
    }

    @Override
    public void open() throws Exception {
        super.open();
        ElementStepView step = spec.elementStep();
        ends = new Ends(step, spec.emitter(output), refused(step), refused(step));
        try {
            handler = step.open(ends);
        } catch (Exception e) {
            throw failure(e);
        }
    }

    @Override
    public void processElement(StreamRecord<Object> element) throws Exception {
        try {
            handler.accept(spec.received(0, element.getValue()));
        } catch (Exception e) {
            throw failure(e);
        }
    }

    @Override
    public void endInput() throws Exception {
        try {
            ends.flush();
        } catch (RuntimeException e) {
            throw failure(e);
        }
    }

    /** The ends of an element step's input, which it does not read: items come through its handler. */
    private static <T> IntFunction<T> refused(ElementStepView step) {
        return i -> {
            throw new IllegalStateException("element step '" + step.name() + "' gets its items through its handler");
        };
    }

    /** This step's failure, unless a step it pushed to (chained) failed: that one's passes as it is. */
    private Exception failure(Exception e) {
        return StepSpec.reported(e) ? e : StepFailure.of(spec.name(), e);
    }
}
