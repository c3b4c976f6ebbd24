package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;
import java.util.Optional;

/** A statement of a system body. {@link BodyItem}s may also appear inside {@code for} loops. */
public sealed interface SystemItem permits SystemItem.ComponentDecl, SystemItem.ConstDecl, SystemItem.ObserveDecl,
        SystemItem.EventDecl, BodyItem {

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

    /**
     * {@code event bounce when h crosses 0 falling { v = -e * v; }}: a root of {@code lhs - rhs} in a
     * direction (empty: either), and its actions in source order. The grammar admits several actions
     * so that the checker can report the second one; a checked event has at most one.
     */
    record EventDecl(Identifier name, Expression lhs, Expression rhs, Optional<Direction> direction,
                     List<EventAction> actions, Span span) implements SystemItem {
        public EventDecl {
            actions = List.copyOf(actions);
        }
    }

    /** The direction of a crossing of {@code lhs - rhs}: from below to above zero, or the reverse. */
    enum Direction {
        RISING, FALLING;

        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** What an event does besides being recorded. */
    sealed interface EventAction {
        Span span();

        /** {@code { x = expr; u[1] = expr; }}: the right-hand sides read the pre-event values. */
        record Reset(List<ResetAssignment> assignments, Span span) implements EventAction {
            public Reset {
                assignments = List.copyOf(assignments);
            }
        }

        /** {@code terminate}: the instance stops at the event. */
        record Terminate(Span span) implements EventAction {}
    }

    /** {@code x = value;} or {@code x[index] = value;} inside a reset block. */
    record ResetAssignment(Identifier target, Optional<Expression> index, Expression value, Span span) {}

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
