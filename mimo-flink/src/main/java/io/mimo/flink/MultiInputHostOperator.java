package io.mimo.flink;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.streaming.api.operators.AbstractInput;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorFactory;
import org.apache.flink.streaming.api.operators.AbstractStreamOperatorV2;
import org.apache.flink.streaming.api.operators.BoundedMultiInput;
import org.apache.flink.streaming.api.operators.Input;
import org.apache.flink.streaming.api.operators.InputSelectable;
import org.apache.flink.streaming.api.operators.InputSelection;
import org.apache.flink.streaming.api.operators.MultipleInputStreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperator;
import org.apache.flink.streaming.api.operators.StreamOperatorParameters;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A process step with three inputs or more in a {@link PullHost}; Flink delivers the input its
 * body waits on, where the graph allows ({@link StepSpec#selective()}).
 */
final class MultiInputHostOperator extends AbstractStreamOperatorV2<Object>
        implements MultipleInputStreamOperator<Object>, BoundedMultiInput, InputSelectable {
    private static final long serialVersionUID = 1L;

    // made in the task, never shipped: the factory is what Flink serializes
    private final transient PullHost host;
    private final transient List<HostInput> inputs = new ArrayList<>();
    private final transient StepSpec spec;

    private MultiInputHostOperator(StreamOperatorParameters<Object> parameters, StepSpec spec, int inputCount) {
        super(parameters, inputCount);
        this.spec = spec;
        host = spec.host(output);
        for (int i = 1; i <= inputCount; i++) {
            inputs.add(new HostInput(i));
        }
    }

    @Override
    @SuppressWarnings("rawtypes") // Flink's own signature
    public List<Input> getInputs() {
        return List.copyOf(inputs);
    }

    /** Input {@code inputId} (from 1, as Flink counts) of the host. */
    // AbstractInput's getRecordProcessor is declared generic in its interface and not in the class
    @SuppressWarnings("unchecked")
    private final class HostInput extends AbstractInput<Object, Object> {
        HostInput(int inputId) {
            super(MultiInputHostOperator.this, inputId);
        }

        @Override
        public void processElement(StreamRecord<Object> element) throws Exception {
            host.add(inputId - 1, spec.received(inputId - 1, element.getValue()));
        }
    }

    @Override
    public InputSelection nextSelection() {
        return StepSpec.selection(host.waitingFor());
    }

    @Override
    public void endInput(int inputId) throws Exception {
        host.end(inputId - 1);
    }

    @Override
    public void open() throws Exception {
        super.open();
        spec.nudgeEveryPeriod(getProcessingTimeService(), host);
    }

    @Override
    public void finish() throws Exception {
        host.finish();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        host.close();
        super.close();
    }

    /** Makes the operator in its task: a multiple-input operator is built there, from its parameters. */
    static final class Factory extends AbstractStreamOperatorFactory<Object> {
        private static final long serialVersionUID = 1L;

        private final StepSpec spec;
        private final int inputCount;

        Factory(StepSpec spec, int inputCount) {
            this.spec = spec;
            this.inputCount = inputCount;
        }

        @Override
        @SuppressWarnings({"unchecked", "TypeParameterUnusedInFormals"}) // Flink's generic factory method
        public <T extends StreamOperator<Object>> T createStreamOperator(StreamOperatorParameters<Object> parameters) {
            return (T) new MultiInputHostOperator(parameters, spec, inputCount);
        }

        @Override
        @SuppressWarnings("rawtypes") // Flink's own signature
        public Class<? extends StreamOperator> getStreamOperatorClass(ClassLoader classLoader) {
            return MultiInputHostOperator.class;
        }
    }
}
