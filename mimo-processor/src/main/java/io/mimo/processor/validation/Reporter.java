package io.mimo.processor.validation;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports tagged errors through the {@link Messager}, as precisely located as the problem allows. */
public final class Reporter {
    private final Messager messager;

    public Reporter(Messager messager) {
        this.messager = messager;
    }

    /** An error on {@code element} itself: a method, a parameter, a class. */
    public void error(ErrorTag tag, Element element, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, tag + " " + message, element);
    }

    /** An error on an annotation of {@code element}. */
    public void error(ErrorTag tag, Element element, AnnotationMirror annotation, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, tag + " " + message, element, annotation);
    }

    /** An error on one value of an annotation of {@code element}, such as one string of {@code in = {…}}. */
    public void error(
            ErrorTag tag, Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
        messager.printMessage(Diagnostic.Kind.ERROR, tag + " " + message, element, annotation, value);
    }
}
