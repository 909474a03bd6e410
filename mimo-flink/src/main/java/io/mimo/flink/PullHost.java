package io.mimo.flink;

import io.mimo.runtime.ByteInput;
import io.mimo.runtime.Input;
import io.mimo.runtime.bytes.ByteStream;
import io.mimo.runtime.graph.PortView;
import io.mimo.runtime.graph.ProcessStepView;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a process step (its body pulls from its inputs) inside a push engine: the body runs on a
 * virtual thread of its own, and that thread and Flink's task thread strictly alternate, so only
 * one of them runs user or Flink code at any time. Flink objects (the operator's output) are
 * touched on the task thread alone, and the input buffers need no lock: a volatile turn flag
 * orders every hand-over.
 *
 * <p>The task thread appends what Flink delivers to the input's buffer and hands the turn to the
 * body once the input the body waits on holds a batch ({@value #BATCH} items) or has ended. The
 * body hands the turn back when the input it reads is empty (the operator then tells Flink to
 * deliver that input, where the graph allows: {@link #waitingFor()}) or when its batch of pushed
 * items is full; the task thread emits that batch. A per-item hand-over costs microseconds; per
 * batch it is negligible.
 *
 * <p>In STREAMING mode a period bounds how long items wait for a batch to fill: while the body
 * runs, the task thread wakes each period and emits what the body pushed so far (the pushes are
 * the one thing both threads touch, under a lock); between turns, the operator's timer calls
 * {@link #nudge()} each period, which hands the body what its input holds.
 *
 * <p>Where Flink may not hold inputs back (in STREAMING mode, a step whose inputs share an upstream
 * step), the host buffers what the body does not read yet, up to the workflow's growth limits
 * (items, or bytes for a byte input), then fails the job with a deadlock error rather than hang.
 * Once the body has returned, what still arrives is dropped: Flink has no early stop upstream.
 */
final class PullHost {
    /** Items per hand-over: measured the right size (FLINK.md), and the local runtime's default pipe capacity. */
    static final int BATCH = 256;

    /** {@link #waitingFor()}: the body waits on no one input. */
    static final int ANY = -1;

    private static final long CANCEL_WAIT_SECONDS = 10;

    private final String workflow;
    private final ProcessStepView step;
    private final Emitter out;
    private final boolean selective;
    private final String holdBackReason;
    private final long itemLimit;
    private final long byteLimit;
    private final long periodNanos;
    private final List<ArrayDeque<Object>> buffers = new ArrayList<>();
    private final long[] held;
    private final boolean[] ended;
    private final Ends ends;
    private final Thread user;

    // the body's pushes not yet emitted: handed over with the turn, or taken by the task thread each
    // period while the body runs; guarded by batchItems' lock
    private final int[] batchPorts = new int[BATCH];
    private final Object[] batchItems = new Object[BATCH];
    private int batchSize;

    private volatile boolean userTurn;
    private Thread task;
    private boolean started;
    private boolean flushing;
    private boolean done;
    private boolean cancelled;
    private int waitingFor = ANY;
    private Throwable failure;
    /** The operator's timer that calls {@link #nudge()}, in STREAMING mode; cancelled when the host ends. */
    private Future<?> nudges;

    /**
     * A host for {@code step}, which emits through {@code out} on the task thread.
     *
     * @param selective whether the operator can make Flink deliver the input the body waits on
     * @param holdBackReason why it cannot, for the deadlock error; ignored when selective
     * @param periodNanos how long pushed items may wait for a batch to fill; 0: until it fills
     */
    PullHost(
            String workflow,
            ProcessStepView step,
            Emitter out,
            boolean selective,
            String holdBackReason,
            long itemLimit,
            long byteLimit,
            long periodNanos) {
        this.workflow = workflow;
        this.step = step;
        this.out = out;
        this.selective = selective;
        this.holdBackReason = holdBackReason;
        this.itemLimit = itemLimit;
        this.byteLimit = byteLimit;
        this.periodNanos = periodNanos;
        int inputs = step.inputs().size();
        held = new long[inputs];
        ended = new boolean[inputs];
        for (int i = 0; i < inputs; i++) {
            buffers.add(new ArrayDeque<>());
        }
        ends = new Ends(step, this::push, ItemInput::new, ChunkInput::new);
        // made on the task thread (the operator's open()), so the body inherits its context class loader:
        // on a cluster, Flink's user-code loader, the one that sees the job's jar
        user = Thread.ofVirtual().name("mimo-flink " + step.name()).unstarted(this::body);
    }

    // ------------------------------------------------------------------------------ task thread

    /** The input the body waits on, or {@link #ANY}: what the operator asks Flink to deliver. */
    int waitingFor() {
        return selective && started && !done ? waitingFor : ANY;
    }

    /** Flink delivered {@code item} to input {@code input}. */
    void add(int input, Object item) throws StepFailure {
        if (done) {
            return; // the body has returned: the rest is dropped
        }
        buffers.get(input).add(item);
        held[input] += step.inputs().get(input).bytes() ? ((byte[]) item).length : 1;
        if (!started
                || ((waitingFor == input || waitingFor == ANY)
                        && buffers.get(input).size() >= BATCH)) {
            resume();
        } else if (!selective && waitingFor != input && waitingFor != ANY) {
            checkHeld(input); // where Flink holds the other inputs back, nothing piles up here
        }
    }

    /** Input {@code input} has ended. */
    void end(int input) throws StepFailure {
        ended[input] = true;
        if (!done && (!started || waitingFor == input || waitingFor == ANY)) {
            resume();
        }
    }

    /**
     * The period has passed: hands the body what the input it waits on holds, however little (or,
     * when it waits on no one input, lets its {@code poll(timeout)} return).
     */
    void nudge() throws StepFailure {
        if (started && !done && (waitingFor == ANY || !buffers.get(waitingFor).isEmpty())) {
            resume();
        }
    }

    /** The timer that calls {@link #nudge()} each period: the host cancels it when it finishes or closes. */
    void nudgedBy(Future<?> timer) {
        nudges = timer;
    }

    /** Every input has ended: runs the body to its end (a source's whole run happens here). */
    void finish() throws StepFailure {
        stopNudges();
        while (!done) {
            resume();
        }
    }

    /** Stops a body that has not returned (the job failed or was cancelled) and waits for its thread. */
    void close() throws InterruptedException {
        stopNudges();
        if (started && !done) {
            cancelled = true;
            task = Thread.currentThread();
            userTurn = true;
            LockSupport.unpark(user);
            user.join(Duration.ofSeconds(CANCEL_WAIT_SECONDS));
        }
    }

    private void stopNudges() {
        if (nudges != null) {
            nudges.cancel(false);
        }
    }

    private void checkHeld(int input) throws StepFailure {
        PortView port = step.inputs().get(input);
        long limit = port.bytes() ? byteLimit : itemLimit;
        if (held[input] > limit) {
            throw StepFailure.deadlock(
                    "deadlock in workflow '" + workflow + "' on Flink: stream '" + step.name() + "' waits for input '"
                            + step.inputs().get(waitingFor) + "' while input '" + port + "' holds " + held[input] + " "
                            + (port.bytes() ? "bytes" : "items") + ", past the " + (port.bytes() ? "byte " : "")
                            + "growth limit of " + limit + (port.bytes() ? " bytes. " : " items. ") + holdBackReason
                            + ": run the job in BATCH mode (the"
                            + " default for a bounded workflow), or raise the workflow's growth limits");
        }
    }

    /** Hands the turn to the body until it waits for an input or returns; emits what it pushed. */
    private void resume() throws StepFailure {
        task = Thread.currentThread();
        if (!started) {
            started = true;
            user.start();
        }
        do {
            flushing = false;
            waitingFor = ANY;
            userTurn = true;
            LockSupport.unpark(user);
            while (userTurn) {
                if (periodNanos == 0) {
                    LockSupport.park(this);
                } else {
                    LockSupport.parkNanos(this, periodNanos);
                    if (userTurn) {
                        emitPushed(); // the body is still running: what it pushed so far goes now
                    }
                }
            }
            emitPushed();
        } while (flushing);
        if (done) {
            for (ArrayDeque<Object> buffer : buffers) {
                buffer.clear();
            }
            if (failure != null) {
                throw StepFailure.of(step.name(), failure);
            }
        }
    }

    /** Emits what the body pushed and nobody emitted yet. */
    private void emitPushed() {
        synchronized (batchItems) {
            for (int i = 0; i < batchSize; i++) {
                out.emit(batchPorts[i], batchItems[i]);
                batchItems[i] = null;
            }
            batchSize = 0;
        }
    }

    // ------------------------------------------------------------------------------ body thread

    /** Thrown into the body when the job stops before it returns; the body lets it pass. */
    private static final class Cancelled extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Cancelled() {
            super("the Flink task stopped", null, false, false);
        }
    }

    private void body() {
        awaitTurn();
        try {
            if (!cancelled) {
                step.run(ends);
                ends.flush();
            }
        } catch (Cancelled c) {
            // the task is closing: nothing to report
        } catch (Throwable t) {
            failure = t;
        }
        done = true;
        giveTurn();
    }

    private void awaitTurn() {
        while (!userTurn) {
            LockSupport.park(this);
        }
    }

    private void giveTurn() {
        userTurn = false;
        LockSupport.unpark(task);
    }

    /** Gives the turn to the task thread and waits to get it back. */
    private void yieldTurn() {
        giveTurn();
        awaitTurn();
        if (cancelled) {
            throw new Cancelled();
        }
    }

    /** Waits until input {@code input} holds something or has ended. */
    private void await(int input) {
        while (buffers.get(input).isEmpty() && !ended[input]) {
            waitingFor = input;
            yieldTurn();
        }
    }

    private void push(int output, Object item) {
        boolean full;
        synchronized (batchItems) {
            batchPorts[batchSize] = output;
            batchItems[batchSize++] = item;
            full = batchSize == BATCH;
        }
        if (full) {
            flushing = true;
            yieldTurn();
        }
    }

    private Object take(int input) {
        Object item = buffers.get(input).poll();
        if (item != null) {
            held[input] -= step.inputs().get(input).bytes() ? ((byte[]) item).length : 1;
        }
        return item;
    }

    /** An item input: reads the buffer, waiting for the task thread when it is empty. */
    private final class ItemInput implements Input<Object> {
        private final int index;

        ItemInput(int index) {
            this.index = index;
        }

        @Override
        public Object pop() {
            Object item = poll();
            if (item == null) {
                throw new NoSuchElementException("input '" + name() + "' has ended");
            }
            return item;
        }

        @Override
        public Object poll() {
            await(index);
            return take(index);
        }

        @Override
        public Object peek() {
            await(index);
            return buffers.get(index).peek();
        }

        /**
         * Takes an item if one is there; otherwise hands the turn over once, so that Flink may
         * deliver (any input), and takes what came. The host keeps no clock of its own: the turn
         * comes back when a batch arrives, an input ends or, in STREAMING mode, the period passes,
         * whichever is first, so the wait is not bounded by the timeout.
         */
        @Override
        public Object poll(Duration timeout) {
            if (timeout == null) {
                throw new NullPointerException("poll on input '" + name() + "': the timeout is null");
            }
            if (buffers.get(index).isEmpty() && !ended[index]) {
                waitingFor = ANY;
                yieldTurn();
            }
            return take(index);
        }

        @Override
        public boolean isEnded() {
            return ended[index] && buffers.get(index).isEmpty();
        }

        @Override
        public String name() {
            return step.inputs().get(index).toString();
        }
    }

    /** A byte input: the chunks Flink delivered, read through a {@link ByteStream} without copying. */
    private final class ChunkInput implements ByteInput {
        private final int index;
        private final ByteStream bytes = new ByteStream();

        ChunkInput(int index) {
            this.index = index;
        }

        /** Moves what the buffer holds into the byte stream, waiting for more; false at the end. */
        private boolean more() {
            await(index);
            boolean any = false;
            for (Object chunk; (chunk = take(index)) != null; ) {
                bytes.write((byte[]) chunk);
                any = true;
            }
            return any;
        }

        @Override
        public ByteBuffer readView() {
            while (bytes.isEmpty()) {
                if (!more()) {
                    return null;
                }
            }
            return bytes.readView();
        }

        @Override
        public int read(ByteBuffer dst) {
            if (!dst.hasRemaining()) {
                return 0;
            }
            while (bytes.isEmpty()) {
                if (!more()) {
                    return -1;
                }
            }
            return bytes.readInto(dst);
        }

        @Override
        public ByteBuffer readLine(int maxLength) {
            return line(maxLength, false);
        }

        @Override
        public ByteBuffer readLineWithTerminator(int maxLength) {
            return line(maxLength, true);
        }

        private ByteBuffer line(int maxLength, boolean withTerminator) {
            while (true) {
                ByteBuffer line = withTerminator ? bytes.readLineWithTerminator(maxLength) : bytes.readLine(maxLength);
                if (line != null) {
                    return line;
                }
                if (!more()) {
                    return lastLine(maxLength);
                }
            }
        }

        /** At the end: what is left is the last line, without terminator; {@code null} when nothing is. */
        private ByteBuffer lastLine(int maxLength) {
            if (bytes.isEmpty()) {
                return null;
            }
            if (bytes.byteCount() <= maxLength) {
                return bytes.read();
            }
            // too long: the byte stream's own check throws the exception a local run throws
            bytes.write(new byte[] {'\n'});
            return bytes.readLine(maxLength);
        }

        @Override
        public InputStream asInputStream() {
            return new InputStream() {
                @Override
                public int read() {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return len == 0 ? 0 : ChunkInput.this.read(ByteBuffer.wrap(b, off, len));
                }
            };
        }

        @Override
        public ReadableByteChannel asChannel() {
            return Channels.newChannel(asInputStream());
        }

        @Override
        public String name() {
            return step.inputs().get(index).toString();
        }
    }
}
