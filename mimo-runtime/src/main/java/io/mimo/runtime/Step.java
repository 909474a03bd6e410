package io.mimo.runtime;

import java.lang.invoke.MethodType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A stream of a workflow before it runs: a name, named input and output ports, and a body that
 * the runtime calls once, on a virtual thread of its own, when the workflow runs. (An
 * {@link ElementStep}, called once per item, may instead run fused on the thread that feeds it.)
 *
 * <p>Generated step classes extend it; so can hand-written ones, declaring their ports with
 * {@link #input(String)} and {@link #output(String)} in field initialisers or the constructor.
 * Port names are non-blank and unique across the step's inputs and outputs. A step belongs to at
 * most one workflow and runs at most once; {@link Workflow#add(Step)} may rename it to keep names
 * unique within the workflow.
 */
public abstract class Step {
    private String name;
    private final List<InPort<?>> inputs = new ArrayList<>();
    private final List<OutPort<?>> outputs = new ArrayList<>();
    private Workflow workflow;

    /**
     * A step of this name, with no ports yet: declare them in field initialisers or the constructor.
     *
     * @param name the stream's name, used in pictures of the graph, thread names and error messages
     * @throws IllegalArgumentException if {@code name} is blank
     */
    protected Step(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a step needs a non-blank name, got " + quote(name));
        }
        this.name = name;
    }

    /**
     * Declares an input port.
     *
     * @throws IllegalArgumentException if the name is blank or already names a port of this step
     * @throws IllegalStateException if this is an {@link ElementStep}, whose one input is declared
     */
    protected final <T> InPort<T> input(String name) {
        return addInput(name, null);
    }

    /**
     * Declares an input port whose items are {@code itemType}s: the erasure of {@code T}
     * ({@code List.class} for a {@code List<String>}), recorded for runners that need to know
     * what crosses a pipe at run time ({@link io.mimo.runtime.graph.PortView#itemType()}), where
     * erasure hides it. Generated steps record it for every port whose type is known.
     *
     * @throws IllegalArgumentException if the name is blank or already names a port of this step,
     *     or {@code itemType} is a primitive type (record its box)
     * @throws IllegalStateException if this is an {@link ElementStep}, whose one input is declared
     */
    protected final <T> InPort<T> input(String name, Class<? super T> itemType) {
        return addInput(name, checkItemType(name, itemType));
    }

    private <T> InPort<T> addInput(String name, Class<?> itemType) {
        checkOneInputOfElementStep(name);
        InPort<T> port = new InPort<>(this, checkPortName(name), false, itemType);
        inputs.add(port);
        return port;
    }

    /**
     * Declares an output port.
     *
     * @throws IllegalArgumentException if the name is blank or already names a port of this step
     */
    protected final <T> OutPort<T> output(String name) {
        return addOutput(name, null);
    }

    /**
     * Declares an output port whose items are {@code itemType}s (the erasure of {@code T}), as
     * {@link #input(String, Class)} does for an input.
     *
     * @throws IllegalArgumentException if the name is blank or already names a port of this step,
     *     or {@code itemType} is a primitive type
     */
    protected final <T> OutPort<T> output(String name, Class<? super T> itemType) {
        return addOutput(name, checkItemType(name, itemType));
    }

    private <T> OutPort<T> addOutput(String name, Class<?> itemType) {
        OutPort<T> port = new OutPort<>(this, checkPortName(name), false, itemType);
        outputs.add(port);
        return port;
    }

    /**
     * Declares a byte input port: wired like any {@code InPort<ByteBuffer>}, read through
     * {@link Context#byteInput(InPort)}. It takes exactly one pipe, bounded in bytes, not items,
     * from a byte output or from an item output of {@code ByteBuffer}s (whose items come in as
     * views).
     *
     * @throws IllegalStateException if this is an {@link ElementStep}, whose one input is declared
     */
    protected final InPort<ByteBuffer> byteInput(String name) {
        checkOneInputOfElementStep(name);
        InPort<ByteBuffer> port = new InPort<>(this, checkPortName(name), true, ByteBuffer.class);
        inputs.add(port);
        return port;
    }

    /**
     * Declares a byte output port: wired like any {@code OutPort<ByteBuffer>}, written through
     * {@link Context#byteOutput(OutPort)}. Pipes out of it into byte inputs are bounded in bytes;
     * it may also pipe into item inputs of {@code ByteBuffer}s (or {@code Object}s), which get each
     * view as one item through a pipe bounded in items.
     */
    protected final OutPort<ByteBuffer> byteOutput(String name) {
        OutPort<ByteBuffer> port = new OutPort<>(this, checkPortName(name), true, ByteBuffer.class);
        outputs.add(port);
        return port;
    }

    /**
     * The stream's body, called once when the workflow runs. Its outputs close when it returns
     * (or throws); an exception stops the workflow.
     */
    protected abstract void run(Context context) throws Exception;

    /**
     * The stream's name: the one given to the constructor, or the unique name
     * {@link Workflow#add(Step)} gave it ({@code "print-2"}) when the workflow already had a step
     * of that name.
     */
    public final String name() {
        return name;
    }

    /** The input ports, in declaration order. */
    public final List<InPort<?>> inputs() {
        return Collections.unmodifiableList(inputs);
    }

    /** The output ports, in declaration order. */
    public final List<OutPort<?>> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    @Override
    public String toString() {
        return name;
    }

    /** The workflow this step was added to, or {@code null}. */
    final Workflow workflow() {
        return workflow;
    }

    /** Called by {@link Workflow#add(Step)} only, once. */
    final void joinWorkflow(Workflow workflow, String uniqueName) {
        this.workflow = workflow;
        this.name = uniqueName;
    }

    /** An {@link ElementStep} declares its one input in its constructor, and no other. */
    private void checkOneInputOfElementStep(String port) {
        if (this instanceof ElementStep<?> && !inputs.isEmpty()) {
            throw new IllegalStateException("element step '" + name + "' cannot declare input " + quote(port)
                    + ": it has exactly one input, '" + inputs.get(0).name()
                    + "'; extend Step for a step of several inputs");
        }
    }

    private String checkPortName(String port) {
        if (workflow != null && workflow.started()) {
            throw new IllegalStateException("step '" + name + "' cannot declare port " + quote(port)
                    + ": its workflow '" + workflow.name() + "' has already started");
        }
        if (port == null || port.isBlank()) {
            throw new IllegalArgumentException("step '" + name + "' declares a port with a blank name, got "
                    + quote(port) + ": give every port a non-blank name");
        }
        boolean taken = inputs.stream().anyMatch(p -> p.name().equals(port))
                || outputs.stream().anyMatch(p -> p.name().equals(port));
        if (taken) {
            throw new IllegalArgumentException("step '" + name + "' declares port '" + port
                    + "' twice: port names must be unique across a step's inputs and outputs");
        }
        return port;
    }

    private Class<?> checkItemType(String port, Class<?> itemType) {
        if (itemType == null) {
            throw new NullPointerException("step '" + name + "' declares port " + quote(port)
                    + " with a null item type: pass the item type's class, or use the form without one");
        }
        if (itemType.isPrimitive()) {
            throw new IllegalArgumentException("step '" + name + "' declares port " + quote(port) + " with item type "
                    + itemType + ": items are objects; use its box, as "
                    + MethodType.methodType(itemType).wrap().returnType().getSimpleName()
                    + ".class");
        }
        return itemType;
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }
}
