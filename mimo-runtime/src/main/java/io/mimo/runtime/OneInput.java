package io.mimo.runtime;

/**
 * A step with exactly one input port, so that a one-output step can pipe straight into it
 * ({@code range.pipe(fork)}). Generated step classes implement it where it applies.
 */
public interface OneInput<T> {

    /** The step's only input port. */
    InPort<T> onlyInput();
}
