package io.github.odec.maven;

/** A mistake in the user's .ode files or configuration; the message is what the build prints. */
public final class GenerationException extends Exception {

    public GenerationException(String message) {
        super(message);
    }
}
