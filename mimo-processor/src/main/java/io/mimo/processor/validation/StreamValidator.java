package io.mimo.processor.validation;

import io.mimo.processor.model.PortKind;
import io.mimo.processor.model.PortName;
import io.mimo.processor.model.PortType;
import io.mimo.processor.model.SignatureTypes;
import io.mimo.processor.model.StepNames;
import io.mimo.processor.model.StreamAnnotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one {@code @Stream} method against the method contract. Problems of the class around
 * it are {@link OwnerValidator}'s; clashes between methods are {@link StreamNameValidator}'s.
 */
public final class StreamValidator {
    private final Elements elements;
    private final Types types;
    private final Reporter reporter;

    public StreamValidator(Elements elements, Types types, Reporter reporter) {
        this.elements = elements;
        this.types = types;
        this.reporter = reporter;
    }

    /** Reports every problem of {@code method}; returns whether it has none. */
    public boolean validate(ExecutableElement method, StreamAnnotation annotation) {
        return new Check(method, annotation).run();
    }

    /** The state of checking one method. */
    private final class Check {
        private final ExecutableElement method;
        private final StreamAnnotation annotation;
        private final String methodName;
        private final Map<String, VariableElement> parameters = new LinkedHashMap<>();
        /** The first occurrence of each port name. */
        private final Map<String, PortName> claims = new LinkedHashMap<>();
        /** Names already reported as not identifiers: no parameter can have them, but they still count as out names. */
        private final Set<String> malformed = new HashSet<>();

        private boolean valid = true;

        Check(ExecutableElement method, StreamAnnotation annotation) {
            this.method = method;
            this.annotation = annotation;
            this.methodName = method.getSimpleName().toString();
            method.getParameters().forEach(p -> parameters.put(p.getSimpleName().toString(), p));
        }

        boolean run() {
            checkModifiers();
            checkNames();
            checkNamedParameters();
            checkReturnAndUnmatchedNames();
            checkNoPorts();
            checkTypeVariables();
            checkAccess();
            return valid;
        }

        private void checkModifiers() {
            if (method.getModifiers().contains(Modifier.PRIVATE)) {
                error(
                        ErrorTag.PRIVATE_METHOD,
                        method,
                        "@Stream method " + methodName + " is private, so the generated " + generatedClass()
                                + " cannot call it; make it package-private or wider");
            }
            if (method.getModifiers().contains(Modifier.ABSTRACT)) {
                error(
                        ErrorTag.ABSTRACT_METHOD,
                        method,
                        "@Stream method " + methodName
                                + " is abstract, but a stream needs a body to run; implement it, or move @Stream to a"
                                + " concrete method");
            }
        }

        private void checkNames() {
            for (PortName name : annotation.names()) {
                if (claims.containsKey(name.name())) {
                    PortName first = claims.get(name.name());
                    errorOn(
                            ErrorTag.DUPLICATE_PORT,
                            name,
                            "port \"" + name.name() + "\" is already named in "
                                    + first.kind().member() + "; each port has one name, unique across in and out");
                } else {
                    claims.put(name.name(), name);
                    if (!Names.isIdentifier(name.name())) {
                        malformed.add(name.name());
                        errorOn(
                                ErrorTag.INVALID_PORT_NAME,
                                name,
                                name.kind().member() + " name \"" + name.name()
                                        + "\" is not a valid port name; a port is named after its parameter and gets an"
                                        + " accessor of that name, so it must be a Java identifier and not a keyword");
                    } else if (Names.RESERVED.contains(name.name())) {
                        errorOn(
                                ErrorTag.RESERVED_PORT_NAME,
                                name,
                                "port name \"" + name.name()
                                        + "\" is reserved: the accessor " + name.name() + "() of step "
                                        + StepNames.stepClass(methodName) + " would clash with a method every step has;"
                                        + " rename the port and its parameter");
                    }
                }
            }
        }

