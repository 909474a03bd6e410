/**
 * Zero-copy bytes: {@link io.mimo.runtime.bytes.ByteStream}, a FIFO of {@link java.nio.ByteBuffer}
 * views for one thread, and {@link io.mimo.runtime.bytes.BytePipe}, a bounded, blocking,
 * thread-safe pipe of views with end of stream and failure.
 */
package io.mimo.runtime.bytes;
