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
}
