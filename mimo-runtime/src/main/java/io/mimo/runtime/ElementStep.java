package io.mimo.runtime;

/**
 * A step called once per item of its only input: the element style of {@code @Stream} methods with
 * one input, and the form to write by hand for maps, filters and sinks that look at one item at a
 * time. Because it never chooses when to read, the runtime may run it <em>fused</em>: on the thread
 * of the stream that feeds it, called straight from that stream's {@code push}, with no pipe and no
 * thread of its own.
 *
 * <pre>{@code
 * final class Square extends ElementStep<Integer> implements OneOutput<Integer> {
 *     final OutPort<Integer> y = output("y");
 *
 *     Square() {
 *         super("square", "x");
 *     }
 *
 *     public OutPort<Integer> onlyOutput() {
 *         return y;
 *     }
 *
 *     protected ItemHandler<Integer> open(Context context) {
 *         Output<Integer> out = context.output(y);
 *         return x -> out.push(x * x);
 *     }
 * }
 * }</pre>
 *
 * <h2>When it runs fused</h2>
 * When the workflow starts, an element step whose input is fed by exactly one pipe, from an item
 * output of another step, is fused into that step (unless {@link Workflow#fusion(boolean) fusion is
 * off}): pushing to that output calls this step's handler, on the pushing thread, before
 * {@code push} returns; an output piped to several inputs does so beside its other pipes. Chains
 * fuse transitively, so a source followed by maps and filters runs on the source's thread alone.
 * An element step fed by several pipes (fan-in), by a byte output, or by itself through a cycle of
 * fused steps runs unfused, on a thread of its own, reading its input through a pipe. Either way
 * the same items reach the handler in the same order, and the same rules hold:
 *
 * <ul>
 *   <li>{@link #open(Context)} is called once, before the first item, on the thread that then
 *       calls the handler for every item (fused: the thread of the stream at the head of the chain,
 *       before that stream's body starts, the steps of a chain downstream first, so that an
 *       {@code open} that pushes finds its fused readers open); the handler is never called
 *       concurrently.</li>
 *   <li>An exception thrown by {@code open} or the handler fails the workflow as this step's
 *       failure ({@link WorkflowException#stream()} names this step, not the one feeding it).</li>
 *   <li>Its outputs close when its input ends (fused: when the stream feeding it ends).</li>
 *   <li>When every pipe out of it is dead (its readers ended), it ends quietly (the SIGPIPE rule
 *       of {@link Workflow}); the stream feeding it then drops what it pushes to it, and itself
 *       ends once none of its readers is left.</li>
 *   <li>A full pipe out of it blocks the handler, which (fused) blocks the thread feeding it:
 *       back-pressure reaches the head of the chain, and deadlock detection and pipe growth see
 *       that thread waiting on this step's pipe.</li>
 * </ul>
 *
 * Fused, the capacity given to the pipe into it ({@link OutPort#pipe(InPort, int)}) is moot: there
 * is no pipe. A step that must not run on its feeder's thread (it blocks on something other than
 * its outputs, relies on thread-locals, or is slow enough that it should run in parallel with its
 * feeder) should extend {@link Step} instead, or run in a workflow with fusion off.
 *
 * @param <T> the type of the items of its input
 */
public abstract class ElementStep<T> extends Step implements OneInput<T> {
    private final InPort<T> input;

    /**
     * Declares the step and its only input port. Declare outputs with {@link #output(String)} (or
     * {@link #byteOutput(String)}) as any step does; declaring another input throws.
     *
     * @param name the stream's name
     * @param inputName the name of its only input port
     * @throws IllegalArgumentException if a name is blank
     */
    // The port keeps a reference to this step and reads nothing of it: the escape is harmless.
    @SuppressWarnings("this-escape")
    protected ElementStep(String name, String inputName) {
        super(name);
        this.input = input(inputName);
    }

    /**
     * As {@link #ElementStep(String, String)}, recording that the input's items are
     * {@code itemType}s (the erasure of {@code T}; see {@link Step#input(String, Class)}).
     *
     * @throws IllegalArgumentException if a name is blank or {@code itemType} is primitive
     */
    @SuppressWarnings("this-escape")
    protected ElementStep(String name, String inputName, Class<? super T> itemType) {
        super(name);
        this.input = input(inputName, itemType);
    }

    /** The step's only input port. */
    @Override
    public final InPort<T> onlyInput() {
        return input;
    }

    /**
     * Called once, on the thread that will then call the returned handler for every item of the
     * input: get the step's {@link Output}s from {@code context} here. It must not read the input:
     * items arrive through the handler.
     *
     * @return what to do with each item; it may push to the outputs, as often as it likes
     */
    protected abstract ItemHandler<T> open(Context context) throws Exception;

    /**
     * Runs the step unfused: {@link #open(Context)}, then the handler for every item of the input
     * until it ends. Not called when the step runs fused.
     */
    @Override
    protected final void run(Context context) throws Exception {
        ItemHandler<T> handler = open(context);
        Input<T> items = context.input(input);
        for (T item; (item = items.poll()) != null; ) {
            handler.accept(item);
        }
    }

    /** {@link #open(Context)} for the engine, which handles items of any type it was wired for. */
    @SuppressWarnings("unchecked")
    final ItemHandler<Object> openForEngine(Context context) throws Exception {
        return (ItemHandler<Object>) (ItemHandler<?>) open(context);
    }

    /** What an {@link ElementStep} does with one item. */
    @FunctionalInterface
    public interface ItemHandler<T> {
        /** Handles one item, which is never {@code null}; may push to the step's outputs. */
        void accept(T item) throws Exception;
    }
}
