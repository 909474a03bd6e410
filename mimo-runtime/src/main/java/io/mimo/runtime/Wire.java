package io.mimo.runtime;

/**
 * A pipe as declared by {@link OutPort#pipe(InPort, int)}, before the workflow runs.
 *
 * @param capacity items the pipe holds, or {@link #DEFAULT} for the workflow's default
 */
record Wire(OutPort<?> from, InPort<?> to, int capacity) {
    static final int DEFAULT = 0;

    /** The capacity in effect within {@code workflow}. */
    int capacityIn(Workflow workflow) {
        return capacity == DEFAULT ? workflow.capacity() : capacity;
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
