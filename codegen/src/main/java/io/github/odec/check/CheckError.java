package io.github.odec.check;

import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import java.util.Locale;

/**
 * The checker's errors. Each has a stable code (the constant's name in lower case with dashes, e.g.
 * {@code unknown-identifier}) that tests and tools match on; docs/language.md lists them all.
 * Syntax errors come from the parser with code {@code syntax-error}.
 */
public enum CheckError {
    UNKNOWN_IDENTIFIER,
    USED_BEFORE_DECLARATION,
    UNKNOWN_FUNCTION,
    WRONG_ARITY,
    DUPLICATE_DECLARATION,
    MISSING_DERIVATIVE,
    DUPLICATE_DERIVATIVE,
    DERIVATIVE_OF_NON_STATE,
    INDEX_MISMATCH,
    INDEX_OUT_OF_RANGE,
    NOT_CONSTANT,
    NOT_AN_INTEGER,
    TYPE_MISMATCH,
    INVALID_SIZE,
    DEFAULT_LENGTH,
    TOO_LARGE,
    TOO_DEEPLY_NESTED,
    NOT_FINITE,
    DIVISION_BY_ZERO,
    NUMBER_OUT_OF_RANGE,
    UNKNOWN_REDUCTION,
    REDUCTION_IN_EXPRESSION,
    RESET_OF_NON_STATE,
    EVENT_ACTIONS,
    DUPLICATE_RESET,
    INVALID_ORDER,
    TABLEAU_MISSING,
    TABLEAU_EMBEDDED_MISMATCH,
    TABLEAU_NOT_LOWER_TRIANGULAR,
    TABLEAU_ROW_OUT_OF_RANGE,
    TABLEAU_VECTOR_LENGTH,
    TABLEAU_FOREIGN_LINE,
    TABLEAU_CONDITION;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void report(Diagnostics diagnostics, Span span, String message) {
        diagnostics.error(span, code(), message);
    }
}