        private void checkNamedParameters() {
            List<VariableElement> processInputs = new ArrayList<>();
            List<VariableElement> elementInputs = new ArrayList<>();
            for (PortName name : claims.values()) {
                VariableElement parameter = parameters.get(name.name());
                if (parameter == null) {
                    continue;
                }
                if (method.isVarArgs()
                        && parameter.equals(method.getParameters()
                                .get(method.getParameters().size() - 1))) {
                    error(
                            ErrorTag.VARARGS_PORT,
                            parameter,
                            "varargs parameter " + name.name()
                                    + " cannot be a port; declare it as one value (or an Input) for items one by one, or"
                                    + " remove \"" + name.name() + "\" from "
                                    + name.kind().member() + " to make it configuration");
                    continue;
                }
                Optional<PortType> portType = PortType.of(parameter.asType());
                if (portType.isPresent() && portType.get().kind() != name.kind()) {
                    PortKind right = portType.get().kind();
                    errorOn(
                            ErrorTag.WRONG_DIRECTION,
                            name,
                            name.kind().member() + " name \"" + name.name()
                                    + "\" names parameter " + name.name() + ", which is " + article(portType.get())
                                    + "; move \"" + name.name() + "\" to " + right.member());
                } else if (portType.isPresent()) {
                    if (name.kind() == PortKind.IN) {
                        processInputs.add(parameter);
                    }
                    if (!portType.get().bytes()) {
                        checkItemType(parameter, parameter.asType(), "parameter " + name.name() + " has");
                    }
                } else if (name.kind() == PortKind.IN) {
                    elementInputs.add(parameter);
                } else {
                    errorOn(
                            ErrorTag.NOT_AN_OUTPUT,
                            name,
                            "out name \"" + name.name() + "\" names parameter "
                                    + name.name() + " of type " + display(parameter.asType())
                                    + ", but an output parameter must be an Output or a ByteOutput; declare it as Output<"
                                    + display(boxed(parameter.asType())) + ">, or remove \"" + name.name()
                                    + "\" from out to make it configuration");
                }
            }
            if (!processInputs.isEmpty() && !elementInputs.isEmpty()) {
                VariableElement process = processInputs.get(0);
                VariableElement element = elementInputs.get(0);
                error(
                        ErrorTag.MIXED_STYLE,
                        method,
                        annotation,
                        methodName + " mixes process style ("
                                + process.getSimpleName() + " is "
                                + article(PortType.of(process.asType()).orElseThrow())
                                + ") and element style (" + element.getSimpleName() + " is a plain "
                                + display(element.asType())
                                + "); make every input an Input<T> to pull items as it likes,"
                                + " or every input a plain value to be called once per item");
            }
        }

        /** Ports carry one item type: neither raw nor a wildcard, for which pipes already allow. */
        private void checkItemType(Element at, TypeMirror type, String subject) {
            List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
            String raw = ((DeclaredType) type).asElement().getSimpleName().toString();
            if (arguments.isEmpty()) {
                error(
                        ErrorTag.RAW_PORT_TYPE,
                        at,
                        subject + " the raw type " + raw + "; declare its item type, as in " + raw + "<String>");
            } else if (arguments.get(0) instanceof WildcardType wildcard) {
                TypeMirror bound =
                        wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : wildcard.getSuperBound();
                String exact = raw + "<" + (bound == null ? "Object" : display(bound)) + ">";
                error(
                        ErrorTag.WILDCARD_PORT_TYPE,
                        at,
                        subject + " the wildcard type " + display(type)
                                + "; declare " + exact + " instead: a port has one item type, and pipes already accept"
                                + " subtypes (an OutPort<Integer> feeds an InPort<Number>)");
            }
        }

