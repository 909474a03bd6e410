package io.mimo.processor.model;

import javax.lang.model.element.AnnotationValue;

/**
 * One name written in {@code @Stream(in = …)} or {@code @Stream(out = …)}, with the annotation
 * value it was read from so that errors point at the very string.
 */
public record PortName(String name, PortKind kind, AnnotationValue value) {}
