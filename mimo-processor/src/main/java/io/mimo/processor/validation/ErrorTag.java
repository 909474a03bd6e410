package io.mimo.processor.validation;

/**
 * The kinds of errors the processor reports. Each message starts with its tag,
 * {@code [mimo/UnknownPort]}, so that users and tools can search for it.
 */
public enum ErrorTag {
    INVALID_PORT_NAME("InvalidPortName"),
    RESERVED_PORT_NAME("ReservedPortName"),
    DUPLICATE_PORT("DuplicatePort"),
    UNKNOWN_PORT("UnknownPort"),
    UNNAMED_PORT("UnnamedPort"),
    WRONG_DIRECTION("WrongDirection"),
    NOT_AN_OUTPUT("NotAnOutput"),
    MIXED_STYLE("MixedStyle"),
    RAW_PORT_TYPE("RawPortType"),
    WILDCARD_PORT_TYPE("WildcardPortType"),
    VARARGS_PORT("VarargsPort"),
    NO_PORTS("NoPorts"),
    MISSING_RETURN_PORT("MissingReturnPort"),
    AMBIGUOUS_RETURN("AmbiguousReturn"),
    RETURNS_PORT("ReturnsPort"),
    PRIVATE_METHOD("PrivateMethod"),
    ABSTRACT_METHOD("AbstractMethod"),
    PRIVATE_CLASS("PrivateClass"),
    INNER_CLASS("InnerClass"),
    INACCESSIBLE_TYPE("InaccessibleType"),
    SHADOWED_TYPE_VARIABLE("ShadowedTypeVariable"),
    DUPLICATE_STREAM("DuplicateStream"),
    STEP_NAME_CLASH("StepNameClash"),
    UNRESOLVED_TYPE("UnresolvedType"),
    WRITE_FAILED("WriteFailed"),
    INTERNAL_ERROR("InternalError");

    private final String tag;

    ErrorTag(String name) {
        this.tag = "[mimo/" + name + "]";
    }

    /** {@code "[mimo/UnknownPort]"}. */
    @Override
    public String toString() {
        return tag;
    }
}
