package io.mimo.runtime.engine;

/**
 * An unchecked signal the engine throws through a stream's code to end it. It is never reported
 * as a failure, even when user code wraps it as the cause of its own exception. Shared instances:
 * no stack trace, no suppression, so throwing one costs nothing.
 */
@SuppressWarnings("StaticAssignmentOfThrowable") // shared on purpose: no stack trace, thrown to unwind, never reported
abstract sealed class Signal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Signal(String message) {
        super(message, null, false, false);
    }

    /** The workflow is stopping (a stream failed, it deadlocked or was cancelled): end now. */
    static final class Stopped extends Signal {
        private static final long serialVersionUID = 1L;
        static final Stopped INSTANCE = new Stopped();

        private Stopped() {
            super("the workflow is stopping: a stream failed, it deadlocked or it was cancelled");
        }
    }

    /**
     * Every reader of every output of this stream has ended, so nothing it pushes can be read: it
     * ends as if it had returned (the SIGPIPE rule).
     */
    static final class BrokenPipe extends Signal {
        private static final long serialVersionUID = 1L;
        static final BrokenPipe INSTANCE = new BrokenPipe();

        private BrokenPipe() {
            super("every reader of this stream's outputs has ended");
        }
    }
}
