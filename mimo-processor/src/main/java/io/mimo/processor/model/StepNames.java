package io.mimo.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** The names of generated code, derived from the names of the user's code. */
public final class StepNames {
    private StepNames() {}

    /** The step class of a stream method: {@code fork} gives {@code Fork}. */
    public static String stepClass(String methodName) {
        int first = methodName.codePointAt(0);
        return new StringBuilder()
                .appendCodePoint(Character.toUpperCase(first))
                .append(methodName, Character.charCount(first), methodName.length())
                .toString();
    }

    /**
     * The simple name of the generated class for {@code owner}: {@code Numbers} gives
     * {@code NumbersStreams}, the nested {@code Outer.Inner} gives {@code Outer_InnerStreams}.
     */
    public static String generatedClass(TypeElement owner) {
        StringBuilder name = new StringBuilder(owner.getSimpleName());
        for (Element e = owner.getEnclosingElement(); isType(e); e = e.getEnclosingElement()) {
            name.insert(0, e.getSimpleName() + "_");
        }
        return name.append("Streams").toString();
    }

    private static boolean isType(Element element) {
        ElementKind kind = element.getKind();
        return kind.isClass() || kind.isInterface();
    }
}
