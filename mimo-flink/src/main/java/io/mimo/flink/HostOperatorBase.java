package io.mimo.flink;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;

/**
 * What the one- and two-input host operators share: a {@link PullHost} made in the task when the
 * operator opens, which runs the body to its end when Flink finishes the operator (emitting its
 * return value, if any) and stops it if the task closes first.
 */
abstract class HostOperatorBase extends AbstractStreamOperator<Object> {
    private static final long serialVersionUID = 1L;

    /** What the operator runs. */
    final StepSpec spec;

    /** The host, made in {@link #open()}. */
    transient PullHost host;

    HostOperatorBase(StepSpec spec) {
        this.spec = spec;
    }

    @Override
    public void open() throws Exception {
        super.open();
        host = spec.host(output);
        spec.nudgeEveryPeriod(getProcessingTimeService(), host);
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
