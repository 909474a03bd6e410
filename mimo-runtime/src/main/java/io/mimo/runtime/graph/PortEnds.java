package io.mimo.runtime.graph;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.ByteOutput;
import io.mimo.runtime.Input;
import io.mimo.runtime.Output;

/**
 * The reading and writing ends a runner hands a step, by port index (a port's
 * {@link PortView#index()}): what the step's body reads and writes through its
 * {@link io.mimo.runtime.Context}. The view checks, before it asks, that the port belongs to the
 * step and is of the kind asked for; a runner returns the end it made for that port, or throws an
 * exception that says why there is none (e.g. an input whose items reach the step through its
 * handler).
 */
public interface PortEnds {

    /** The reading end of item input {@code index}. */
    Input<?> input(int index);

    /** The writing end of item output {@code index}. */
    Output<?> output(int index);

    /** The reading end of byte input {@code index}. */
    ByteInput byteInput(int index);

    /** The writing end of byte output {@code index}. */
    ByteOutput byteOutput(int index);

    /**
     * The step declared that it will write {@code units} (0 or more) items or bytes in all
     * ({@link io.mimo.runtime.Context#expect(long)}); a runner that shows progress keeps it, the
     * default forgets it.
     */
    default void expect(long units) {}
}
