package io.mimo.flink;

/**
 * Why a task of a mimo job failed, as the runner reports it: a stream's failure (its name and its
 * exception) or a deadlock (no stream). Thrown inside the job and found again in the cause chain
 * of Flink's job failure, where {@link FlinkRunner} turns it into a
 * {@link io.mimo.runtime.WorkflowException}.
 */
final class StepFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** The failing stream's name, or {@code null} for a deadlock. */
    private final String stream;

    private StepFailure(String message, String stream, Throwable cause) {
        super(message, cause);
        this.stream = stream;
    }

    /** Stream {@code stream} threw {@code cause}: the message reads as the local runner's. */
    static StepFailure of(String stream, Throwable cause) {
        String reason = cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getName();
        return new StepFailure("stream '" + stream + "' failed: " + reason, stream, cause);
    }

    /** No one stream is at fault: the job cannot go on. */
    static StepFailure deadlock(String message) {
        return new StepFailure(message, null, null);
    }

    /** The failing stream's name, or {@code null}. */
    String stream() {
        return stream;
    }
}
