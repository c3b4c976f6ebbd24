package io.github.odec.diag;

/**
 * One message about the source. {@code code} is stable (for tests and tools, e.g.
 * {@code unknown-identifier}); {@code message} is prose for people.
 */
public record Diagnostic(Severity severity, Span span, String code, String message) {

    public boolean isError() {
        return severity == Severity.ERROR;
    }
}