        private void checkReturnAndUnmatchedNames() {
            List<PortName> unmatched = new ArrayList<>();
            for (PortName name : claims.values()) {
                if (!parameters.containsKey(name.name())) {
                    unmatched.add(name);
                }
            }
            Set<String> unnamed = new HashSet<>(parameters.keySet());
            unnamed.removeAll(claims.keySet());

            TypeMirror returnType = method.getReturnType();
            if (returnType.getKind() != TypeKind.VOID) {
                unmatched.removeAll(returnCandidates(returnType, unmatched, unnamed));
            }
            unmatched.removeIf(name -> malformed.contains(name.name()));
            Set<String> explained = new HashSet<>();
            for (PortName name : unmatched) {
                Optional<String> suggestion = Names.nearest(
                        name.name(),
                        unnamed.stream()
                                .filter(p -> mayBe(name.kind(), parameters.get(p)))
                                .toList());
                suggestion.ifPresent(explained::add);
                String fix = suggestion
                        .map(s -> "did you mean \"" + s + "\"?")
                        .orElseGet(() -> name.kind() == PortKind.IN
                                ? "name a parameter " + name.name() + ", or remove \"" + name.name() + "\" from in"
                                : "name an Output parameter " + name.name() + ", return a value, or remove \""
                                        + name.name() + "\" from out");
                errorOn(
                        ErrorTag.UNKNOWN_PORT,
                        name,
                        name.kind().member() + " name \"" + name.name()
                                + "\" matches no parameter of " + methodName
                                + (name.kind() == PortKind.OUT && returnType.getKind() == TypeKind.VOID
                                        ? ", which returns void"
                                        : "")
                                + "; " + fix);
            }
            for (String name : unnamed) {
                VariableElement parameter = parameters.get(name);
                Optional<PortType> portType = PortType.of(parameter.asType());
                if (portType.isPresent() && !explained.contains(name)) {
                    error(
                            ErrorTag.UNNAMED_PORT,
                            parameter,
                            "parameter " + name + " is " + article(portType.get())
                                    + " but is not named in @Stream("
                                    + portType.get().kind().member() + " = …); add \""
                                    + name + "\" to " + portType.get().kind().member());
                }
            }
        }

        /**
         * Checks the return type and returns the out names it accounts for: the one that names the
         * return value, or all of them when they are ambiguous. Names that look like typos of
         * unnamed {@code Output} parameters are left to be reported as such.
         */
        private List<PortName> returnCandidates(TypeMirror returnType, List<PortName> unmatched, Set<String> unnamed) {
            List<String> unnamedOutputs = unnamed.stream()
                    .filter(p -> PortType.of(parameters.get(p).asType())
                            .filter(t -> t.kind() == PortKind.OUT)
                            .isPresent())
                    .toList();
            List<PortName> candidates = unmatched.stream()
                    .filter(n -> n.kind() == PortKind.OUT
                            && Names.nearest(n.name(), unnamedOutputs).isEmpty())
                    .toList();
            Optional<PortType> returnedPort = PortType.of(returnType);
            if (returnedPort.isPresent()) {
                error(
                        ErrorTag.RETURNS_PORT,
                        method,
                        methodName + " returns " + article(returnedPort.get())
                                + ", but ports are parameters; declare it as a parameter named in @Stream, and return void"
                                + " (or return the items themselves)");
            } else if (PortType.isOptional(returnType)) {
                checkItemType(method, returnType, methodName + " returns");
            }
            if (candidates.size() > 1) {
                error(
                        ErrorTag.AMBIGUOUS_RETURN,
                        method,
                        annotation,
                        annotation.member(PortKind.OUT).orElseThrow(),
                        methodName + " returns " + display(returnType) + " and out names "
                                + candidates.stream()
                                        .map(n -> "\"" + n.name() + "\"")
                                        .collect(Collectors.joining(", "))
                                + " match no parameter; only one can name the return value, so the others must"
                                + " name Output parameters");
            } else if (candidates.isEmpty() && returnedPort.isEmpty()) {
                String at = annotation.out().isEmpty() ? "has no out name for it" : "every out name names a parameter";
                String message = methodName + " returns " + display(returnType) + " but " + at
                        + "; add an out name for the return value, or return void";
                Optional<AnnotationValue> out = annotation.member(PortKind.OUT);
                if (out.isPresent()) {
                    error(ErrorTag.MISSING_RETURN_PORT, method, annotation, out.get(), message);
                } else {
                    error(ErrorTag.MISSING_RETURN_PORT, method, annotation, message);
                }
            }
            return candidates;
        }

        /** Whether naming {@code parameter} in {@code kind} could be right, to suggest only fixes that are. */
        private boolean mayBe(PortKind kind, VariableElement parameter) {
            Optional<PortType> portType = PortType.of(parameter.asType());
            return portType.map(t -> t.kind() == kind).orElse(kind == PortKind.IN);
        }

        private void checkNoPorts() {
            boolean portParameters = parameters.values().stream()
                    .anyMatch(p -> PortType.of(p.asType()).isPresent());
            if (annotation.names().isEmpty()
                    && !portParameters
                    && method.getReturnType().getKind() == TypeKind.VOID) {
                error(
                        ErrorTag.NO_PORTS,
                        method,
                        annotation,
                        "@Stream method " + methodName + " has no ports; name its"
                                + " inputs in @Stream(in = …) and its outputs in @Stream(out = …)");
            }
        }

