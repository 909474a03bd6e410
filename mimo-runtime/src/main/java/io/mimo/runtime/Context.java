package io.mimo.runtime;

import java.nio.ByteBuffer;

/**
 * What a running stream is handed: the reading and writing ends of its own ports.
 */
public interface Context {

    /** The reading end of one of this stream's input ports. */
    <T> Input<T> input(InPort<T> port);

    /** The writing end of one of this stream's output ports. */
    <T> Output<T> output(OutPort<T> port);

    /** The reading end of one of this stream's byte input ports. */
    ByteInput byteInput(InPort<ByteBuffer> port);

    /** The writing end of one of this stream's byte output ports. */
    ByteOutput byteOutput(OutPort<ByteBuffer> port);

    /**
     * Declares how much this stream will write in all, over all its outputs: {@code units} items,
     * or bytes for a stream that writes bytes (a source that maps a file knows its size; one that
     * reads a table, its rows). Call it once, when known; again if the estimate changes. Progress
     * is then what its outputs have taken so far, which the run counts anyway: the stream reports
     * nothing more. {@link WorkflowSnapshot.StreamSnapshot#expected()} tells it, and
     * {@link WorkflowSnapshot#progress()} and {@link ConsoleProgress} show the share done. A runner
     * that shows no progress ignores it.
     *
     * @throws IllegalArgumentException if {@code units} is negative
     */
    default void expect(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("a stream cannot expect to write " + units + " units: give 0 or more");
        }
    }
}
