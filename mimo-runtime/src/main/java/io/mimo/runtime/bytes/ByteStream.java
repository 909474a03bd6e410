package io.mimo.runtime.bytes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.GatheringByteChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A first-in first-out stream of bytes held as {@link ByteBuffer} views, without copying: the Java
 * counterpart of Python's {@code streamview.Stream}. Not thread-safe, never blocks; see
 * {@link BytePipe} for the blocking, thread-safe pipe between two threads.
 *
 * <h2>Views and ownership</h2>
 * Writing a buffer hands its remaining bytes over: the stream keeps a slice of them, so the
 * caller's position, limit and mark are never disturbed, but the caller must not change those
 * bytes afterwards. Reading hands views back: slices of the written memory, in the byte order of
 * the buffer they came from. Bytes are copied only where a method says so: {@link #read(int)},
 * {@link #readLine(int)} and {@link #toView()} when the bytes asked for span views,
 * {@link #readInto}, {@link #toByteArray()}, {@link #deepCopy()}, {@link #asOutputStream()} and
 * the {@code readFrom} methods (which fill memory the stream owns). A buffer that a read copies
 * into is on the heap, in the byte order of the first view it copies from. Empty views are never
 * stored.
 *
 * <h2>Nothing to read</h2>
 * A stream has no end: being empty only means "nothing yet", as a non-blocking channel returning
 * 0. So reads on an empty stream return an empty buffer (views) or 0 (counts), and
 * {@link #readLine(int)} returns {@code null} while no whole line is held. Nothing here returns -1
 * for end of stream, except {@link #readFrom} passing on its source's end and
 * {@link #asInputStream()}, where an empty stream reads as the end.
 *
 * <h2>Lines</h2>
 * A line ends at {@code \n}; a {@code \r} right before that {@code \n} belongs to the terminator,
 * and a {@code \r} anywhere else is data. {@link #readLine(int)} returns the line without its
 * terminator, {@link #readLineWithTerminator(int)} with it; both split lines wherever they lie,
 * across views or inside one, and a line inside one view comes back as a slice of it, uncopied.
 * Both take a maximum length (in bytes, terminator not counted) and throw
 * {@link LineTooLongException} once the stream holds a longer line. A last line without terminator
 * stays in the stream until its terminator arrives; at the end of the input, take it with
 * {@link #read()} ({@link BytePipe.Source#readLine(int)}, which knows the end, does this itself).
 *
 * <h2>Arguments</h2>
 * No argument means "everything" or "counted from the end" by being negative, as it does in
 * Python: a negative number is refused, so that an arithmetic slip fails where it happens.
 * <ul>
 * <li>A count or size ({@code maxBytes}, {@code maxLength}, {@code byteCount}, {@code size}, and
 * {@link #map}'s {@code position}) must be 0 or more, and {@code viewSize} 1 or more; otherwise an
 * {@link IllegalArgumentException} names the argument, its value and what it may be. A count may
 * exceed what the stream holds: {@link #read(int)}, {@link #read1(int)} and {@link #skip(long)}
 * then take what there is, and {@link #truncate(long)} keeps it all; 0 takes nothing, and
 * {@code truncate(0)} keeps nothing.
 * <li>An index must lie in its range: {@link #peek(int)}'s in {@code [0, viewCount())},
 * {@link #getByte(long)}'s in {@code [0, byteCount())}, {@link #indexOf(byte, long, long)}'s
 * {@code 0 <= fromIndex <= toIndex} (both may pass {@code byteCount()}), and an array's
 * {@code offset} and {@code length} within the array; otherwise an
 * {@link IndexOutOfBoundsException} names the index, its value and the range.
 * </ul>
 * For what Python spells with -1, call {@link #read()} ({@code read(-1)}), {@link #readView()}
 * ({@code read1(-1)}), {@link #truncate(long) truncate(0)} ({@code truncate(-1)}) and
 * {@link #peek(int) peek(viewCount() - 1)} ({@code stream[-1]}). Only {@link #asInputStream()}'s
 * {@link InputStream#skip(long) skip} takes a negative count, returning 0, as its contract says.
 * A refused call changes nothing.
 *
 * <h2>Closing</h2>
 * {@link #close()} drops every view the stream holds, and the memory it owns for
 * {@link #asOutputStream()} and {@link #readFrom}, so that memory (a file mapping too) is freed
 * once nothing else references it; views handed out before stay valid, as Java cannot revoke a
 * buffer. A closed stream refuses further use: every method but {@code close()} (which does
 * nothing the second time) and {@link #toString()} throws {@link IllegalStateException}, and so
 * do the reads, skips, writes and {@code available()} of the {@link InputStream} and
 * {@link OutputStream} it handed out (their {@code close()} and {@code flush()} still do
 * nothing). A closed stream that read as empty would be worse: empty means "nothing yet" here,
 * so its reader would wait for bytes that never come, and a write would hold memory that nobody
 * reads. {@code ByteStream} is {@link AutoCloseable}, not {@link java.io.Closeable}: it is memory,
 * not an I/O resource, and closing it cannot fail, so {@code close()} declares no exception and
 * try-with-resources needs no {@code catch}.
 *
 * <h2>streamview, operation by operation</h2>
 * <table>
 * <caption>streamview's {@code Stream} and its counterpart here</caption>
 * <tr><th>streamview</th><th>ByteStream</th></tr>
 * <tr><td>{@code write(b)}, {@code writelines(bs)}</td><td>{@link #write(byte[])}, {@link #write(byte[], int, int)}, {@link #writeViews(ByteBuffer...)}</td></tr>
 * <tr><td>{@code writeview(v)}, {@code writeviews(vs)}</td><td>{@link #writeView(ByteBuffer)}, {@link #writeViews(Iterable)}</td></tr>
 * <tr><td>{@code readview()}, {@code readviews()}</td><td>{@link #readView()}, {@link #readViews()}</td></tr>
 * <tr><td>{@code unreadview(v)}</td><td>{@link #unreadView(ByteBuffer)}</td></tr>
 * <tr><td>{@code unwriteview()}</td><td>{@link #unwriteView()}</td></tr>
 * <tr><td>{@code read(n)}, {@code read()}</td><td>{@link #read(int)}, {@link #read()}</td></tr>
 * <tr><td>{@code read1(n)}</td><td>{@link #read1(int)}</td></tr>
 * <tr><td>{@code readinto(b)}</td><td>{@link #readInto(ByteBuffer)}, {@link #readInto(byte[], int, int)}</td></tr>
 * <tr><td>{@code readinto1(b)}</td><td>{@link #read1(int)}, then {@link ByteBuffer#put(ByteBuffer)} if a copy is needed</td></tr>
 * <tr><td>{@code readline()}, {@code readlines()}</td><td>{@link #readLine(int)}, {@link #readLineWithTerminator(int)} (called in a loop)</td></tr>
 * <tr><td>{@code seek(n)}</td><td>{@link #skip(long)}</td></tr>
 * <tr><td>{@code truncate(n)}</td><td>{@link #truncate(long)}</td></tr>
 * <tr><td>{@code views}, {@code stream[i]}</td><td>{@link #views()}, {@link #peek(int)} (counted from the head only)</td></tr>
 * <tr><td>{@code len(stream)}, {@code nbytes}, {@code bool(stream)}</td><td>{@link #viewCount()}, {@link #byteCount()}, {@link #isEmpty()}</td></tr>
 * <tr><td>{@code Stream.frombuffer(b)}</td><td>{@link #fromBuffer(ByteBuffer)}</td></tr>
 * <tr><td>{@code toview()}, {@code bytes(stream)}</td><td>{@link #toView()}, {@link #toByteArray()} (these two do not consume)</td></tr>
 * <tr><td>{@code copy.copy(s)}, {@code copy.deepcopy(s)}</td><td>{@link #copy()}, {@link #deepCopy()}</td></tr>
 * <tr><td>{@code close()}, {@code with stream:}</td><td>{@link #close()}, try-with-resources</td></tr>
 * <tr><td>the {@code io.BufferedIOBase} it is</td><td>{@link #asInputStream()}, {@link #asOutputStream()}, {@link #readFrom}, {@link #writeTo}</td></tr>
 * </table>
 *
 * <h2>Where it differs from streamview, on purpose</h2>
 * <ol>
 * <li><b>Nothing to read.</b> On an empty stream streamview's {@code readview}, {@code unwriteview},
 * {@code read1}, {@code read} (even {@code read()} and {@code read(0)}), {@code readinto},
 * {@code readinto1} and {@code readline} raise {@code BlockingIOError}; here they return an empty
 * buffer, 0 or {@code null} (see "Nothing to read"), as a non-blocking Java channel returns 0
 * rather than throwing. ({@code toview()} and {@code seek} return empty and 0 in both.)
 * <li><b>Lines.</b> streamview's {@code readline} leaves the {@code \n} in the stream (so later
 * calls never get past it) and, without one, returns everything as a line; {@code readLine} here
 * consumes the terminator and waits for it.
 * <li><b>Looking is not reading.</b> streamview's {@code toview()} is {@code read()}, and
 * {@code bytes(stream)} calls it, so both empty the stream; {@link #toView()} and
 * {@link #toByteArray()} leave it as it was, as Java's {@code toByteArray} methods do. To take
 * everything, call {@link #read()}.
 * <li><b>Deep copies.</b> streamview's {@code deepcopy} reads its copy back as one view: the
 * views of a stream of many are merged into one copy, a one-view stream's copy still shares that
 * view's memory, and an empty stream's raises {@code BlockingIOError}. {@link #deepCopy()} copies
 * each view on its own, keeping the boundaries (and byte order, and heap or direct memory), never
 * shares memory, and copies an empty stream as an empty stream.
 * <li><b>Negative arguments.</b> streamview reads them Python's way: {@code read(-1)} reads
 * everything, {@code read1(-1)} the whole head view, {@code truncate(-1)} empties the stream,
 * {@code seek(-1)} consumes nothing, and {@code stream[-1]} is the last view. Here they are
 * refused (see "Arguments").
 * <li><b>Closing.</b> streamview's {@code close()} releases its views (the very memoryviews that
 * {@code stream[i]} and {@code views} gave out) and the stream stays usable; here {@code close()}
 * drops the views, those handed out stay valid, and the stream refuses further use (see
 * "Closing").
 * </ol>
 */
public final class ByteStream implements AutoCloseable {

    /** Size of the heap chunks that {@link #asOutputStream()} and {@link #readFrom} fill. */
    static final int CHUNK_SIZE = 8192;

    /** Most views handed to one {@link GatheringByteChannel#write(ByteBuffer[], int, int)}: the IOV_MAX of common systems. */
    static final int MAX_GATHER = 1024;

    /** Each view's bytes are those between its position and limit; the stream owns these buffer objects. */
    private final ArrayDeque<ByteBuffer> views = new ArrayDeque<>();

    private long byteCount;
    /**
     * How many bytes at the tail no readLine has searched for {@code \n} yet: the head bytes
     * before them ({@code byteCount - lineUnscanned}, when positive) hold none, so a readLine
     * waiting for the rest of a line searches only what arrived since, not the whole line again.
     * Kept by the writes at the tail and {@link #unreadView}; reads at the head leave it as it is
     * (they take scanned bytes first), and removing tail bytes leaves it too large, which only
     * makes the next search start earlier than it could.
     */
    private long lineUnscanned;

    /**
     * Heap memory this stream owns, filled by {@link #asOutputStream()} and {@link #readFrom}:
     * bytes before its position were handed to views, bytes after it are free.
     */
    private ByteBuffer chunk;
    /**
     * The view over the chunk's bytes appended last. While it is still the last view and ends where
     * the chunk's free space starts, new chunk bytes extend it instead of adding a view. It is a
     * duplicate, so its capacity spans the whole chunk; it is sliced before it is handed out.
     */
    private ByteBuffer chunkView;

    /** Set by {@link #close()}: from then on every method but {@code close} and {@code toString} throws. */
    private boolean closed;

    /** An empty stream. */
    public ByteStream() {}

    /** A stream holding {@code view}'s remaining bytes (no copy; ownership passes). */
    public static ByteStream fromBuffer(ByteBuffer view) {
        ByteStream stream = new ByteStream();
        stream.writeView(view);
        return stream;
    }

    // ---------------------------------------------------------------------------------- sizes

    /** Number of bytes held. */
    public long byteCount() {
        ensureOpen();
        return byteCount;
    }

    /** Number of views held; never counts an empty view. */
    public int viewCount() {
        ensureOpen();
        return views.size();
    }

    /** Whether no byte is held: a read now would return nothing. */
    public boolean isEmpty() {
        ensureOpen();
        return byteCount == 0;
    }

    // ---------------------------------------------------------------------------------- writing

    /** Appends {@code bytes} (no copy; ownership passes); returns how many bytes were appended. */
    public int write(byte[] bytes) {
        return write(bytes, 0, bytes.length);
    }

    /** Appends {@code bytes[offset, offset + length)} (no copy; ownership passes); returns {@code length}. */
    public int write(byte[] bytes, int offset, int length) {
        ensureOpen();
        checkArrayRange(offset, length, bytes.length);
        if (length > 0) append(ByteBuffer.wrap(bytes, offset, length).slice());
        return length;
    }

    /**
     * Appends {@code view}'s remaining bytes (no copy; ownership passes), keeping its byte order;
     * {@code view}'s position is not moved. Returns how many bytes were appended.
     */
    public int writeView(ByteBuffer view) {
        ensureOpen();
        int n = view.remaining();
        if (n > 0) append(slice(view));
        return n;
    }

    /** Appends each view in turn as {@link #writeView(ByteBuffer)} does; returns the bytes appended. */
    public long writeViews(Iterable<? extends ByteBuffer> views) {
        ensureOpen();
        long n = 0;
        for (ByteBuffer view : views) n += writeView(view);
        return n;
    }

    /** Appends each view in turn as {@link #writeView(ByteBuffer)} does; returns the bytes appended. */
    public long writeViews(ByteBuffer... views) {
        return writeViews(List.of(views));
    }

    /**
     * Puts {@code view}'s remaining bytes back at the head, to be read first (no copy); its
     * position is not moved. Returns how many bytes were put back.
     */
    public int unreadView(ByteBuffer view) {
        ensureOpen();
        int n = view.remaining();
        if (n > 0) {
            views.addFirst(slice(view));
            byteCount += n;
            lineUnscanned = byteCount; // the new head bytes are unsearched, so are all after them
        }
        return n;
    }

    /** Takes the last view written back off the tail; an empty buffer when the stream is empty. */
    public ByteBuffer unwriteView() {
        ensureOpen();
        ByteBuffer view = views.pollLast();
        if (view == null) return empty();
        byteCount -= view.remaining();
        return handOut(view);
    }

    // ---------------------------------------------------------------------------------- reading

    /** Takes the head view whole (no copy); an empty buffer when the stream is empty. */
    public ByteBuffer readView() {
        ensureOpen();
        ByteBuffer view = views.pollFirst();
        if (view == null) return empty();
        byteCount -= view.remaining();
        return handOut(view);
    }

    /** Takes every view, head first (no copy), leaving the stream empty. */
    public List<ByteBuffer> readViews() {
        ensureOpen();
        List<ByteBuffer> out = new ArrayList<>(views.size());
        while (!views.isEmpty()) out.add(readView());
        return out;
    }

    /**
     * Takes at most {@code maxBytes} from the head view alone, as a slice of it (no copy); so it
     * may return fewer bytes than the stream holds. An empty buffer when the stream is empty.
     */
    public ByteBuffer read1(int maxBytes) {
        ensureOpen();
        requireNonNegative(maxBytes, "maxBytes");
        ByteBuffer head = views.peekFirst();
        if (head == null || maxBytes == 0) return empty();
        if (head.remaining() <= maxBytes) return readView();
        ByteBuffer part = head.slice(head.position(), maxBytes).order(head.order());
        head.position(head.position() + maxBytes);
        byteCount -= maxBytes;
        return part;
    }

    /**
     * Takes {@code min(maxBytes, byteCount())} bytes as one buffer: a slice of the head view when it
     * holds them all, otherwise one copy. An empty buffer when the stream is empty.
     */
    public ByteBuffer read(int maxBytes) {
        ensureOpen();
        requireNonNegative(maxBytes, "maxBytes");
        int n = (int) Math.min(maxBytes, byteCount);
        if (n == 0) return empty();
        ByteBuffer head = views.getFirst();
        if (head.remaining() >= n) return read1(n);
        ByteBuffer copy = ByteBuffer.allocate(n).order(head.order());
        readInto(copy);
        return copy.flip();
    }

    /**
     * Takes everything as one buffer, as {@link #read(int)} does: a view when the stream holds one
     * view, otherwise one copy.
     *
     * @throws IllegalStateException when the stream holds more bytes than a buffer can
     *     ({@link Integer#MAX_VALUE}); read it in parts with {@link #read(int)} or {@link #readView()}
     */
    public ByteBuffer read() {
        ensureOpen();
        return read(intSize("read()"));
    }

    /**
     * Copies bytes into {@code dst} until it is full or the stream empty, advancing {@code dst}'s
     * position; returns how many bytes were copied (0 when the stream is empty).
     */
    public int readInto(ByteBuffer dst) {
        ensureOpen();
        int copied = 0;
        while (dst.hasRemaining()) {
            ByteBuffer head = views.peekFirst();
            if (head == null) break;
            int n = Math.min(head.remaining(), dst.remaining());
            dst.put(dst.position(), head, head.position(), n);
            dst.position(dst.position() + n);
            head.position(head.position() + n);
            consumeHead(head, n);
            copied += n;
        }
        return copied;
    }

    /** Copies up to {@code length} bytes into {@code dst} from {@code offset}; returns how many (0 when empty). */
    public int readInto(byte[] dst, int offset, int length) {
        ensureOpen();
        checkArrayRange(offset, length, dst.length);
        return readInto(ByteBuffer.wrap(dst, offset, length));
    }

    /**
     * Takes the next line without its terminator ({@code \n} or {@code \r\n}); {@code null} while
     * the stream holds no whole line. The line is a slice of its view when it lies inside one,
     * otherwise one copy. See the class doc for what a line is.
     *
     * @param maxLength the longest line accepted, in bytes, terminator not counted
     * @throws LineTooLongException once the stream holds a line longer than {@code maxLength};
     *     nothing is consumed then
     */
    public ByteBuffer readLine(int maxLength) {
        return readLine(maxLength, false);
    }

    /** As {@link #readLine(int)}, but the line keeps its terminator ({@code \n} or {@code \r\n}). */
    public ByteBuffer readLineWithTerminator(int maxLength) {
        return readLine(maxLength, true);
    }

    private ByteBuffer readLine(int maxLength, boolean withTerminator) {
        return readLine(maxLength, withTerminator, "ByteStream");
    }

    /**
     * Takes the next line as {@link #readLine(int)} does, or {@code null} while none is whole;
     * {@code where} names this stream in a {@link LineTooLongException}.
     */
    ByteBuffer readLine(int maxLength, boolean withTerminator, String where) {
        ensureOpen();
        requireNonNegative(maxLength, "maxLength");
        ByteBuffer head = views.peekFirst();
        if (head == null) return null;
        long scanned = Math.max(0, byteCount - lineUnscanned);
        // The common case first: a line inside the head view, handed out as a slice of it. The
        // search stops where lineAcrossViews' would: maxLength + 2 bytes ("\r\n" included).
        int start = head.position();
        int end = (int) Math.min(head.limit(), start + maxLength + 2L);
        int newline = indexOf(head, (byte) '\n', (int) Math.min(start + scanned, end), end);
        if (newline < 0) {
            // The line goes on past the head view (or is too long): those head bytes hold no '\n'.
            return lineAcrossViews(Math.max(scanned, end - start), maxLength, withTerminator, where);
        }
        int contentEnd = newline > start && head.get(newline - 1) == '\r' ? newline - 1 : newline;
        if (contentEnd - start > maxLength) throw new LineTooLongException(where, maxLength);
        ByteBuffer line = head.slice(start, (withTerminator ? newline + 1 : contentEnd) - start)
                .order(head.order());
        head.position(newline + 1);
        consumeHead(head, newline + 1 - start);
        return line;
    }

    /**
     * Takes the first line when it does not lie inside the head view: one copy. {@code from} head
     * bytes are known to hold no {@code \n}: the search starts there.
     */
    private ByteBuffer lineAcrossViews(long from, int maxLength, boolean withTerminator, String where) {
        // A line of maxLength bytes plus "\r\n" spans maxLength + 2 bytes: look no further.
        long window = Math.min(byteCount, maxLength + 2L);
        long newline = indexOf((byte) '\n', Math.min(from, window), window);
        if (newline < 0) {
            boolean tooLong = window == maxLength + 2L || (window == maxLength + 1L && getByte(maxLength) != '\r');
            if (tooLong) throw new LineTooLongException(where, maxLength);
            lineUnscanned = byteCount - window;
            return null;
        }
        long length = newline > 0 && getByte(newline - 1) == '\r' ? newline - 1 : newline;
        if (length > maxLength) throw new LineTooLongException(where, maxLength);
        if (withTerminator) return read((int) newline + 1);
        ByteBuffer line = read((int) length);
        skip(newline + 1 - length);
        return line;
    }

    /** Takes all that is left as the last line, which has no terminator. */
    ByteBuffer takeLastLine(int maxLength, String where) {
        ensureOpen();
        if (byteCount > maxLength) throw new LineTooLongException(where, maxLength);
        return read();
    }

    /** Drops up to {@code byteCount} bytes from the head without copying; returns how many. */
    public long skip(long byteCount) {
        ensureOpen();
        requireNonNegative(byteCount, "byteCount");
        long skipped = 0;
        while (skipped < byteCount) {
            ByteBuffer head = views.peekFirst();
            if (head == null) break;
            int n = (int) Math.min(head.remaining(), byteCount - skipped);
            head.position(head.position() + n);
            consumeHead(head, n);
            skipped += n;
        }
        return skipped;
    }

    /**
     * Keeps the first {@code size} bytes and drops the rest from the tail; returns the byte count
     * left ({@code min(size, byteCount())}).
     */
    public long truncate(long size) {
        ensureOpen();
        requireNonNegative(size, "size");
        while (byteCount > size) {
            ByteBuffer tail = views.getLast();
            long excess = byteCount - size;
            if (tail.remaining() <= excess) {
                views.removeLast();
                byteCount -= tail.remaining();
            } else {
                tail.limit(tail.limit() - (int) excess);
                byteCount = size;
            }
        }
        return byteCount;
    }

    // ---------------------------------------------------------------------------------- looking

    /** The view at {@code index} (0 is the head), as a new slice of it (no copy); O(index). */
    public ByteBuffer peek(int index) {
        ensureOpen();
        checkIndex(index, views.size(), "views");
        if (index == views.size() - 1) return slice(views.getLast());
        int i = 0;
        for (ByteBuffer view : views) {
            if (i++ == index) return slice(view);
        }
        throw new AssertionError("unreachable");
    }

    /** Every view, head first, as new slices (no copy) in an unmodifiable list; the stream is unchanged. */
    public List<ByteBuffer> views() {
        ensureOpen();
        List<ByteBuffer> out = new ArrayList<>(views.size());
        for (ByteBuffer view : views) out.add(slice(view));
        return Collections.unmodifiableList(out);
    }

    /** The byte at {@code index} counted from the head, without consuming it. */
    public byte getByte(long index) {
        ensureOpen();
        checkIndex(index, byteCount, "bytes");
        for (ByteBuffer view : views) {
            if (index < view.remaining()) return view.get(view.position() + (int) index);
            index -= view.remaining();
        }
        throw new AssertionError("unreachable");
    }

    /**
     * Index, counted from the head, of the first {@code b} in {@code [fromIndex, toIndex)}; -1 when
     * there is none. {@code toIndex} may exceed {@link #byteCount()}.
     */
    public long indexOf(byte b, long fromIndex, long toIndex) {
        ensureOpen();
        if (fromIndex < 0 || toIndex < fromIndex) {
            throw new IndexOutOfBoundsException("fromIndex " + fromIndex + " and toIndex " + toIndex
                    + " are not a range: they must be 0 <= fromIndex <= toIndex");
        }
        toIndex = Math.min(toIndex, byteCount);
        if (fromIndex >= toIndex) return -1;
        if (fromIndex > byteCount / 2) {
            // Nearer the tail: reach fromIndex walking back, so that a search resuming near the end
            // (readLine waiting for the rest of a line that arrives in many small views) costs the
            // views it searches, not every view before them.
            List<ByteBuffer> tail = new ArrayList<>();
            long start = byteCount;
            for (var back = views.descendingIterator(); start > fromIndex; ) {
                ByteBuffer view = back.next();
                tail.add(view);
                start -= view.remaining();
            }
            return indexOf(b, fromIndex, toIndex, start, tail.reversed());
        }
        return indexOf(b, fromIndex, toIndex, 0, views);
    }

    /** {@link #indexOf(byte, long, long)} in {@code views}, whose first byte is the stream's byte {@code start}. */
    private static long indexOf(byte b, long fromIndex, long toIndex, long start, Iterable<ByteBuffer> views) {
        for (ByteBuffer view : views) {
            if (start >= toIndex) break;
            long end = start + view.remaining();
            if (end > fromIndex) {
                int from = view.position() + (int) (Math.max(fromIndex, start) - start);
                int to = view.position() + (int) (Math.min(toIndex, end) - start);
                int found = indexOf(view, b, from, to);
                if (found >= 0) return start + found - view.position();
            }
            start = end;
        }
        return -1;
    }

    /*
     * The search below looks at eight bytes at a time (SWAR, "SIMD within a register"): x = word ^
     * (b repeated in every byte) has a zero byte exactly where the word holds b, and
     * (x - 0x0101..01) & ~x & 0x8080..80 sets the top bit of the lowest such zero byte. It may also
     * set bits above a zero byte (the subtraction borrows through it) but never below the first
     * one, so the lowest set bit is exact. Words are therefore read little-endian, whatever the
     * buffer's byte order, so that lower bits are earlier bytes and numberOfTrailingZeros / 8 is
     * the offset of the first match. One ByteBuffer view handle reads heap, direct and read-only
     * buffers alike; on heap buffers it measured no slower than a byte[] view handle.
     */
    private static final VarHandle WORDS = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    /** Index in {@code view} (absolute, as {@code view.get(int)} counts) of the first {@code b} in {@code [from, to)}; -1 when none. */
    private static int indexOf(ByteBuffer view, byte b, int from, int to) {
        long pattern = (b & 0xffL) * ONES;
        int i = from;
        for (; i <= to - Long.BYTES; i += Long.BYTES) {
            long x = (long) WORDS.get(view, i) ^ pattern;
            long found = (x - ONES) & ~x & HIGHS;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) {
            if (view.get(i) == b) return i;
        }
        return -1;
    }

    /**
     * Everything as one buffer, without consuming it: a slice of the only view when there is one
     * (shares memory), otherwise one copy.
     *
     * @throws IllegalStateException when the stream holds more bytes than a buffer can
     */
    public ByteBuffer toView() {
        ensureOpen();
        if (views.isEmpty()) return empty();
        if (views.size() == 1) return slice(views.getFirst());
        ByteBuffer copy =
                ByteBuffer.allocate(intSize("toView()")).order(views.getFirst().order());
        for (ByteBuffer view : views) copy.put(view.duplicate());
        return copy.flip();
    }

    /** A copy of everything, without consuming it. */
    public byte[] toByteArray() {
        ensureOpen();
        byte[] out = new byte[intSize("toByteArray()")];
        int at = 0;
        for (ByteBuffer view : views) {
            int n = view.remaining();
            view.get(view.position(), out, at, n);
            at += n;
        }
        return out;
    }

    /** A new stream over the same views (shares their memory, copies no byte); reading either leaves the other alone. */
    public ByteStream copy() {
        ensureOpen();
        ByteStream copy = new ByteStream();
        for (ByteBuffer view : views) copy.append(slice(view));
        return copy;
    }

    /**
     * A new stream with a copy of every view (same boundaries, byte order and heap or direct
     * memory); it shares no memory with this one, whatever its number of views.
     */
    public ByteStream deepCopy() {
        ensureOpen();
        ByteStream copy = new ByteStream();
        for (ByteBuffer view : views) {
            ByteBuffer bytes = view.isDirect()
                    ? ByteBuffer.allocateDirect(view.remaining())
                    : ByteBuffer.allocate(view.remaining());
            copy.append(bytes.put(view.duplicate()).flip().order(view.order()));
        }
        return copy;
    }

    /** {@code ByteStream[views=2, bytes=10]}, or {@code ByteStream[closed]}; never the content. */
    @Override
    public String toString() {
        return closed ? "ByteStream[closed]" : "ByteStream[views=" + views.size() + ", bytes=" + byteCount + "]";
    }

    /**
     * Drops every view and the memory this stream owns, and makes every later use of it throw
     * {@link IllegalStateException}; views handed out before stay valid. Closing again does
     * nothing. See the class doc.
     */
    @Override
    public void close() {
        closed = true;
        views.clear();
        byteCount = 0;
        lineUnscanned = 0;
        chunk = null;
        chunkView = null;
    }

    // ---------------------------------------------------------------------------------- java.io and NIO

    /**
     * This stream as an {@link InputStream} that consumes it. It never blocks: when the stream is
     * empty it reads as the end (-1), and it reads again once bytes are written. Closing it does
     * nothing.
     */
    public InputStream asInputStream() {
        ensureOpen();
        return new InputStream() {
            @Override
            public int read() {
                ensureOpen();
                ByteBuffer head = views.peekFirst();
                if (head == null) return -1;
                int b = head.get() & 0xff;
                consumeHead(head, 1);
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                ensureOpen();
                checkArrayRange(off, len, b.length);
                if (len == 0) return 0;
                return isEmpty() ? -1 : readInto(b, off, len);
            }

            @Override
            public long skip(long n) {
                ensureOpen();
                return n <= 0 ? 0 : ByteStream.this.skip(n); // InputStream's contract: 0 for a negative n
            }

            @Override
            public int available() {
                ensureOpen();
                return (int) Math.min(byteCount, Integer.MAX_VALUE);
            }

            @Override
            public long transferTo(OutputStream out) throws IOException {
                return writeTo(out);
            }
        };
    }

    /**
     * An {@link OutputStream} that appends to this stream. It copies the caller's bytes (the caller
     * may reuse its array), into chunks this stream owns, so small writes share views rather than
     * making one each. Flushing and closing do nothing.
     */
    public OutputStream asOutputStream() {
        ensureOpen();
        return new OutputStream() {
            @Override
            public void write(int b) {
                ensureOpen();
                ensureChunk(1);
                int start = chunk.position();
                chunk.put((byte) b);
                appendFromChunk(start, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                ensureOpen();
                checkArrayRange(off, len, b.length);
                if (len >= CHUNK_SIZE && (chunk == null || chunk.remaining() < len)) {
                    // Too big to share a chunk: one exact copy, one view.
                    ByteStream.this.write(java.util.Arrays.copyOfRange(b, off, off + len));
                    return;
                }
                while (len > 0) {
                    ensureChunk(1);
                    int n = Math.min(len, chunk.remaining());
                    int start = chunk.position();
                    chunk.put(b, off, n);
                    appendFromChunk(start, n);
                    off += n;
                    len -= n;
                }
            }
        };
    }

    /**
     * Performs one read of at most {@code maxBytes} from {@code in} into heap memory this stream
     * owns, and appends what was read. Returns the count read, or -1 at {@code in}'s end. Reads go
     * into 8 KiB chunks shared by later reads; a larger {@code maxBytes} allocates a chunk that
     * large when the current one has less room.
     */
    public int readFrom(InputStream in, int maxBytes) throws IOException {
        ensureOpen();
        requireNonNegative(maxBytes, "maxBytes");
        if (maxBytes == 0) return 0;
        ensureChunk(maxBytes);
        int start = chunk.position();
        int n = in.read(chunk.array(), chunk.arrayOffset() + start, Math.min(maxBytes, chunk.remaining()));
        if (n > 0) {
            chunk.position(start + n);
            appendFromChunk(start, n);
        }
        return n;
    }

    /**
     * Performs one read of at most {@code maxBytes} from {@code src} into heap memory this stream
     * owns, and appends what was read. Returns the count read: 0 when a non-blocking channel has
     * nothing ready, -1 at {@code src}'s end. Memory is taken as by {@link #readFrom(InputStream, int)}.
     */
    public int readFrom(ReadableByteChannel src, int maxBytes) throws IOException {
        ensureOpen();
        requireNonNegative(maxBytes, "maxBytes");
        if (maxBytes == 0) return 0;
        ensureChunk(maxBytes);
        int start = chunk.position();
        int n = src.read(chunk.slice(start, Math.min(maxBytes, chunk.remaining())));
        if (n > 0) {
            chunk.position(start + n);
            appendFromChunk(start, n);
        }
        return n;
    }

    /** Reads {@code in} to its end, appending everything; returns how many bytes were read. */
    public long readAllFrom(InputStream in) throws IOException {
        ensureOpen();
        long total = 0;
        for (int n; (n = readFrom(in, CHUNK_SIZE)) >= 0; ) total += n;
        return total;
    }

    /**
     * Writes bytes to {@code dst} until the stream is empty or {@code dst} accepts no more (a
     * non-blocking channel writing 0), consuming exactly the bytes written; returns how many. A
     * {@link GatheringByteChannel} gets the views directly, at most 1024 a call; others get one
     * view a call. A short write is followed by another write of the rest. No byte is copied.
     * When {@code dst} throws, the stream keeps the bytes it did not take.
     */
    public long writeTo(WritableByteChannel dst) throws IOException {
        ensureOpen();
        long total = 0;
        try {
            if (dst instanceof GatheringByteChannel gathering) {
                ByteBuffer[] batch = new ByteBuffer[Math.min(views.size(), MAX_GATHER)];
                while (!views.isEmpty()) {
                    int n = 0;
                    for (ByteBuffer view : views) {
                        batch[n++] = view;
                        if (n == batch.length) break;
                    }
                    // The channel moves the positions of our views as it writes them.
                    long written = gathering.write(batch, 0, n);
                    dropWritten(written);
                    total += written;
                    if (written == 0) break;
                }
            } else {
                while (!views.isEmpty()) {
                    int written = dst.write(views.getFirst());
                    dropWritten(written);
                    total += written;
                    if (written == 0) break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // The channel may have taken part of a view before it threw: keep what it left.
            byteCount = 0;
            for (ByteBuffer view : views) byteCount += view.remaining();
            dropWritten(0);
            throw e;
        }
        return total;
    }

    /** Writes everything to {@code out}, consuming it; heap views are written without a copy. Returns how many bytes. */
    public long writeTo(OutputStream out) throws IOException {
        ensureOpen();
        long total = 0;
        byte[] bounce = null;
        while (!views.isEmpty()) {
            ByteBuffer head = views.getFirst();
            int n = head.remaining();
            if (head.hasArray()) {
                out.write(head.array(), head.arrayOffset() + head.position(), n);
            } else {
                // Direct or mapped memory reaches an OutputStream only through an array.
                if (bounce == null) bounce = new byte[(int) Math.min(CHUNK_SIZE, byteCount)];
                n = Math.min(n, bounce.length);
                head.get(head.position(), bounce, 0, n);
                out.write(bounce, 0, n);
            }
            head.position(head.position() + n);
            consumeHead(head, n);
            total += n;
        }
        return total;
    }

    /**
     * The whole file, memory-mapped read-only and sliced into views of {@code viewSize} bytes (the
     * last may be shorter): file bytes reach the views without a copy. The mapping outlives the
     * file's channel, which is closed on return, and lasts until the views are garbage.
     */
    public static ByteStream mapFile(Path file, int viewSize) throws IOException {
        if (viewSize <= 0) throw new IllegalArgumentException("viewSize must be 1 or more, was " + viewSize);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return map(channel, 0, channel.size(), viewSize);
        }
    }

    /**
     * {@code size} bytes of {@code channel}'s file from {@code position}, memory-mapped read-only
     * and sliced into views of {@code viewSize} bytes (the last may be shorter). Regions over 2 GiB
     * are mapped in parts.
     */
    public static ByteStream map(FileChannel channel, long position, long size, int viewSize) throws IOException {
        requireNonNegative(position, "position");
        requireNonNegative(size, "size");
        if (viewSize <= 0) throw new IllegalArgumentException("viewSize must be 1 or more, was " + viewSize);
        long fileSize = channel.size();
        if (position > fileSize || size > fileSize - position) { // not position + size: it may overflow
            throw new IllegalArgumentException("cannot map " + size + " bytes from position " + position
                    + " of a file of " + fileSize + " bytes; map at most its size");
        }
        ByteStream stream = new ByteStream();
        // A mapping is at most Integer.MAX_VALUE bytes; a whole number of views keeps views whole.
        long regionMax = (long) (Integer.MAX_VALUE / viewSize) * viewSize;
        for (long at = position, end = position + size; at < end; ) {
            int regionSize = (int) Math.min(end - at, regionMax);
            MappedByteBuffer region = channel.map(FileChannel.MapMode.READ_ONLY, at, regionSize);
            for (long offset = 0; offset < regionSize; offset += viewSize) {
                stream.append(region.slice((int) offset, (int) Math.min(viewSize, regionSize - offset)));
            }
            at += regionSize;
        }
        return stream;
    }

    // ---------------------------------------------------------------------------------- internals

    /** Appends a view the stream owns from now on; never empty. */
    private void append(ByteBuffer view) {
        views.addLast(view);
        byteCount += view.remaining();
        lineUnscanned += view.remaining();
    }

    /** Accounts for {@code n} bytes just consumed from {@code head}, already moved past its position. */
    private void consumeHead(ByteBuffer head, int n) {
        byteCount -= n;
        if (!head.hasRemaining()) views.removeFirst();
    }

    /** Accounts for {@code written} bytes that a channel took from the head views. */
    private void dropWritten(long written) {
        byteCount -= written;
        while (!views.isEmpty() && !views.getFirst().hasRemaining()) views.removeFirst();
    }

    /**
     * A view leaving the stream, sliced when its capacity reaches past its limit (the chunk view,
     * a truncated view) so that the caller cannot see bytes beyond it, such as chunk bytes written
     * later.
     */
    @SuppressWarnings("ReferenceEquality") // the chunk's own view object, not an equal one
    private ByteBuffer handOut(ByteBuffer view) {
        if (view == chunkView) chunkView = null;
        return view.limit() == view.capacity() ? view : slice(view);
    }

    /** Makes sure the chunk has free space for {@code min(wanted, CHUNK_SIZE)} bytes at least. */
    private void ensureChunk(int wanted) {
        if (chunk == null || chunk.remaining() < Math.min(wanted, CHUNK_SIZE)) {
            chunk = ByteBuffer.allocate(Math.max(CHUNK_SIZE, wanted));
            chunkView = null;
        }
    }

    /** Appends the chunk's bytes {@code [start, start + n)}, just filled, growing the last view when it ends at start. */
    @SuppressWarnings("ReferenceEquality") // the chunk's own view object, not an equal one
    private void appendFromChunk(int start, int n) {
        if (chunkView != null && views.peekLast() == chunkView && chunkView.limit() == start) {
            chunkView.limit(start + n);
        } else {
            chunkView = chunk.duplicate().position(start).limit(start + n);
            views.addLast(chunkView);
        }
        byteCount += n;
        lineUnscanned += n;
    }

    private int intSize(String operation) {
        if (byteCount > Integer.MAX_VALUE) {
            throw new IllegalStateException(operation + " needs one buffer, but this ByteStream holds " + byteCount
                    + " bytes, more than a buffer can; read it in parts with read(int) or readView()");
        }
        return (int) byteCount;
    }

    private static ByteBuffer slice(ByteBuffer view) {
        return view.slice().order(view.order());
    }

    private static ByteBuffer empty() {
        // A new one each time: a shared empty buffer's byte order could be changed by any caller.
        return ByteBuffer.allocate(0);
    }

    /** Refuses use after {@link #close()}. */
    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException(
                    "this ByteStream is closed: it holds nothing and takes nothing; use a new one");
        }
    }

    /** Refuses a negative count or size; see the class doc's "Arguments". */
    private static void requireNonNegative(long value, String name) {
        if (value < 0) throw new IllegalArgumentException(name + " must be 0 or more, was " + value);
    }

    /** Refuses an index outside {@code [0, size)}; {@code unit} names what {@code size} counts. */
    private static void checkIndex(long index, long size, String unit) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("index " + index + " is out of bounds: it must be in [0, " + size
                    + "), the " + size + " " + unit + " held, counted from the head");
        }
    }

    /** Refuses {@code [offset, offset + length)} unless it lies inside an array of {@code arrayLength}. */
    private static void checkArrayRange(int offset, int length, int arrayLength) {
        if (offset < 0 || length < 0 || length > arrayLength - offset) {
            throw new IndexOutOfBoundsException("offset " + offset + " and length " + length
                    + " do not fit an array of " + arrayLength + ": they must be 0 <= offset, 0 <= length and"
                    + " offset + length <= " + arrayLength);
        }
    }
}
