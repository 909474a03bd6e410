package io.mimo.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A {@code @Stream} annotation as written on a method: its mirror and its port names in order.
 *
 * @param unresolved the values javac could not resolve yet, such as a constant of a class that
 *     another processor has still to generate; they are not among the names
 */
public record StreamAnnotation(
        AnnotationMirror mirror, List<PortName> in, List<PortName> out, List<AnnotationValue> unresolved) {

    /** The qualified name of {@code @Stream}. */
    public static final String NAME = "io.mimo.Stream";

    /** Reads the {@code @Stream} annotation of {@code element}, if it has one. */
    public static Optional<StreamAnnotation> of(Element element) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(NAME)) {
                List<AnnotationValue> unresolved = new ArrayList<>();
                return Optional.of(new StreamAnnotation(
                        mirror,
                        names(mirror, PortKind.IN, unresolved),
                        names(mirror, PortKind.OUT, unresolved),
                        List.copyOf(unresolved)));
            }
        }
        return Optional.empty();
    }

    /** Every name, the inputs first, each in the order written. */
    public List<PortName> names() {
        List<PortName> names = new ArrayList<>(in);
        names.addAll(out);
        return names;
    }

    /** The value of {@code in} or {@code out} when written explicitly, to point errors at it. */
    public Optional<AnnotationValue> member(PortKind kind) {
        return explicitValue(mirror, kind);
    }

    private static List<PortName> names(AnnotationMirror mirror, PortKind kind, List<AnnotationValue> unresolved) {
        List<PortName> names = new ArrayList<>();
        // A value javac could not attribute (a non-constant, a wrong type) is javac's error to
        // report; such entries are skipped rather than guessed at.
        if (explicitValue(mirror, kind).orElse(null) instanceof AnnotationValue array
                && array.getValue() instanceof List<?> values) {
            for (Object value : values) {
                if (value instanceof AnnotationValue entry && entry.getValue() instanceof String name) {
                    // how javac hands out a value it could not attribute, such as an unknown constant
                    if (name.equals("<error>")) {
                        unresolved.add(entry);
                    } else {
                        names.add(new PortName(name, kind, entry));
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, PortKind kind) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(kind.member())) {
                return Optional.of(entry.getValue());
            }
        }
        return Optional.empty();
    }
}
