package io.mimo.flink;

import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A process step with one input, or none, in a {@link PullHost}. A step with no input (a source)
 * gets one trigger record from a one-element Flink source; it runs its whole body when that input
 * ends, emitting as it goes.
 */
final class HostOperator extends HostOperatorBase implements OneInputStreamOperator<Object, Object>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final boolean source;

    HostOperator(StepSpec spec, boolean source) {
        super(spec);
        this.source = source;
    }

    @Override
    public void processElement(StreamRecord<Object> element) throws Exception {
        if (!source) {
            host.add(0, spec.received(0, element.getValue()));
        }
    }

    @Override
    public void endInput() throws Exception {
        if (source) {
            host.finish();
        } else {
            host.end(0);
        }
    }
}
