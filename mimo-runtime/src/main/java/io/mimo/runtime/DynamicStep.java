package io.mimo.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A step built at run time from port names and a body, without the annotation processor: the
 * {@code Stream(ins, outs, fn)} form. Its ports carry {@code Object}s; pipe them through
 * {@link #in(String)} and {@link #out(String)}, and reach their ends in the body through
 * {@link Ports}:
 *
 * <pre>{@code
 * var twice = wf.add(DynamicStep.of("double", List.of("x"), List.of("y"), ports -> {
 *     for (Object o : ports.input("x")) ports.output("y").push(o);
 * }));
 * source.out().pipe(twice.in("x"));
 * }</pre>
 */
public final class DynamicStep extends Step {

    /** The body of a dynamic step, called once when the workflow runs. */
    @FunctionalInterface
    public interface Body {
        /** Runs the step once, reading and writing its ports through {@code ports}; what it throws fails the step. */
        void run(Ports ports) throws Exception;
    }

    /** The ends of a running dynamic step's ports, by name. */
    public interface Ports {
        /**
         * The reading end of the input {@code name}.
         *
         * @throws IllegalArgumentException naming the step's inputs if it has none of that name
         */
        Input<Object> input(String name);

        /**
         * The writing end of the output {@code name}.
         *
         * @throws IllegalArgumentException naming the step's outputs if it has none of that name
         */
        Output<Object> output(String name);
    }

    private final Map<String, InPort<Object>> ins = new LinkedHashMap<>();
    private final Map<String, OutPort<Object>> outs = new LinkedHashMap<>();
    private final Body body;

    private DynamicStep(String name, List<String> inputs, List<String> outputs, Body body) {
        super(name);
        for (String input : inputs) {
            ins.put(input, input(input));
        }
        for (String output : outputs) {
            outs.put(output, output(output));
        }
        this.body = body;
    }

    /**
     * A step named {@code name} with inputs and outputs of these names, in this order, that runs
     * {@code body}.
     *
     * @throws IllegalArgumentException if a port name is blank or used twice
     */
    public static DynamicStep of(String name, List<String> inputs, List<String> outputs, Body body) {
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(outputs, "outputs");
        Objects.requireNonNull(body, "body");
        return new DynamicStep(name, inputs, outputs, body);
    }

    /**
     * The input port {@code name}, for wiring.
     *
     * @throws IllegalArgumentException naming the step's inputs if it has none of that name
     */
    public InPort<Object> in(String name) {
        return find(ins, name, "input");
    }

    /**
     * The output port {@code name}, for wiring.
     *
     * @throws IllegalArgumentException naming the step's outputs if it has none of that name
     */
    public OutPort<Object> out(String name) {
        return find(outs, name, "output");
    }

    @Override
    protected void run(Context context) throws Exception {
        // Bodies often look a port up per item: resolve each name once.
        Map<String, Input<Object>> inputs = new HashMap<>();
        Map<String, Output<Object>> outputs = new HashMap<>();
        body.run(new Ports() {
            @Override
            public Input<Object> input(String name) {
                return inputs.computeIfAbsent(name, n -> context.input(in(n)));
            }

            @Override
            public Output<Object> output(String name) {
                return outputs.computeIfAbsent(name, n -> context.output(out(n)));
            }
        });
    }

    private <P> P find(Map<String, P> ports, String name, String role) {
        P port = ports.get(name);
        if (port == null) {
            throw new IllegalArgumentException("step '" + name() + "' has no " + role + " '" + name + "'; its " + role
                    + "s are: " + (ports.isEmpty() ? "none" : String.join(", ", ports.keySet())));
        }
        return port;
    }
}
