package io.mimo.runtime;

/**
 * The writing end of a stream's output port, handed to a running stream.
 *
 * <p>{@link #push(Object)} hands one item to every input this output is piped to, blocking while
 * a pipe is full (back-pressure). The output closes when the stream's method returns.
 *
 * <p>An output belongs to the one stream it was handed to; it is not for other threads.
 */
public interface Output<T> {

    /**
     * Pushes an item downstream, blocking while a pipe is full.
     *
     * @throws NullPointerException naming the stream and port when {@code item} is null
     */
    void push(T item);

    /** The port's name, qualified by its stream: {@code "fork.even"}. */
    String name();
}
