package io.mimo.runtime.engine;

import io.mimo.runtime.bytes.BytePipe;
import io.mimo.runtime.bytes.PipeClosedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A pipe into a byte input, bounded in bytes. Its bytes are held by a {@link BytePipe}, the
 * library's standalone thread-safe byte pipe, which this class drives through its non-blocking
 * try-operations: so views, lines, capacity and the start of a waiting line are handled by one
 * piece of code for both, and only the waiting differs. Here a writer waits for room through
 * {@link #awaitRoom()} (this pipe is its {@link Blocker}), and the reader waits on its
 * {@link ByteInputEnd}, both through {@link RunningStream#await}; the {@code BytePipe}'s own
 * conditions are never waited on.
 *
 * <p>Capacity is as in {@code BytePipe}: a write waits while the pipe holds its capacity or more,
 * then takes the whole view, however large, so a view larger than the capacity never deadlocks;
 * and the start of a line a reader waits to complete is not counted. Deadlock resolution doubles
 * the capacity like an item pipe's, up to the workflow's byte growth limit.
 *
 * <p>Race-freedom (see {@link RunningStream#await}): every access to the {@code BytePipe} takes its
 * lock, and lock and unlock are synchronization actions, totally ordered with the volatile
 * accesses to {@link RunningStream#waitingOn}. A waker changes the pipe (lock, change, unlock) before
 * it reads {@code waitingOn}; a waiter publishes {@code waitingOn} before it re-checks the pipe
 * (lock, look, unlock). So either the waiter's look comes after the change, or the waker's read
 * comes after the waiter published: no wake-up is lost.
 *
 * <p>End and death map onto the {@code BytePipe}'s sides: {@link #closing()} closes its writing
 * side (the reader then gets the rest, then the end, and a last line without terminator), and
 * {@link #dropData()} closes its reading side (bytes held are dropped, and a write racing with it
 * is refused, which counts as a write into a dead pipe: dropped).
 */
final class ByteInputPipe extends Pipe {
    private final BytePipe bytes;
    /** Bytes handed over so far: written by the writer only; read by statistics, which may see it late. */
    private volatile long written;

    private int capacity;

    /**
     * @param portName the byte input's name, which {@code LineTooLongException} and the like name
     */
    ByteInputPipe(
            RunningStream writer, RunningStream reader, String name, String portName, int capacity, int growthLimit) {
        super(writer, reader, name, growthLimit);
        this.capacity = capacity;
        this.bytes = new BytePipe("byte input '" + portName + "'", capacity);
    }

    /** The reading side, for the {@link ByteInputEnd} that reads this pipe. */
    BytePipe.Source source() {
        return bytes.source();
    }

    /**
     * Writer's thread: hands {@code view}'s remaining bytes over (no copy; its position is not
     * moved), waiting for room.
     *
     * @return {@code false} if the pipe is dead and the view was dropped
     */
    @SuppressWarnings("NonAtomicVolatileUpdate") // written by the writer's thread alone
    boolean write(ByteBuffer view) {
        while (!dead()) {
            try {
                int size = view.remaining();
                if (bytes.sink().tryWrite(view)) {
                    written += size;
                    afterWrite();
                    return true;
                }
            } catch (PipeClosedException e) {
                // The reader ended (dropData closed the reading side) between our look at dead()
                // and the write: a write into a dead pipe.
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e); // the engine never fails a side
            }
            awaitRoom();
        }
        return false;
    }

    @Override
    void closing() {
        bytes.sink().close();
    }

    @Override
    boolean hasRoom() {
        return bytes.sink().ready();
    }

    @Override
    boolean hasData() {
        return bytes.byteCount() > 0;
    }

    @Override
    void dropData() {
        droppedBytes = bytes.byteCount();
        bytes.source().close();
    }

    /** Reader's thread, once, when its stream ends: bytes never read, so {@link #crossed()} leaves them out. */
    private volatile long droppedBytes;

    @Override
    boolean grow(int limit) {
        if (capacity >= limit) {
            return false;
        }
        capacity = (int) Math.min(2L * capacity, limit);
        bytes.setCapacity(capacity);
        growths++;
        return true;
    }

    @Override
    long size() {
        return bytes.byteCount();
    }

    @Override
    int capacity() {
        return capacity;
    }

    @Override
    long crossed() {
        return written - bytes.byteCount() - droppedBytes;
    }

    @Override
    String unit() {
        return "bytes";
    }
}
