package io.mimo.runtime;

import java.time.Duration;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * The reading end of a stream's input port, handed to a running stream.
 *
 * <p>Follows {@link java.util.Deque}'s conventions: {@link #pop()} takes the next item and throws
 * {@link NoSuchElementException} once the input has ended; {@link #poll()} takes it and
 * {@link #peek()} looks at it without taking it, both returning {@code null} at the end. All three
 * block while the input is empty but not ended. An input ends when every output piped into it has
 * closed and its buffer is drained. Items never are {@code null}.
 *
 * <p>An input belongs to the one stream it was handed to; it is not for other threads.
 */
public interface Input<T> extends Iterable<T> {

    /** Takes the next item, blocking while none is ready; throws once the input has ended. */
    T pop();

    /** Takes the next item, blocking while none is ready; {@code null} once the input has ended. */
    T poll();

    /** Returns the next item without taking it, blocking while none is ready; {@code null} at the end. */
    T peek();

    /**
     * Takes the next item, waiting at most {@code timeout} for one; {@code null} when the time is up
     * or the input has ended ({@link #isEnded()} tells which). A zero or negative timeout does not
     * wait. A stream waiting here is never part of a deadlock: it goes on by itself when the time is
     * up, so the workflow does not count it as blocked.
     *
     * @throws NullPointerException if {@code timeout} is null
     */
    T poll(Duration timeout);

    /**
     * Whether the input has ended: every output piped into it has closed and every item has been
     * taken, so {@link #poll()} would return {@code null} at once. Never blocks; {@code false} while
     * an item is waiting or may still come.
     */
    boolean isEnded();

    /** The port's name, qualified by its stream: {@code "fork.input"}. */
    String name();

    /** Iterates until the input ends; each step takes an item as {@link #poll()} does. */
    @Override
    default Iterator<T> iterator() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return peek() != null;
            }

            @Override
            public T next() {
                return pop();
            }
        };
    }

    /** A sequential, ordered, non-null stream of the remaining items; ends with the input. */
    default java.util.stream.Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }
}
