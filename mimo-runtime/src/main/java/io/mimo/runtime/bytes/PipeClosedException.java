package io.mimo.runtime.bytes;

import java.io.IOException;

/**
 * A {@link BytePipe} side was used after it closed, or wrote after the reading side closed: the
 * usual way a writer learns that nobody reads any more. Not a failure of either side; a failure
 * arrives as a plain {@link IOException} whose cause is the failure.
 */
public final class PipeClosedException extends IOException {
    private static final long serialVersionUID = 1L;

    PipeClosedException(String message) {
        super(message);
    }
}
