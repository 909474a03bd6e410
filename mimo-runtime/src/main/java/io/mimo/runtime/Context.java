package io.mimo.runtime;

/**
 * What a running stream is handed: the reading and writing ends of its own ports.
 */
public interface Context {

    /** The reading end of one of this stream's input ports. */
    <T> Input<T> input(InPort<T> port);

    /** The writing end of one of this stream's output ports. */
    <T> Output<T> output(OutPort<T> port);
}
