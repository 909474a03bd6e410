package io.mimo.processor.validation;

/**
 * The kinds of errors the processor reports, each with the rule whose breach it reports. Each
 * message starts with its tag, {@code [mimo/UnknownPort]}, so that users and tools can search for
 * it; the README lists the tags with their rules, in this order (a test holds it to that).
 */
public enum ErrorTag {
    INVALID_PORT_NAME("InvalidPortName", "every name in in and out is a Java identifier, not a keyword"),
    RESERVED_PORT_NAME(
            "ReservedPortName",
            "no port is named like a method every step has: name, inputs, outputs,"
                    + " run, pipe, discard, onlyInput, onlyOutput or one of Object's"),
    DUPLICATE_PORT("DuplicatePort", "each name appears once across in and out"),
    UNKNOWN_PORT("UnknownPort", "every name in in and out names a parameter, or (one out name) the return value"),
    UNNAMED_PORT("UnnamedPort", "every Input, Output, ByteInput and ByteOutput parameter is named in in or out"),
    WRONG_DIRECTION(
            "WrongDirection",
            "Input and ByteInput parameters are named in in, Output and ByteOutput" + " parameters in out"),
    NOT_AN_OUTPUT("NotAnOutput", "a parameter named in out is an Output or a ByteOutput"),
    MIXED_STYLE(
            "MixedStyle",
            "the inputs are all Input or ByteInput parameters (process style) or all plain"
                    + " values (element style)"),
    RAW_PORT_TYPE(
            "RawPortType",
            "Input, Output and an Optional return declare their item type: Input<String>," + " not Input"),
    WILDCARD_PORT_TYPE(
            "WildcardPortType",
            "a port's item type is one type, not a wildcard: Output<Number>, not" + " Output<? extends Number>"),
    VARARGS_PORT("VarargsPort", "a varargs parameter is not a port"),
    NO_PORTS("NoPorts", "a stream has at least one port"),
    MISSING_RETURN_PORT("MissingReturnPort", "a method that returns a value has an out name for it"),
    AMBIGUOUS_RETURN("AmbiguousReturn", "at most one out name names no parameter: the return value's"),
    RETURNS_PORT("ReturnsPort", "a stream method does not return a port: ports are parameters"),
    PRIVATE_METHOD("PrivateMethod", "a @Stream method is not private"),
    ABSTRACT_METHOD("AbstractMethod", "a @Stream method has a body: it is not abstract"),
    PRIVATE_CLASS("PrivateClass", "the class of @Stream methods is not private, nor nested in a private class"),
    INNER_CLASS("InnerClass", "the class of @Stream methods is top-level or a static nested class"),
    INACCESSIBLE_TYPE("InaccessibleType", "every type in a stream's signature is accessible from its package"),
    SHADOWED_TYPE_VARIABLE(
            "ShadowedTypeVariable", "an instance method's type variables are not named like its" + " class's"),
    DUPLICATE_STREAM(
            "DuplicateStream",
            "the @Stream methods of a class give distinct step classes: not two of one" + " name, nor fork and Fork"),
    STEP_NAME_CLASH(
            "StepNameClash",
            "a stream's factory and step class clash with no name of the generated class:"
                    + " not one of Object's methods, not the class itself"),
    UNRESOLVED_TYPE(
            "UnresolvedType", "every type and constant of a @Stream declaration exists once processing" + " ends"),
    WRITE_FAILED("WriteFailed", "the generated class can be written: no other class has its name"),
    INTERNAL_ERROR("InternalError", "none: a bug in mimo, reported as an error rather than a crash");

    private final String tagName;
    private final String rule;

    ErrorTag(String tagName, String rule) {
        this.tagName = tagName;
        this.rule = rule;
    }

    /** {@code "UnknownPort"}. */
    public String tagName() {
        return tagName;
    }

    /**
     * The rule this tag reports a breach of, in a line of plain text: {@code "every name in in and
     * out names a parameter, or (one out name) the return value"}.
     */
    public String rule() {
        return rule;
    }

    /** {@code "[mimo/UnknownPort]"}. */
    @Override
    public String toString() {
        return "[mimo/" + tagName + "]";
    }
}
