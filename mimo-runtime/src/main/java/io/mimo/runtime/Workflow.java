package io.mimo.runtime;

import io.mimo.runtime.engine.Engine;
import io.mimo.runtime.engine.Watch;
import io.mimo.runtime.graph.WorkflowGraph;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A graph of streams joined by bounded pipes. Add steps, pipe their ports, then {@link #run()}.
 *
 * <h2>Checks before running</h2>
 * Before any thread starts, {@code run()}/{@code start()} check the whole graph and refuse it with
 * one {@link IllegalStateException} that lists every problem, each naming the step and port: an
 * input piped from nothing, an output piped to nothing and not {@link OutPort#discard() discarded},
 * a step added twice (or already in another workflow), a pipe to or from a step of another
 * workflow or of none, a byte input fed by more than one pipe, and running a workflow twice.
 * Nothing has started when that exception is thrown: fix the graph and call again.
 *
 * <h2>Running</h2>
 * Each stream runs on a virtual thread of its own, named {@code "<workflow>/<stream>"}. A pipe
 * holds {@link #capacity()} items unless {@link OutPort#pipe(InPort, int) its own capacity} says
 * otherwise; a full pipe blocks its writer. An output piped to several inputs broadcasts; an
 * input fed by several outputs merges them in arrival order. Outputs close when the stream's
 * {@link Step#run(Context)} returns; an input ends when every output piped into it has closed and
 * it is drained.
 *
 * <p>{@link ElementStep Element steps} (one input, one call per item) fed by exactly one pipe from
 * an item output run fused: on the thread of the stream that feeds them, called from its
 * {@code push}, with no pipe in between (so the capacity given to that pipe is moot). Chains of
 * them fuse transitively. Results, failures (reported as the element step's), end of stream,
 * back-pressure and deadlock handling are those of the unfused graph; {@link #fusion(boolean)}
 * turns fusion off.
 *
 * <h2>Bytes</h2>
 * Byte ports ({@link Step#byteInput(String)}, {@link Step#byteOutput(String)}) carry
 * {@link java.nio.ByteBuffer} views without copying them ({@link ByteInput}, {@link ByteOutput}).
 * A pipe takes the kind of the input it feeds. Into a byte input it is bounded in bytes: it holds
 * {@link #byteCapacity()} bytes unless its own capacity says otherwise, and it comes from a byte
 * output or from an item output of {@code ByteBuffer}s, whose items go in as views. A byte input
 * takes exactly one pipe: bytes of two writers would interleave meaninglessly. Into an item input
 * of {@code ByteBuffer}s (or {@code Object}s), a byte output's pipe is an item pipe: each view is
 * one item. A byte output piped to several inputs broadcasts every byte to each.
 *
 * <p>A stream that ends while items still flow towards it makes its pipes dead: what is pushed
 * into them is dropped and a writer waiting for room goes on, like a closed Unix pipe. When every
 * pipe of every output of a stream is dead (discarded outputs never die), its next push ends it
 * quietly, as if it had returned (the SIGPIPE rule): so a reader that stops early, like a zip that
 * ends with its shortest input, stops its writers too.
 *
 * <h2>Failure, deadlock, cancellation</h2>
 * The first exception thrown by any stream stops the workflow: the other streams are interrupted
 * (blocking {@code push}/{@code poll}/{@code peek} give up at once, by throwing an internal signal
 * that is not reported), and {@code run()} throws a {@link WorkflowException} naming the failing
 * stream, with its exception as the cause and later failures suppressed. {@code run()} returns or
 * throws only once every stream's thread has ended, so a stream must not ignore interruption
 * forever.
 *
 * <p>A workflow never hangs silently: when every running stream is blocked on a pipe, it is
 * deadlocked. If some stream waits for room in a full pipe, bounded pipes caused it, and the
 * smallest such pipe doubles its capacity (Parks' bounded scheduling), up to
 * {@link #growthLimit() the growth limit} for item pipes, {@link #byteGrowthLimit() the byte growth
 * limit} for byte pipes (pipes of both kinds full: the one furthest below its limit, as a fraction
 * of it, grows first); otherwise, or past the limit, the workflow fails with
 * a {@link WorkflowException} whose message starts with {@code "deadlock"} and says which stream
 * waits on what.
 *
 * <p>A workflow is built on one thread, and runs once.
 */
public final class Workflow {
    /** Items a pipe holds unless the workflow or the pipe says otherwise. */
    public static final int DEFAULT_CAPACITY = 256;

    /** The largest capacity of a pipe, in items or bytes. */
    public static final int MAX_CAPACITY = 1 << 30;

    /** Items up to which a full pipe may grow to resolve a deadlock, unless the workflow says otherwise. */
    public static final int DEFAULT_GROWTH_LIMIT = 1 << 20;

    /** Bytes a pipe into a byte input holds (1 MiB) unless the workflow or the pipe says otherwise. */
    public static final int DEFAULT_BYTE_CAPACITY = 1 << 20;

    /** Bytes up to which a full byte pipe may grow (64 MiB) to resolve a deadlock, unless the workflow says otherwise. */
    public static final int DEFAULT_BYTE_GROWTH_LIMIT = 1 << 26;

    /** How often listeners get a snapshot of a run, unless the workflow says otherwise: every second. */
    public static final Duration DEFAULT_SNAPSHOT_EVERY = Duration.ofSeconds(1);

    /** How long nothing may cross a pipe, with no stream running, before the run is stalled: 30 s unless set. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final int capacity;
    private int growthLimit = DEFAULT_GROWTH_LIMIT;
    private int byteCapacity = DEFAULT_BYTE_CAPACITY;
    private int byteGrowthLimit = DEFAULT_BYTE_GROWTH_LIMIT;
    private boolean fusion = true;
    private boolean counting;
    private final List<WorkflowListener> listeners = new ArrayList<>();
    private Duration snapshotEvery = DEFAULT_SNAPSHOT_EVERY;
    private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;
    private final List<Step> steps = new ArrayList<>();
    /** Element steps run as several copies ({@link #parallel}), with their number of copies. */
    private final IdentityHashMap<Step, Integer> copies = new IdentityHashMap<>();

    private final Set<String> stepNames = new HashSet<>();
    /** Steps added twice, or already in another workflow: reported when the workflow starts. */
    private final List<String> addProblems = new ArrayList<>();

    private volatile boolean started;

    /** A workflow whose pipes hold {@value #DEFAULT_CAPACITY} items unless a pipe says otherwise. */
    public Workflow(String name) {
        this(name, DEFAULT_CAPACITY);
    }

    /**
     * A workflow whose pipes hold {@code capacity} items unless a pipe says otherwise.
     *
     * @throws IllegalArgumentException if {@code name} is blank or {@code capacity} is not in
     *     {@code [1, MAX_CAPACITY]}
     */
    public Workflow(String name, int capacity) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a workflow needs a non-blank name, got " + name);
        }
        checkCapacity(capacity, "workflow '" + name + "'", "items");
        this.name = name;
        this.capacity = capacity;
    }

    /** The workflow's name. */
    public String name() {
        return name;
    }

    /** Items a pipe holds unless the pipe says otherwise. */
    public int capacity() {
        return capacity;
    }

    /** Items up to which a full pipe may grow to resolve a deadlock; see {@link #growthLimit(int)}. */
    public synchronized int growthLimit() {
        return growthLimit;
    }

    /**
     * Sets how far pipes may grow to resolve a deadlock that bounded pipes caused: a full pipe
     * doubles, at most up to {@code items} (a pipe already that large does not grow). The default,
     * {@value #DEFAULT_GROWTH_LIMIT}, lets a diamond whose join reads one branch first buffer about
     * a million items of the other before failing; {@code 1} disables growth.
     *
     * @return this workflow
     * @throws IllegalArgumentException if {@code items} is not in {@code [1, MAX_CAPACITY]}
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow growthLimit(int items) {
        checkNotStarted("change the growth limit");
        if (items < 1 || items > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "the growth limit of workflow '" + name + "' must be in [1, " + MAX_CAPACITY + "], got " + items);
        }
        growthLimit = items;
        return this;
    }

    /** Bytes a pipe into a byte input holds unless the pipe says otherwise; see {@link #byteCapacity(int)}. */
    public synchronized int byteCapacity() {
        return byteCapacity;
    }

    /**
     * Sets how many bytes a pipe into a byte input holds unless the pipe says otherwise
     * ({@link OutPort#pipe(InPort, int)}, whose capacity is in bytes for a byte input). The default
     * is {@value #DEFAULT_BYTE_CAPACITY} (1 MiB). A write waits while a pipe holds its capacity or
     * more, and then takes a whole view however large, so a pipe may hold up to its capacity plus
     * one view.
     *
     * @return this workflow
     * @throws IllegalArgumentException if {@code bytes} is not in {@code [1, MAX_CAPACITY]}
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow byteCapacity(int bytes) {
        checkNotStarted("change the byte capacity");
        checkCapacity(bytes, "the byte pipes of workflow '" + name + "'", "bytes");
        byteCapacity = bytes;
        return this;
    }

    /** Bytes up to which a full byte pipe may grow to resolve a deadlock; see {@link #byteGrowthLimit(int)}. */
    public synchronized int byteGrowthLimit() {
        return byteGrowthLimit;
    }

    /**
     * Sets how far byte pipes may grow to resolve a deadlock that bounded pipes caused, as
     * {@link #growthLimit(int)} does for item pipes: a full byte pipe doubles, at most up to
     * {@code bytes}. The default is {@value #DEFAULT_BYTE_GROWTH_LIMIT} (64 MiB); {@code 1} disables
     * growth.
     *
     * @return this workflow
     * @throws IllegalArgumentException if {@code bytes} is not in {@code [1, MAX_CAPACITY]}
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow byteGrowthLimit(int bytes) {
        checkNotStarted("change the byte growth limit");
        if (bytes < 1 || bytes > MAX_CAPACITY) {
            throw new IllegalArgumentException("the byte growth limit of workflow '" + name + "' must be in [1, "
                    + MAX_CAPACITY + "], got " + bytes);
        }
        byteGrowthLimit = bytes;
        return this;
    }

    /** Whether element steps may run fused; see {@link #fusion(boolean)}. */
    public synchronized boolean fusion() {
        return fusion;
    }

    /**
     * Sets whether {@link ElementStep element steps} may run fused: on the thread of the stream
     * that feeds them, with no pipe in between (the default), or each on a thread of its own,
     * reading from a pipe, as any stream. Results are the same either way; turn fusion off to
     * debug a step on a thread of its own, or to measure what fusion saves.
     * {@link #toString()} shows which steps run fused.
     *
     * @return this workflow
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow fusion(boolean enabled) {
        checkNotStarted("turn fusion " + (enabled ? "on" : "off"));
        fusion = enabled;
        return this;
    }

    /**
     * Whether the run counts the items that cross fused pipes: asked for ({@link #counting(boolean)}),
     * or implied by a {@link #listener(WorkflowListener) listener}.
     */
    public synchronized boolean counting() {
        return counting || !listeners.isEmpty();
    }

    /**
     * Sets whether the run counts the items that cross fused pipes, for
     * {@link Execution#snapshot()}. Every other count of a snapshot (items through real pipes, bytes,
     * what each stream pushed to a pipe or a broadcast, waits) comes free, from indices the pipes keep
     * anyway or from slow paths; but a fused element step is a call, and counting its items is a
     * store per item and step on the hottest loop a workflow has (a fifth of the time of a chain of
     * five cheap steps). So it is off unless asked for: a snapshot of a run that does not count
     * shows {@code -1} for the ports of a fused pipe and for what crossed it. A run counts when
     * this is on (the default is off) or the workflow has a {@link #listener(WorkflowListener)
     * listener}, which watches it. Counts are exact after the run either way.
     *
     * @return this workflow
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow counting(boolean enabled) {
        checkNotStarted("turn counting " + (enabled ? "on" : "off"));
        counting = enabled;
        return this;
    }

    /**
     * Adds a listener that hears each run of this workflow: its start, each stream's end or failure,
     * pipes growing, stalls, a deadlock, a snapshot every {@link #snapshotEvery(Duration) period},
     * and its end; see {@link WorkflowListener} for the thread that calls it and what happens to what
     * it throws. A workflow with a listener {@link #counting(boolean) counts} fused items too.
     *
     * @return this workflow
     * @throws NullPointerException if {@code listener} is null
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow listener(WorkflowListener listener) {
        if (listener == null) {
            throw new NullPointerException("cannot add a null listener to workflow '" + name + "'");
        }
        checkNotStarted("add listener " + listener);
        listeners.add(listener);
        return this;
    }

    /** How often listeners get a snapshot while a run goes on; see {@link #snapshotEvery(Duration)}. */
    public synchronized Duration snapshotEvery() {
        return snapshotEvery;
    }

    /**
     * Sets how often {@link WorkflowListener#snapshot} is called while a run goes on (default
     * {@link #DEFAULT_SNAPSHOT_EVERY}, every second). Each call takes a snapshot, which reads every
     * stream's and pipe's counts without stopping anyone: a few microseconds for a workflow of tens
     * of streams.
     *
     * @return this workflow
     * @throws IllegalArgumentException if {@code period} is not positive
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow snapshotEvery(Duration period) {
        checkNotStarted("change the snapshot period");
        snapshotEvery = positive(period, "the snapshot period");
        return this;
    }

    /** How long a run may cross nothing before it is stalled; see {@link #stallTimeout(Duration)}. */
    public synchronized Duration stallTimeout() {
        return stallTimeout;
    }

    /**
     * Sets how long nothing may cross any pipe of a run, while no stream runs, before the run is
     * stalled (default {@link #DEFAULT_STALL_TIMEOUT}, 30 s). A stall is not a deadlock (that, the
     * run finds and handles by itself, at once): some stream waits outside mimo, on a lock, a socket,
     * a sleep or a latch, and may never come back. The run goes on; the stall is reported once (until
     * something crosses again) to the {@link WorkflowListener#stalled listeners}, or, with none,
     * logged through {@link System.Logger} (logger {@code io.mimo.runtime}, level {@code WARNING}),
     * and recorded as the JFR event {@code io.mimo.Stall}; its message names who waits on what. The
     * run's watcher looks at its traffic about every quarter of this timeout, at most every second.
     *
     * @return this workflow
     * @throws IllegalArgumentException if {@code timeout} is not positive
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized Workflow stallTimeout(Duration timeout) {
        checkNotStarted("change the stall timeout");
        stallTimeout = positive(timeout, "the stall timeout");
        return this;
    }

    private Duration positive(Duration duration, String what) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(
                    what + " of workflow '" + name + "' must be a positive duration, got " + duration);
        }
        return duration;
    }

    /** The most copies {@link #parallel} runs of one step. */
    public static final int MAX_COPIES = 1024;

    /**
     * Runs {@code step}, an element step of this workflow, as {@code copies} copies on threads of
     * their own, so that a CPU-heavy step (parsing, hashing) uses several cores, while its readers
     * see exactly what they would see of one copy, in the same order. Returns the step.
     *
     * <p>Items are dealt to the copies in batches (up to 64 items; less when no
     * more is waiting), round robin; what each copy pushes for a batch is held
     * until the batches before it are through, and then pushed on in input order, output by output.
     * So items wait for the slowest copy of their turn, and memory holds a few batches per copy.
     * A copy's failure is the step's ({@link WorkflowException#stream()} names it); when every reader
     * of its outputs has ended, every copy ends (the SIGPIPE rule); deadlock detection and pipe
     * growth see the copies' pipes as any other. A parallel step never runs fused.
     *
     * <p>{@link ElementStep#open(Context)} is then called once per copy, on that copy's thread, and
     * the handlers it returns run at the same time: the step must keep no state that its copies
     * share unguarded (a generated element step of a static method keeps none). {@code copies} of
     * 1 runs it as one step again.
     *
     * @return {@code step}
     * @throws IllegalArgumentException if {@code copies} is not in {@code [1, MAX_COPIES]}, the step
     *     is not in this workflow, or it has a byte output (bytes have no items to deal)
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized <S extends ElementStep<?>> S parallel(S step, int copies) {
        checkNotStarted("run step '" + (step == null ? null : step.name()) + "' in parallel");
        if (step == null || step.workflow() != this) {
            throw new IllegalArgumentException("cannot run step '" + (step == null ? null : step.name())
                    + "' in parallel in workflow '" + name + "': add it to this workflow first");
        }
        if (copies < 1 || copies > MAX_COPIES) {
            throw new IllegalArgumentException(
                    "step '" + step.name() + "' cannot run as " + copies + " copies: give 1 to " + MAX_COPIES);
        }
        for (OutPort<?> output : step.outputs()) {
            if (output.bytes()) {
                throw new IllegalArgumentException("step '" + step.name() + "' cannot run in parallel: its output '"
                        + output.name() + "' writes bytes, which have no items to deal and merge in order");
            }
        }
        if (copies == 1) {
            this.copies.remove(step);
        } else {
            this.copies.put(step, copies);
        }
        return step;
    }

    /**
     * Adds a step; returns it, so {@code var fork = wf.add(NumbersStreams.fork());} keeps its type.
     *
     * <p>Step names are unique within a workflow, so that messages and thread names are
     * unambiguous: a step whose name is taken is renamed with the first free suffix
     * ({@code "print"}, then {@code "print-2"}, {@code "print-3"}…); {@link Step#name()} tells the
     * name it got. Adding a step twice, or a step of another workflow, is reported by
     * {@link #run()}/{@link #start()} with the graph's other problems; the step is not added again.
     *
     * @throws IllegalStateException if the workflow has started
     */
    public <S extends Step> S add(S step) {
        return add(step == null ? null : step.name(), step);
    }

    /**
     * Adds a step under {@code name} instead of its own (e.g. the method name a generated step
     * carries), so that two steps of one kind read apart in pictures and messages:
     * {@code wf.add("parse orders", CsvStreams.parse(…))}. Otherwise as {@link #add(Step)}.
     *
     * @throws IllegalArgumentException if {@code name} is blank
     * @throws IllegalStateException if the workflow has started
     */
    public synchronized <S extends Step> S add(String name, S step) {
        if (step == null) {
            throw new NullPointerException("cannot add a null step to workflow '" + name + "'");
        }
        checkNotStarted("add step '" + step.name() + "'");
        Workflow owner = step.workflow();
        if (owner == this) {
            addProblems.add("step '" + step.name() + "' was added twice: add each step once");
        } else if (owner != null) {
            addProblems.add("step '" + step.name() + "' was added to this workflow but belongs to workflow '"
                    + owner.name() + "': a step belongs to one workflow; create another step");
        } else {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException(
                        "a step needs a non-blank name, not " + (name == null ? "null" : "'" + name + "'"));
            }
            String unique = name;
            for (int n = 2; stepNames.contains(unique); n++) {
                unique = name + "-" + n;
            }
            stepNames.add(unique);
            step.joinWorkflow(this, unique);
            steps.add(step);
        }
        return step;
    }

    /** Pipes {@code from} into {@code to} with the default capacity; the same as {@code from.pipe(to)}. */
    public <T> void pipe(OutPort<T> from, InPort<? super T> to) {
        from.pipe(to);
    }

    /** Pipes {@code from} into {@code to} through a pipe of {@code capacity} items (bytes into a byte input). */
    public <T> void pipe(OutPort<T> from, InPort<? super T> to, int capacity) {
        from.pipe(to, capacity);
    }

    /**
     * Runs every stream and blocks until all have ended.
     *
     * @throws IllegalStateException listing every problem of the graph, before anything runs
     * @throws WorkflowException if a stream failed, the workflow deadlocked, or the calling thread
     *     was interrupted (the workflow is then cancelled and the interrupt flag stays set)
     */
    public void run() {
        start().await();
    }

    /**
     * Starts every stream on a virtual thread of its own and returns at once.
     *
     * @throws IllegalStateException listing every problem of the graph, before anything runs
     */
    public synchronized Execution start() {
        WorkflowGraph graph = graph();
        started = true;
        return Engine.start(graph, fusion, new Watch(counting(), listeners, snapshotEvery, stallTimeout));
    }

    /**
     * A read-only view of this workflow's graph, for runners: its steps with their ports, its pipes
     * with their capacities, and how to run each step. The local runner ({@link #run()}) runs from
     * this same view. It is a snapshot: wiring the workflow afterwards does not change it.
     *
     * @throws IllegalStateException listing every problem of the graph, as {@link #start()} does
     */
    public synchronized WorkflowGraph graph() {
        List<String> problems = new ArrayList<>();
        if (started) {
            problems.add("workflow '" + name + "' has already run: a workflow runs once; build a new one");
        }
        problems.addAll(membershipProblems());
        WorkflowGraph graph = view();
        problems.addAll(Engine.problems(graph));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("workflow '" + name + "' cannot run, "
                    + (problems.size() == 1 ? "1 problem" : problems.size() + " problems") + ":"
                    + problems.stream().map(p -> "\n  - " + p).collect(Collectors.joining()));
        }
        return graph;
    }

    /** Whether {@link #start()} has started the workflow. */
    boolean started() {
        return started;
    }

    /** The view of the steps of this workflow and the pipes between them, checked or not. */
    private WorkflowGraph view() {
        return GraphViews.of(this, steps, copies);
    }

    /**
     * What breaks the rule that a workflow holds its steps and the pipes between them alone:
     * steps added twice or belonging to another workflow, and pipes to or from a step that is in
     * another workflow or in none. The graph's own shape is checked by the engine on the view.
     */
    private List<String> membershipProblems() {
        List<String> problems = new ArrayList<>(addProblems);
        for (Step step : steps) {
            for (InPort<?> input : step.inputs()) {
                for (DeclaredPipe pipe : input.pipes()) {
                    Step from = pipe.from().step();
                    if (from.workflow() != this) {
                        problems.add("step '" + step.name() + "': input '" + input.name() + "' is piped from '"
                                + pipe.from() + "', whose step " + elsewhere(from));
                    }
                }
            }
            for (OutPort<?> output : step.outputs()) {
                for (DeclaredPipe pipe : output.pipes()) {
                    Step to = pipe.to().step();
                    if (to.workflow() != this) {
                        problems.add("step '" + step.name() + "': output '" + output.name() + "' is piped to '"
                                + pipe.to() + "', whose step " + elsewhere(to));
                    }
                }
            }
        }
        return problems;
    }

    private String elsewhere(Step step) {
        Workflow owner = step.workflow();
        return owner == null
                ? "'" + step.name() + "' is in no workflow: add it to workflow '" + name + "'"
                : "'" + step.name() + "' is in workflow '" + owner.name() + "': pipes cannot cross workflows";
    }

    private void checkNotStarted(String what) {
        if (started) {
            throw new IllegalStateException("cannot " + what + ": workflow '" + name + "' has already started");
        }
    }

    static void checkCapacity(int capacity, String what, String unit) {
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "the capacity of " + what + " must be in [1, " + MAX_CAPACITY + "] " + unit + ", got " + capacity);
        }
    }

    /**
     * The graph in Graphviz's DOT language, to render with {@code dot -Tsvg}: a box per step (a
     * parallel one says its copies), an arrow per pipe labelled with its ports and capacity, pipes of
     * bytes dashed, fused pipes bold and each fused chain in a dashed cluster named for the stream
     * whose thread runs it, discarded outputs as dotted arrows to a point. Unpiped ports are not
     * drawn ({@link #toString()} lists them).
     */
    public synchronized String toDot() {
        return Engine.dot(view(), fusion);
    }

    /**
     * The same diagram as {@link #toDot()}, as a Mermaid flowchart, which GitHub and many Markdown
     * viewers render from a {@code ```mermaid} block: bold arrows for fused pipes ({@code ==>}),
     * dotted ones for pipes of bytes and discarded outputs ({@code -.->}).
     */
    public synchronized String toMermaid() {
        return Engine.mermaid(view(), fusion);
    }

    /**
     * A picture of the graph: the workflow's name, each step (in the order added) with its input
     * and output ports, then every pipe with its capacity, discarded outputs and unpiped ports
     * marked. Byte ports are marked {@code [bytes]}. For example:
     *
     * <pre>
     * workflow 'even-odd': 4 streams, 3 pipes
     *   streams
     *     range    in: -      out: entity
     *     fork     in: input  out: even, odd
     *     print    in: value  out: -
     *     print-2  in: value  out: -
     *   pipes
     *     range.entity  -&gt; fork.input      256 items
     *     fork.even     -&gt; print.value     256 items
     *     fork.odd      -&gt; print-2.value   16 items
     * </pre>
     *
     * A pipe that runs fused (see {@link #fusion(boolean)}) shows {@code fused} for its capacity,
     * and a last line per stream that others are fused into names them, upstream first:
     *
     * <pre>
     *   pipes
     *     range.out  -&gt; square.x  fused
     *     square.y   -&gt; inc.x     fused
     *     inc.y      -&gt; sum.x     256 items
     *   fused: square, inc into range
     * </pre>
     *
     * Steps added twice and pipes that leave the workflow are noted under the first line.
     */
    @Override
    public synchronized String toString() {
        return Engine.picture(view(), fusion, membershipProblems());
    }
}
