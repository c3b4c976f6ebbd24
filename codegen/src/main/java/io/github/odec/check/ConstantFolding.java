package io.github.odec.check;

import io.github.odec.model.Expr;
import io.github.odec.model.MathFunction;
import java.util.OptionalDouble;

/**
 * Evaluates a checked expression that involves no state, parameter, let or time. Conditions are
 * carried as 1 and 0; the checker has already made sure they are used only where conditions belong.
 */
final class ConstantFolding {

    private ConstantFolding() {}

    static OptionalDouble evaluate(Expr e) {
        try {
            return OptionalDouble.of(value(e));
        } catch (NotConstant varying) {
            return OptionalDouble.empty();
        }
    }

    private static final class NotConstant extends Exception {
        NotConstant() {
            super(null, null, false, false);
        }
    }

    private static double value(Expr e) throws NotConstant {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.StateRef s -> throw new NotConstant();
            case Expr.ParamRef p -> throw new NotConstant();
            case Expr.LetRef l -> throw new NotConstant();
            case Expr.Time t -> throw new NotConstant();
            case Expr.Unary u -> switch (u.op()) {
                case NEG -> -value(u.operand());
                case NOT -> truth(value(u.operand()) == 0);
            };
            case Expr.Binary b -> binary(b.op(), value(b.left()), value(b.right()));
            case Expr.Call c -> call(c);
            case Expr.Conditional c -> value(c.condition()) != 0 ? value(c.then()) : value(c.otherwise());
        };
    }

    static double binary(Expr.BinaryOp op, double l, double r) {
        return switch (op) {
            case ADD -> l + r;
            case SUB -> l - r;
            case MUL -> l * r;
            case DIV -> l / r;
            case POW -> Math.pow(l, r);
            case LT -> truth(l < r);
            case LE -> truth(l <= r);
            case GT -> truth(l > r);
            case GE -> truth(l >= r);
            case EQ -> truth(l == r);
            case NE -> truth(l != r);
            case AND -> truth(l != 0 && r != 0);
            case OR -> truth(l != 0 || r != 0);
        };
    }

    private static double call(Expr.Call c) throws NotConstant {
        double x = value(c.args().getFirst());
        double y = c.args().size() > 1 ? value(c.args().get(1)) : Double.NaN;
        return apply(c.function(), x, y);
    }

    /** The function's value; {@code y} is ignored by functions of one argument. */
    static double apply(MathFunction f, double x, double y) {
        return switch (f) {
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case ASIN -> Math.asin(x);
            case ACOS -> Math.acos(x);
            case ATAN -> Math.atan(x);
            case ATAN2 -> Math.atan2(x, y);
            case SINH -> Math.sinh(x);
            case COSH -> Math.cosh(x);
            case TANH -> Math.tanh(x);
            case EXP -> Math.exp(x);
            case EXPM1 -> Math.expm1(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case LOG10 -> Math.log10(x);
            case SQRT -> Math.sqrt(x);
            case CBRT -> Math.cbrt(x);
            case POW -> Math.pow(x, y);
            case HYPOT -> Math.hypot(x, y);
            case ABS -> Math.abs(x);
            case MIN -> Math.min(x, y);
            case MAX -> Math.max(x, y);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case SIGN -> Math.signum(x);
        };
    }

    /** Floored remainder, so that {@code (i - 1) % N} wraps to {@code N - 1} as in Python and Julia's mod. */
    static double floorMod(double a, double b) {
        return a - b * Math.floor(a / b);
    }

    private static double truth(boolean b) {
        return b ? 1 : 0;
    }
}
