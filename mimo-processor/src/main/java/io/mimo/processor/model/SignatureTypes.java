package io.mimo.processor.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.TypeParameterElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.IntersectionType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;

/**
 * The types a stream method's generated code names: its parameter and return types and the
 * bounds of the type variables its step declares, with every type nested in them.
 */
public final class SignatureTypes {
    private SignatureTypes() {}

    /** The type variables the step of {@code method} declares: its class's when it is an instance method, then its own. */
    public static List<TypeParameterElement> typeParameters(ExecutableElement method) {
        List<TypeParameterElement> parameters = new ArrayList<>();
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            parameters.addAll(((TypeElement) method.getEnclosingElement()).getTypeParameters());
        }
        parameters.addAll(method.getTypeParameters());
        return parameters;
    }

    /** Every type in the signature of {@code method}'s step, nested ones included. */
    public static List<TypeMirror> of(ExecutableElement method) {
        Walk walk = new Walk();
        for (VariableElement parameter : method.getParameters()) {
            walk.add(parameter.asType());
        }
        walk.add(method.getReturnType());
        for (TypeParameterElement parameter : typeParameters(method)) {
            walk.add(parameter.asType());
        }
        return walk.types;
    }

    /** {@code type} and every type nested in it: type arguments, bounds, array components. */
    public static List<TypeMirror> of(TypeMirror type) {
        Walk walk = new Walk();
        walk.add(type);
        return walk.types;
    }

    /** The first type javac could not resolve (yet), if any. */
    public static Optional<TypeMirror> firstUnresolved(ExecutableElement method) {
        return of(method).stream().filter(t -> t.getKind() == TypeKind.ERROR).findFirst();
    }

    private static final class Walk {
        final List<TypeMirror> types = new ArrayList<>();
        /** Bounds may mention their own variable, {@code T extends Comparable<T>}: each is walked once. */
        final Set<Element> variables = new HashSet<>();

        void add(TypeMirror type) {
            switch (type.getKind()) {
                case DECLARED, ERROR -> {
                    types.add(type);
                    DeclaredType declared = (DeclaredType) type;
                    add(declared.getEnclosingType());
                    declared.getTypeArguments().forEach(this::add);
                }
                case ARRAY -> add(((ArrayType) type).getComponentType());
                case WILDCARD -> {
                    WildcardType wildcard = (WildcardType) type;
                    if (wildcard.getExtendsBound() != null) {
                        add(wildcard.getExtendsBound());
                    }
                    if (wildcard.getSuperBound() != null) {
                        add(wildcard.getSuperBound());
                    }
                }
                case TYPEVAR -> {
                    TypeVariable variable = (TypeVariable) type;
                    if (variables.add(variable.asElement())) {
                        add(variable.getUpperBound());
                        add(variable.getLowerBound());
                    }
                }
                case INTERSECTION -> ((IntersectionType) type).getBounds().forEach(this::add);
                default -> {
                    // primitives, void, null and none name no type
                }
            }
        }
    }
}
