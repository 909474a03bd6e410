package io.mimo.flink;

import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.InputSelectable;
import org.apache.flink.streaming.api.operators.InputSelection;
import org.apache.flink.streaming.api.operators.TwoInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A process step with two inputs in a {@link PullHost}; Flink delivers the input its body waits
 * on, where the graph allows ({@link StepSpec#selective()}).
 */
final class TwoInputHostOperator extends HostOperatorBase
        implements TwoInputStreamOperator<Object, Object, Object>, BoundedMultiInput, InputSelectable {
    private static final long serialVersionUID = 1L;

    TwoInputHostOperator(StepSpec spec) {
        super(spec);
    }

    @Override
    public void processElement1(StreamRecord<Object> element) throws Exception {
        host.add(0, spec.received(0, element.getValue()));
    }

    @Override
    public void processElement2(StreamRecord<Object> element) throws Exception {
        host.add(1, spec.received(1, element.getValue()));
    }

    @Override
    public InputSelection nextSelection() {
        return StepSpec.selection(host.waitingFor());
    }

    @Override
    public void endInput(int inputId) throws Exception {
        host.end(inputId - 1);
    }
}
