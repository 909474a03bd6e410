package io.mimo.runtime.bytes;

/**
 * A line is longer than the maximum the reader allowed. Thrown by the {@code readLine} methods
 * instead of holding an unbounded line in memory; nothing was consumed, so the caller may skip the
 * bytes or read them by views.
 */
public final class LineTooLongException extends RuntimeException {
    /** Serialisation version. */
    private static final long serialVersionUID = 1L;

    private final int maxLength;

    LineTooLongException(String where, int maxLength) {
        super(where + ": a line is longer than the maximum of " + maxLength
                + " bytes (line terminator not counted); raise maxLength, or read this input by views"
                + " if it is not made of lines");
        this.maxLength = maxLength;
    }

    /** The maximum line length, in bytes without the terminator, that was exceeded. */
    public int maxLength() {
        return maxLength;
    }
}
