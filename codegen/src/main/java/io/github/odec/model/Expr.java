package io.github.odec.model;

import java.util.List;

/**
 * A checked expression of a system's dynamics: names resolved to flat indices, constants and
 * {@code pi} folded to numbers, loops unrolled. Numeric and boolean expressions share this type;
 * the checker guarantees that conditions are boolean and arithmetic operands are numeric.
 * Each node carries its {@link Origin}, which takes no part in equality; the shorter constructors
 * build synthesized nodes.
 */
public sealed interface Expr {

    Origin origin();

    /** A numeric literal or folded constant. */
    record Num(double value, Origin origin) implements Expr {
        public Num(double value) {
            this(value, Origin.SYNTHESIZED);
        }
    }

    /** State component by flat index (arrays flattened in declaration order). */
    record StateRef(int index, Origin origin) implements Expr {
        public StateRef(int index) {
            this(index, Origin.SYNTHESIZED);
        }
    }

    /** Parameter component by flat index. */
    record ParamRef(int index, Origin origin) implements Expr {
        public ParamRef(int index) {
            this(index, Origin.SYNTHESIZED);
        }
    }

    /** A {@code let} binding of the system, by its index in {@link OdeSystem#lets()}. */
    record LetRef(int index, Origin origin) implements Expr {
        public LetRef(int index) {
            this(index, Origin.SYNTHESIZED);
        }
    }

    /** The current time {@code t}. */
    record Time(Origin origin) implements Expr {
        public Time() {
            this(Origin.SYNTHESIZED);
        }
    }

    record Unary(UnaryOp op, Expr operand, Origin origin) implements Expr {
        public Unary(UnaryOp op, Expr operand) {
            this(op, operand, Origin.SYNTHESIZED);
        }
    }

    record Binary(BinaryOp op, Expr left, Expr right, Origin origin) implements Expr {
        public Binary(BinaryOp op, Expr left, Expr right) {
            this(op, left, right, Origin.SYNTHESIZED);
        }
    }

    record Call(MathFunction function, List<Expr> args, Origin origin) implements Expr {
        public Call {
            args = List.copyOf(args);
        }

        public Call(MathFunction function, List<Expr> args) {
            this(function, args, Origin.SYNTHESIZED);
        }
    }

    /** {@code condition ? then : otherwise}. */
    record Conditional(Expr condition, Expr then, Expr otherwise, Origin origin) implements Expr {
        public Conditional(Expr condition, Expr then, Expr otherwise) {
            this(condition, then, otherwise, Origin.SYNTHESIZED);
        }
    }

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
