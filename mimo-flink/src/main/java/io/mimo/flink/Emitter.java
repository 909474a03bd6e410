package io.mimo.flink;

/**
 * Where the ends of a step hand what it pushes: to Flink's output at once (an element step, on the
 * task thread) or into the pull host's batch (a process step, on its own thread).
 */
@FunctionalInterface
interface Emitter {
    /** Hands {@code item} (never {@code null}) to the stream of output {@code output}. */
    void emit(int output, Object item);
}
