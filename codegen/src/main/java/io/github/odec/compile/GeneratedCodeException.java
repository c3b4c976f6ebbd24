package io.github.odec.compile;

/**
 * Generated code that javac rejects: an internal error of odec, never a user mistake. The message
 * quotes javac's diagnostics with the offending generated lines so the bug can be reported.
 */
public final class GeneratedCodeException extends RuntimeException {

    public GeneratedCodeException(String message) {
        super(message);
    }
}
