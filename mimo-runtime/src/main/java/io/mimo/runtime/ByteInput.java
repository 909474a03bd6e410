package io.mimo.runtime;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;

/**
 * The reading end of a byte input port: the bytes written upstream, in order, as {@link ByteBuffer}
 * views of the writer's own buffers (no copy). Reads block while the pipe is empty but not ended.
 * It is also an {@link InputStream} and a {@link ReadableByteChannel} for existing parsers.
 *
 * <p>Belongs to the one stream it was handed to; it is not for other threads.
 */
public interface ByteInput {

    /** The next view as written upstream (or what remains of it); {@code null} at end of stream. */
    ByteBuffer readView();

    /** This input as a blocking {@link InputStream}; closing it does not end the pipe for others. */
    InputStream asInputStream();

    /** This input as a blocking {@link ReadableByteChannel}. */
    ReadableByteChannel asChannel();

    /** The port's name, qualified by its stream: {@code "parse.bytes"}. */
    String name();
}
