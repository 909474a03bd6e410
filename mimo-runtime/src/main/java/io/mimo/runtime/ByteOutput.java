package io.mimo.runtime;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The writing end of a byte output port.
 *
 * <h2>Writing views</h2>
 * {@link #write(ByteBuffer)} hands the buffer's remaining bytes downstream without copying them:
 * ownership passes, so the caller must not change those bytes afterwards (its position, limit and
 * mark are not moved, and it may keep using them). Piped to several inputs, the output broadcasts:
 * each reader gets every byte, as slices of its own of the same memory, so no reader can disturb
 * another's positions.
 *
 * <h2>Back-pressure</h2>
 * A pipe into a byte input is bounded in bytes: the workflow's {@link Workflow#byteCapacity() byte
 * capacity}, or the capacity given to {@link OutPort#pipe(InPort, int)}. A write blocks while a
 * pipe holds its capacity or more, then takes the whole view however large: a view larger than
 * the capacity goes through as soon as the pipe holds less, so large writes never deadlock. With
 * several pipes, the slowest reader sets the pace. A pipe into an item input of
 * {@code ByteBuffer}s (or {@code Object}s) is an item pipe: each view is one item, and the pipe is
 * bounded in items.
 *
 * <h2>Stream and channel views</h2>
 * {@link #asOutputStream()} and {@link #asChannel()} copy the caller's bytes (it may reuse its
 * array or buffer) into chunks this output owns, handed downstream in batches of 8 KiB (a write of
 * 8 KiB or more is copied and handed over at once, as one view). What they hold is handed over on
 * {@link #flush()}, before the next {@link #write(ByteBuffer)} (so bytes keep the order in which
 * they were written, whichever way), and when the stream returns: nothing written is lost. Closing
 * one flushes it and closes only that view; the output ends when the stream returns, as every
 * output does.
 *
 * <h2>When nobody reads</h2>
 * A pipe whose reader has ended is dead: what is written into it is dropped. Once every pipe of
 * every output of the stream is dead, its next write ends it quietly, as if it had returned, as
 * for items. No method here throws a checked exception.
 *
 * <p>Belongs to the one stream it was handed to; it is not for other threads.
 */
public interface ByteOutput {

    /**
     * Hands {@code view}'s remaining bytes downstream (ownership passes; no copy; its position is
     * not moved), after what the stream and channel views hold; blocks while a pipe is full.
     *
     * @throws NullPointerException naming the stream and port when {@code view} is null
     */
    void write(ByteBuffer view);

    /** Hands downstream what the stream and channel views hold; blocks while a pipe is full. */
    void flush();

    /**
     * This output as an {@link OutputStream} that copies the caller's bytes (see the class doc). A
     * new view each call; all share this output's pending bytes.
     */
    OutputStream asOutputStream();

    /**
     * This output as a {@link WritableByteChannel}: each write copies the caller's remaining bytes
     * and consumes them (see the class doc). A new view each call; all share this output's pending
     * bytes.
     */
    WritableByteChannel asChannel();

    /** The port's name, qualified by its stream: {@code "read.bytes"}. */
    String name();
}
