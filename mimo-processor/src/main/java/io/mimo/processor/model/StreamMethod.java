package io.mimo.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;

/**
 * A valid {@code @Stream} method and what it means.
 *
 * @param element the method
 * @param owner the class that declares it
 * @param style how the runtime calls it
 * @param arguments its parameters in order, each a port or configuration
 * @param inputs its input ports, in the order of {@code @Stream(in = …)}
 * @param outputs its output ports, in the order of {@code @Stream(out = …)}, the return port included
 * @param returnHandling what becomes of its return value
 * @param returnPort the output port its return value goes to, unless it returns {@code void}
 */
public record StreamMethod(
        ExecutableElement element,
        TypeElement owner,
        Style style,
        List<Argument> arguments,
        List<Port> inputs,
        List<Port> outputs,
        ReturnHandling returnHandling,
        Optional<Port> returnPort) {

    /** The method's name, which is also the stream's name and the factory's. */
    public String name() {
        return element.getSimpleName().toString();
    }

    /** Whether the method is static; otherwise the factory takes the receiver. */
    public boolean isStatic() {
        return element.getModifiers().contains(Modifier.STATIC);
    }

    /** The type variables of the step: its class's for an instance method, then the method's own. */
    public List<TypeParameterElement> typeParameters() {
        return SignatureTypes.typeParameters(element);
    }

    /** Whether the method declares exceptions, which the step's body then propagates. */
    public boolean throwsExceptions() {
        return !element.getThrownTypes().isEmpty();
    }
}
