package io.mimo.processor.model;

/** What becomes of a stream method's return value. */
public enum ReturnHandling {
    /** The method returns {@code void}. */
    NONE,
    /** The value is pushed to the return port (per call in element style, once in process style). */
    VALUE,
    /** An {@code Optional}: its value, when present, is pushed to the return port. */
    OPTIONAL
}
