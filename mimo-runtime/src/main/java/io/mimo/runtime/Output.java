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

    /**
     * Pushes an item only if no pipe of this output is full, and says whether it did: all or nothing
     * for an output piped to several inputs. Never waits for room, so a stream can drop, sample or do
     * something else instead of waiting. An element step fused into this output (see
     * {@link Workflow}) is called at once when the pipes out of it, and out of the steps fused after
     * it, have room for an item; one that pushes several items for one may still wait for room as any
     * push does. Into a discarded output, or once every reader has ended, it behaves as
     * {@link #push(Object)} does (the item is dropped) and returns {@code true}.
     *
     * @return whether the item was pushed
     * @throws NullPointerException naming the stream and port when {@code item} is null
     */
    boolean offer(T item);

    /** The port's name, qualified by its stream: {@code "fork.even"}. */
    String name();
}
