package io.github.odec.check;

import io.github.odec.diag.Diagnostic;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Severity;
import io.github.odec.diag.Span;
import java.util.Locale;

/**
 * The checker's warnings: the file is valid and compiles, but probably not as meant. Codes as for
 * {@link CheckError}; docs/language.md lists them.
 */
public enum CheckWarning {
    /** a parameter that no derivative uses, directly or through a let */
    UNUSED_PARAMETER;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void report(Diagnostics diagnostics, Span span, String message) {
        diagnostics.report(new Diagnostic(Severity.WARNING, span, code(), message));
    }
}
