package io.github.odec.pipeline;

import java.util.Locale;

/**
 * The stable codes of the mistakes a request to the later stages can make (the source itself is
 * checked by {@code check}, whose diagnostics have codes of their own). Tools and tests match the
 * code; the message is prose for people.
 */
public enum RequestError {
    /** a method name that names no tableau of the model */
    UNKNOWN_METHOD,
    /** a system name that names no system of the model, or a model with no system */
    UNKNOWN_SYSTEM,
    /** an adaptive controller asked of a method without embedded weights */
    METHOD_NOT_ADAPTIVE,
    /** a Java package name that is not one */
    INVALID_PACKAGE,
    /** bindings asked for without the solver classes they call */
    BINDINGS_WITHOUT_JAVA,
    /** PTX asked for on a machine with neither NVRTC nor nvcc */
    NO_CUDA_COMPILER,
    /** two systems whose generated classes would have the same file name */
    NAME_CLASH,
    /** a system with events, which the step loop does not lower yet (checking them works) */
    EVENTS_NOT_SOLVED;

    /** The code as the CLI and the docs write it: {@code unknown-method}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
