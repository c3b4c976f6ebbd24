package io.github.odec.runtime;

/**
 * A generated solver threw while solving (a bug, not a user mistake: user mistakes are caught by
 * validation before any solving starts). Carries the original exception as its cause.
 */
public final class SolveFailedException extends RuntimeException {

    public SolveFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
