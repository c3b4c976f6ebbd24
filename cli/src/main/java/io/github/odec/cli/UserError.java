package io.github.odec.cli;

/** A user mistake found by a command: printed as {@code odec: message}, exit code 1. */
public final class UserError extends RuntimeException {

    public UserError(String message) {
        super(message, null, false, false);
    }
}
