package io.github.odec.pipeline;

/**
 * A bug in odec, never a user mistake: generated code that javac or NVRTC rejects, or lowering that
 * runs out of stack although the checker bounds nesting. The message quotes what failed (the
 * compiler's diagnostics with the offending generated lines) so the bug can be reported.
 */
public final class InternalCompilerError extends RuntimeException {

    public InternalCompilerError(String message) {
        super(message);
    }

    public InternalCompilerError(String message, Throwable cause) {
        super(message, cause);
    }
}
