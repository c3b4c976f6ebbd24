package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;

/** A line of a tableau or of a Rosenbrock method (they share the syntax). */
public sealed interface TableauItem {

    Span span();

    /** {@code order 4;}. */
    record Order(Expression.NumberLiteral value, Span span) implements TableauItem {}

    /** {@code embedded 3;}. */
    record Embedded(Expression.NumberLiteral value, Span span) implements TableauItem {}

    /** {@code fsal;}. */
    record Fsal(Span span) implements TableauItem {}

    /** {@code c = ...;}, {@code b = ...;}, {@code bhat = ...;} or {@code gamma = ...;}. */
    record Vector(VectorKind kind, List<Coefficient> values, Span span) implements TableauItem {
        public Vector {
            values = List.copyOf(values);
        }
    }

    /** {@code a[i] = ...;}, {@code interp[i] = ...;}, {@code alpha[i] = ...;} or {@code gamma[i] = ...;}. */
    record Row(RowKind kind, Expression.NumberLiteral row, List<Coefficient> values, Span span) implements TableauItem {
        public Row {
            values = List.copyOf(values);
        }
    }

    enum VectorKind {
        C, B, BHAT, GAMMA;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum RowKind {
        A, INTERP, ALPHA, GAMMA;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
