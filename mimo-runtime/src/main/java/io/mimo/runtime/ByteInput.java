package io.mimo.runtime;

import io.mimo.runtime.bytes.LineTooLongException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The reading end of a byte input port: the bytes written upstream, in order, as {@link ByteBuffer}
 * views of the writer's own memory (no copy). It is fed by exactly one pipe (the workflow refuses
 * more: interleaved bytes would mean nothing), from a byte output or from an item output of
 * {@code ByteBuffer}s.
 *
 * <h2>Reading</h2>
 * Every read blocks while the pipe holds nothing new and has not ended, and tells the end of the
 * input, once every byte written has been read and the writing stream has returned, in the manner
 * of its kind: {@code null} for views and lines, -1 for counts. Views come in the writer's
 * boundaries and byte order (or what is left of a view after smaller reads); each is a slice of
 * its own, so moving its position or limit disturbs nobody, but its bytes are shared with the
 * writer and, on a broadcast, with the other readers: treat them as read-only. Bytes are copied
 * only by {@link #read(ByteBuffer)}, by the stream and channel views, and by a line that spans
 * views.
 *
 * <p>No method here throws a checked exception. A failure elsewhere in the workflow stops it: a
 * blocked read then gives up by throwing an internal unchecked signal that the workflow does not
 * report, so let it pass (a {@code catch (RuntimeException e)} that swallows it only delays the
 * stream's end). A stream that returns without reading everything kills its pipe: the rest is
 * dropped and the writer is released, as for items.
 *
 * <h2>Lines</h2>
 * A line ends at {@code \n}; a {@code \r} right before it belongs to the terminator, a {@code \r}
 * anywhere else is data. A line that lies within one view comes back as a slice of it (no copy);
 * one that spans views is copied once. At the end, the bytes after the last terminator, if any,
 * are the last line. Memory stays bounded: the pipe does not count the start of the line a reader
 * waits to complete against its capacity (so lines longer than the capacity get through), and
 * {@code maxLength} bounds how much that can be.
 *
 * <h2>Stream and channel views</h2>
 * {@link #asInputStream()} and {@link #asChannel()} read the same bytes as the other methods (each
 * takes what the others have not) and block the same way, returning -1 at the end; they hold no
 * bytes of their own, so any of them may be mixed and several made. Closing one only closes that
 * view (its later reads throw {@code IOException}, or {@code ClosedChannelException}): the input
 * stays readable through the other methods, and its pipe dies only when the stream returns.
 *
 * <p>Belongs to the one stream it was handed to; it is not for other threads.
 */
public interface ByteInput {

    /**
     * Takes the next view as written upstream (or what remains of it), without copying; {@code null}
     * at the end of the input.
     */
    ByteBuffer readView();

    /**
     * Copies bytes into {@code dst}, advancing its position: at least one, blocking while none is
     * there, and as many as are there and fit. Returns the count, -1 at the end of the input, or 0
     * when {@code dst} has no room.
     */
    int read(ByteBuffer dst);

    /**
     * Takes the next line without its terminator ({@code \n} or {@code \r\n}), blocking until a
     * whole line or the end is there; {@code null} at the end. A line within one view is a slice of
     * it; the last line needs no terminator.
     *
     * @param maxLength the longest line accepted, in bytes, terminator not counted
     * @throws LineTooLongException naming this input and {@code maxLength}, once the input holds a
     *     longer line; nothing is consumed then, so the stream may read on by views
     * @throws IllegalArgumentException if {@code maxLength} is negative
     */
    ByteBuffer readLine(int maxLength);

    /** As {@link #readLine(int)}, but the line keeps its terminator; a last line without one comes as it is. */
    ByteBuffer readLineWithTerminator(int maxLength);

    /**
     * This input as a blocking {@link InputStream} for existing parsers: reads wait while nothing
     * is there and return -1 at the end. Its {@code transferTo} writes the views' arrays without an
     * extra copy. A new view each call; closing it closes only that view (see the class doc).
     */
    InputStream asInputStream();

    /**
     * This input as a blocking {@link ReadableByteChannel}, reading as {@link #read(ByteBuffer)}. A
     * new view each call; closing it closes only that view (see the class doc).
     */
    ReadableByteChannel asChannel();

    /** The port's name, qualified by its stream: {@code "parse.bytes"}. */
    String name();
}
