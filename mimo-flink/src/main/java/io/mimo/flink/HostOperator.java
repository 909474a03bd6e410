package io.mimo.flink;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * A process step with one input, or none, in a {@link PullHost}. A step with no input (a source)
 * gets one trigger record from a one-element Flink source; it runs its whole body when that input
 * ends, emitting as it goes.
 */
final class HostOperator extends AbstractStreamOperator<Object>
        implements OneInputStreamOperator<Object, Object>, BoundedOneInput {
    private static final long serialVersionUID = 1L;

    private final StepSpec spec;
    private final boolean source;
    private transient PullHost host;

    HostOperator(StepSpec spec, boolean source) {
        this.spec = spec;
        this.source = source;
    }

    @Override
    public void open() throws Exception {
        super.open();
        host = spec.host(output);
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

    @Override
    public void finish() throws Exception {
        host.finish();
        super.finish();
    }

    @Override
    public void close() throws Exception {
        if (host != null) {
            host.close();
        }
        super.close();
    }
}
