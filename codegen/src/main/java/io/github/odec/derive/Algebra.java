package io.github.odec.derive;

import io.github.odec.model.Expr;
import io.github.odec.model.Expr.BinaryOp;
import io.github.odec.model.MathFunction;
import java.util.List;

/**
 * Smart constructors for the expressions derivatives are built from. They fold the zeros and ones
 * the chain rule produces ({@code 0 * a}, {@code a + 0}, {@code 1 * a}, {@code a ^ 1}) and numbers
 * with numbers, so that a derivative stays the size of what it differentiates. {@code 0 * a} is
 * folded to 0 even where {@code a} could be infinite or NaN: a zero here is a structural zero (the
 * expression does not depend on the variable), as in JAX's symbolic zeros.
 */
final class Algebra {

    static final Expr ZERO = num(0);
    static final Expr ONE = num(1);

    private Algebra() {}

    static Expr num(double v) {
        return new Expr.Num(v);
    }

    static boolean isZero(Expr e) {
        return e instanceof Expr.Num n && n.value() == 0;
    }

    private static boolean isOne(Expr e) {
        return e instanceof Expr.Num n && n.value() == 1;
    }

    static Expr add(Expr a, Expr b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            return num(x.value() + y.value());
        }
        if (b instanceof Expr.Unary(var op, Expr negated, var o) && op == Expr.UnaryOp.NEG) {
            return sub(a, negated);
        }
        return new Expr.Binary(BinaryOp.ADD, a, b);
    }

    static Expr sub(Expr a, Expr b) {
        if (isZero(b)) {
            return a;
        }
        if (isZero(a)) {
            return neg(b);
        }
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            return num(x.value() - y.value());
        }
        return new Expr.Binary(BinaryOp.SUB, a, b);
    }

    static Expr neg(Expr a) {
        return switch (a) {
            case Expr.Num n when n.value() == 0 -> ZERO; // a structural zero stays +0, not -0
            case Expr.Num n -> num(-n.value());
            case Expr.Unary(var op, Expr inner, var o) when op == Expr.UnaryOp.NEG -> inner;
            default -> new Expr.Unary(Expr.UnaryOp.NEG, a);
        };
    }

    static Expr mul(Expr a, Expr b) {
        if (isZero(a) || isZero(b)) {
            return ZERO;
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Expr.Num x && b instanceof Expr.Num y) {
            return num(x.value() * y.value());
        }
        if (a instanceof Expr.Num x && x.value() == -1) {
            return neg(b);
        }
        if (b instanceof Expr.Num y && y.value() == -1) {
            return neg(a);
        }
        return new Expr.Binary(BinaryOp.MUL, a, b);
    }

    static Expr div(Expr a, Expr b) {
        if (isZero(a)) {
            return ZERO;
        }
        if (isOne(b)) {
            return a;
        }
        return new Expr.Binary(BinaryOp.DIV, a, b);
    }

    /** {@code base ^ exponent}, with {@code a ^ 1 = a} and {@code a ^ 0 = 1}. */
    static Expr pow(Expr base, Expr exponent) {
        if (isOne(exponent)) {
            return base;
        }
        if (isZero(exponent)) {
            return ONE;
        }
        return new Expr.Binary(BinaryOp.POW, base, exponent);
    }

    static Expr call(MathFunction f, Expr... args) {
        return new Expr.Call(f, List.of(args));
    }

    /** {@code condition ? a : b}, or {@code a} alone when both branches are the same expression. */
    static Expr select(Expr condition, Expr a, Expr b) {
        return a.equals(b) ? a : new Expr.Conditional(condition, a, b);
    }

    static Expr compare(BinaryOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b);
    }
}
