package io.mimo.processor.model;

/** How the runtime calls a stream method. */
public enum Style {
    /** Called once; pulls from its {@code Input}s and pushes to its {@code Output}s as it likes. */
    PROCESS,
    /** Called once per item, or per aligned tuple of items when several inputs are zipped. */
    ELEMENT
}
