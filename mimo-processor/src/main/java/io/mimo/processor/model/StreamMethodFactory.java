package io.mimo.processor.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads what a {@code @Stream} method means; only for methods that passed validation. */
public final class StreamMethodFactory {
    private final Types types;
    private final TypeMirror byteBuffer;
    private final TypeMirror object;

    public StreamMethodFactory(Elements elements, Types types) {
        this.types = types;
        this.byteBuffer = elements.getTypeElement("java.nio.ByteBuffer").asType();
        this.object = elements.getTypeElement("java.lang.Object").asType();
    }

    /** The meaning of {@code method}, which carries {@code annotation} and is valid. */
    public StreamMethod create(ExecutableElement method, StreamAnnotation annotation) {
        Map<String, VariableElement> parameters = new HashMap<>();
        method.getParameters().forEach(p -> parameters.put(p.getSimpleName().toString(), p));

        Map<String, Argument.PortArgument> portArguments = new HashMap<>();
        Optional<Port> returnPort = Optional.empty();
        List<Port> inputs = new ArrayList<>();
        List<Port> outputs = new ArrayList<>();
        for (PortName name : annotation.names()) {
            VariableElement parameter = parameters.get(name.name());
            Port port;
            if (parameter == null) {
                TypeMirror type = returnItemType(method.getReturnType());
                port = new Port(name.name(), PortKind.OUT, type, itemClass(type), false);
                returnPort = Optional.of(port);
            } else {
                Optional<PortType> portType = PortType.of(parameter.asType());
                TypeMirror type =
                        portType.isPresent() ? itemType(portType.get(), parameter.asType()) : boxed(parameter.asType());
                port = new Port(
                        name.name(),
                        name.kind(),
                        type,
                        itemClass(type),
                        portType.map(PortType::bytes).orElse(false));
                portArguments.put(name.name(), new Argument.PortArgument(port, portType.isPresent()));
            }
            (port.kind() == PortKind.IN ? inputs : outputs).add(port);
        }

        List<Argument> arguments = new ArrayList<>();
        for (VariableElement parameter : method.getParameters()) {
            String name = parameter.getSimpleName().toString();
            Argument argument = portArguments.get(name);
            arguments.add(argument != null ? argument : new Argument.ConfigArgument(name, parameter.asType()));
        }

        boolean element = arguments.stream()
                .anyMatch(a -> a instanceof Argument.PortArgument p && p.port().kind() == PortKind.IN && !p.process());
        return new StreamMethod(
                method,
                (TypeElement) method.getEnclosingElement(),
                element ? Style.ELEMENT : Style.PROCESS,
                List.copyOf(arguments),
                List.copyOf(inputs),
                List.copyOf(outputs),
                returnHandling(method.getReturnType()),
                returnPort);
    }

    private TypeMirror itemType(PortType portType, TypeMirror parameterType) {
        return portType.bytes()
                ? byteBuffer
                : ((DeclaredType) parameterType).getTypeArguments().get(0);
    }

    private TypeMirror returnItemType(TypeMirror returnType) {
        return PortType.isOptional(returnType)
                ? ((DeclaredType) returnType).getTypeArguments().get(0)
                : boxed(returnType);
    }

    /**
     * The erasure of {@code itemType}, which the step records for runners that need to know what
     * crosses a pipe; empty for a type variable whose bound erases to {@code Object}, of which
     * {@code Object} would say nothing. Every other type is as good as its erasure: a declared
     * {@code Object} is what its items are, and a {@code T[]} is at least an {@code Object[]}.
     */
    private Optional<TypeMirror> itemClass(TypeMirror itemType) {
        TypeMirror erasure = types.erasure(itemType);
        return itemType.getKind() == TypeKind.TYPEVAR && types.isSameType(erasure, object)
                ? Optional.empty()
                : Optional.of(erasure);
    }

    private static ReturnHandling returnHandling(TypeMirror returnType) {
        if (returnType.getKind() == TypeKind.VOID) {
            return ReturnHandling.NONE;
        }
        return PortType.isOptional(returnType) ? ReturnHandling.OPTIONAL : ReturnHandling.VALUE;
    }

    private TypeMirror boxed(TypeMirror type) {
        return type.getKind().isPrimitive()
                ? types.boxedClass((PrimitiveType) type).asType()
                : type;
    }
}
