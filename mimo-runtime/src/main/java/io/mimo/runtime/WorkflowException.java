package io.mimo.runtime;

/**
 * A workflow did not complete: a stream failed (the cause is its exception; failures of other
 * streams after it are suppressed), the workflow deadlocked, or it was cancelled.
 */
public class WorkflowException extends RuntimeException {
    /** Serialisation version. */
    private static final long serialVersionUID = 1L;

    /** The failing stream's name, or {@code null}. */
    private final String stream;

    /**
     * An exception saying why a workflow did not complete.
     *
     * @param message what happened, naming the stream or the workflow
     * @param stream the failing stream's name, or {@code null} when no one stream is at fault */
    public WorkflowException(String message, String stream, Throwable cause) {
        super(message, cause);
        this.stream = stream;
    }

    /** The failing stream's name, or {@code null} when no one stream is at fault (deadlock, cancel). */
    public String stream() {
        return stream;
    }
}
