package io.mimo.runtime;

/**
 * A pipe as declared by {@link OutPort#pipe(InPort, int)}, before the workflow runs.
 *
 * @param capacity what the pipe holds, in items or, into a byte input, in bytes; or {@link #DEFAULT}
 *     for the workflow's default of that unit
 */
record DeclaredPipe(OutPort<?> from, InPort<?> to, int capacity) {
    static final int DEFAULT = 0;

    /** The capacity in effect within {@code workflow}, in items, or in bytes into a byte input. */
    int capacityIn(Workflow workflow) {
        return capacity != DEFAULT ? capacity : to.bytes() ? workflow.byteCapacity() : workflow.capacity();
    }

    @Override
    public String toString() {
        return from + " -> " + to;
    }
}
