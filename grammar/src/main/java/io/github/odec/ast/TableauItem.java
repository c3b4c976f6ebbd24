package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;

/** A line of a tableau. */
public sealed interface TableauItem {

    Span span();

    /** {@code order 4;}. */
    record Order(Expression.NumberLiteral value, Span span) implements TableauItem {}

    /** {@code embedded 3;}. */
    record Embedded(Expression.NumberLiteral value, Span span) implements TableauItem {}

    /** {@code fsal;}. */
    record Fsal(Span span) implements TableauItem {}

    /** {@code c = ...;}, {@code b = ...;} or {@code bhat = ...;}. */
    record Vector(VectorKind kind, List<Coefficient> values, Span span) implements TableauItem {
        public Vector {
            values = List.copyOf(values);
        }
    }

    /** {@code a[i] = ...;} or {@code interp[i] = ...;}. */
    record Row(RowKind kind, Expression.NumberLiteral row, List<Coefficient> values, Span span) implements TableauItem {
        public Row {
            values = List.copyOf(values);
        }
    }

    enum VectorKind {
        C, B, BHAT;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum RowKind {
        A, INTERP;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
