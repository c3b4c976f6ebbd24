package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;
import java.util.Optional;

/** A statement of a system body. {@link BodyItem}s may also appear inside {@code for} loops. */
public sealed interface SystemItem permits SystemItem.ComponentDecl, SystemItem.ConstDecl, SystemItem.ObserveDecl,
        BodyItem {

    Span span();

    /** {@code state ...;} or {@code param ...;}: one or more declarators. */
    record ComponentDecl(ComponentKind kind, List<Declarator> declarators, Span span) implements SystemItem {
        public ComponentDecl {
            declarators = List.copyOf(declarators);
        }
    }

    /** {@code const N = 40;}: a compile-time number. */
    record ConstDecl(Identifier name, Expression value, Span span) implements SystemItem {}

    /** {@code observe peak = max(I);}: a per-instance reduction; the checker knows the reductions. */
    record ObserveDecl(Identifier name, Identifier reduction, Expression argument, Span span) implements SystemItem {}

    enum ComponentKind {
        STATE, PARAM;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code name}, {@code name[size]}, each optionally {@code = default}. */
    record Declarator(Identifier name, Optional<Expression> size, Optional<Initializer> initializer, Span span) {}

    /** A default value: one value (broadcast over an array) or a bracketed list, one per element. */
    sealed interface Initializer {
        Span span();

        record Single(Expression value, Span span) implements Initializer {}

        record ListOf(List<Expression> values, Span span) implements Initializer {
            public ListOf {
                values = List.copyOf(values);
            }
        }
    }
}
