package io.github.odec.pipeline;

import java.util.Objects;

/**
 * A mistake in what the user asked of the later stages (lowering, printing, generating): an unknown
 * method or system, a method that cannot adapt, a bad package name. The one channel for them: the
 * CLI prints the message and exits with the user-error code, never a stack trace. Compiler bugs are
 * {@link InternalCompilerError}s instead.
 */
public final class DiagnosticException extends IllegalArgumentException {

    private final RequestError code;

    public DiagnosticException(RequestError code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public RequestError code() {
        return code;
    }
}
