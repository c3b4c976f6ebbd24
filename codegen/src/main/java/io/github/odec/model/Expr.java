package io.github.odec.model;

import java.util.List;

/**
 * A checked expression of a system's dynamics: names resolved to flat indices, constants and
 * {@code pi} folded to numbers, loops unrolled. Numeric and boolean expressions share this type;
 * the checker guarantees that conditions are boolean and arithmetic operands are numeric.
 */
public sealed interface Expr {

    /** A numeric literal or folded constant. */
    record Num(double value) implements Expr {}

    /** State component by flat index (arrays flattened in declaration order). */
    record StateRef(int index) implements Expr {}

    /** Parameter component by flat index. */
    record ParamRef(int index) implements Expr {}

    /** A {@code let} binding of the system, by its index in {@link OdeSystem#lets()}. */
    record LetRef(int index) implements Expr {}

    /** The current time {@code t}. */
    record Time() implements Expr {}

    record Unary(UnaryOp op, Expr operand) implements Expr {}

    record Binary(BinaryOp op, Expr left, Expr right) implements Expr {}

    record Call(MathFunction function, List<Expr> args) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code condition ? then : otherwise}. */
    record Conditional(Expr condition, Expr then, Expr otherwise) implements Expr {}

    enum UnaryOp { NEG, NOT }

    enum BinaryOp {
        ADD, SUB, MUL, DIV, POW,
        LT, LE, GT, GE, EQ, NE,
        AND, OR;

        public boolean isComparison() {
            return switch (this) {
                case LT, LE, GT, GE, EQ, NE -> true;
                default -> false;
            };
        }

        public boolean isLogical() {
            return this == AND || this == OR;
        }
    }
}
