package io.github.odec.diag;

/** An error stops the file from compiling; a warning (e.g. {@code unused-parameter}) is printed and compiles. */
public enum Severity {
    ERROR, WARNING;

    /** The word the renderer prints. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
