package io.github.odec.derive;

import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import java.util.Locale;

/** Differentiation's errors, with stable codes as {@code CheckError}'s (docs/derivatives.md lists them). */
public enum DeriveError {
    /** A function without a derivative ({@code floor}, {@code ceil}, {@code sign}) of something that varies. */
    NO_DERIVATIVE;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void report(Diagnostics diagnostics, Span span, String message) {
        diagnostics.error(span, code(), message);
    }
}
