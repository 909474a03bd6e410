package io.mimo.processor.model;

import javax.lang.model.type.TypeMirror;

/** One parameter of a stream method, in declaration order: a port or configuration. */
public sealed interface Argument {

    /** The parameter's name. */
    String name();

    /**
     * A parameter that is a port. In process style it is the port itself ({@code Input<T>},
     * {@code Output<T>}, {@code ByteInput}, {@code ByteOutput}); in element style an input is
     * one item and an output is still the port.
     *
     * @param process whether the parameter is an {@code Input}/{@code ByteInput}, not an item
     */
    record PortArgument(Port port, boolean process) implements Argument {
        @Override
        public String name() {
            return port.name();
        }
    }

    /** A configuration parameter: passed to the generated factory, kept by the step. */
    record ConfigArgument(String name, TypeMirror type) implements Argument {}
}