        /** The step of an instance method declares its class's type variables and the method's own. */
        private void checkTypeVariables() {
            if (method.getModifiers().contains(Modifier.STATIC)) {
                return;
            }
            TypeElement owner = (TypeElement) method.getEnclosingElement();
            Set<String> classVariables = owner.getTypeParameters().stream()
                    .map(p -> p.getSimpleName().toString())
                    .collect(Collectors.toSet());
            for (TypeParameterElement variable : method.getTypeParameters()) {
                if (classVariables.contains(variable.getSimpleName().toString())) {
                    error(
                            ErrorTag.SHADOWED_TYPE_VARIABLE,
                            variable,
                            "type variable " + variable.getSimpleName() + " of "
                                    + methodName + " hides type variable " + variable.getSimpleName() + " of "
                                    + owner.getSimpleName()
                                    + ", and the step of an instance method declares both; rename"
                                    + " one of them");
                }
            }
        }

        /** The generated class lives in the same package and must be able to name every type. */
        private void checkAccess() {
            for (VariableElement parameter : method.getParameters()) {
                inaccessible(parameter.asType())
                        .ifPresent(
                                type -> errorInaccessible(parameter, "parameter " + parameter.getSimpleName(), type));
            }
            inaccessible(method.getReturnType())
                    .ifPresent(type -> errorInaccessible(method, "the return type of " + methodName, type));
            for (TypeParameterElement variable : method.getTypeParameters()) {
                for (TypeMirror bound : variable.getBounds()) {
                    inaccessible(bound)
                            .ifPresent(type -> errorInaccessible(
                                    variable, "a bound of type variable " + variable.getSimpleName(), type));
                }
            }
        }

        private Optional<TypeElement> inaccessible(TypeMirror root) {
            PackageElement from = elements.getPackageOf(method);
            return SignatureTypes.of(root).stream()
                    .filter(type -> type.getKind() == TypeKind.DECLARED)
                    .map(type -> (TypeElement) ((DeclaredType) type).asElement())
                    .filter(type -> !accessible(type, from))
                    .findFirst();
        }

        private boolean accessible(TypeElement type, PackageElement from) {
            for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
                Set<Modifier> modifiers = e.getModifiers();
                if (modifiers.contains(Modifier.PRIVATE)
                        || !modifiers.contains(Modifier.PUBLIC)
                                && !elements.getPackageOf(e).equals(from)) {
                    return false;
                }
            }
            return true;
        }

        private void errorInaccessible(Element at, String subject, TypeElement type) {
            error(
                    ErrorTag.INACCESSIBLE_TYPE,
                    at,
                    subject + " refers to " + type.getQualifiedName()
                            + ", which the generated " + generatedClass() + " cannot access; make "
                            + type.getSimpleName() + " (and the classes it is nested in) package-private or wider");
        }

        private String generatedClass() {
            return StepNames.generatedClass((TypeElement) method.getEnclosingElement());
        }

        private TypeMirror boxed(TypeMirror type) {
            return type.getKind().isPrimitive()
                    ? types.boxedClass((PrimitiveType) type).asType()
                    : type;
        }

        private void error(ErrorTag tag, Element at, String message) {
            valid = false;
            reporter.error(tag, at, message);
        }

        private void error(ErrorTag tag, Element at, StreamAnnotation on, String message) {
            valid = false;
            reporter.error(tag, at, on.mirror(), message);
        }

        private void error(ErrorTag tag, Element at, StreamAnnotation on, AnnotationValue value, String message) {
            valid = false;
            reporter.error(tag, at, on.mirror(), value, message);
        }

        private void errorOn(ErrorTag tag, PortName name, String message) {
            error(tag, method, annotation, name.value(), message);
        }
    }

    private static String article(PortType type) {
        return ("AEIOU".indexOf(type.simpleName().charAt(0)) >= 0 ? "an " : "a ") + type.simpleName();
    }

    /** A type as users write it: {@code Output<Integer>}, not {@code io.mimo.runtime.Output<java.lang.Integer>}. */
    static String display(TypeMirror type) {
        return type.toString().replaceAll("\\b(?:[a-z_$][\\w$]*\\.)+(?=[A-Za-z_$])", "");
    }
}
