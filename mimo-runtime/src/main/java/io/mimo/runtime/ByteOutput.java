package io.mimo.runtime;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;

/**
 * The writing end of a byte output port. {@link #write(ByteBuffer)} hands the buffer's remaining
 * bytes to the pipe without copying: the caller must not change them afterwards. Writes block
 * while the pipe holds its capacity in bytes (back-pressure).
 *
 * <p>Belongs to the one stream it was handed to; it is not for other threads.
 */
public interface ByteOutput {

    /** Hands {@code view}'s remaining bytes downstream (ownership passes; no copy). */
    void write(ByteBuffer view);

    /** This output as an {@link OutputStream}; each write copies the caller's bytes. */
    OutputStream asOutputStream();

    /** This output as a {@link WritableByteChannel}; each write copies the caller's bytes. */
    WritableByteChannel asChannel();

    /** The port's name, qualified by its stream: {@code "read.bytes"}. */
    String name();
}
