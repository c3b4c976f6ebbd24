package io.github.odec.diag;

public enum Severity {
    ERROR, WARNING, NOTE;

    /** The word the renderer prints. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
