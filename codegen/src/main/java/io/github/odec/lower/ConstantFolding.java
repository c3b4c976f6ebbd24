package io.github.odec.lower;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrExpr.Arith;
import io.github.odec.ir.IrExpr.ArithOp;
import io.github.odec.ir.IrExpr.RealLiteral;
import io.github.odec.ir.IrFunction;
import java.util.List;
import java.util.Optional;

/**
 * Builds REAL arithmetic with constant folding: literal operands are evaluated at compile time (in
 * double, as the checker already folds constants), and identities that are exact in IEEE arithmetic
 * (x + 0, x * 1, x / 1, --x) disappear. {@code 0 * x} is kept: it is NaN for infinite x.
 */
final class ConstantFolding {

    private ConstantFolding() {}

    static Optional<Double> literal(IrExpr e) {
        return e instanceof RealLiteral(double v, var exact) ? Optional.of(v) : Optional.empty();
    }

    static boolean isLiteral(IrExpr e, double v) {
        return literal(e).filter(x -> Double.compare(x, v) == 0).isPresent();
    }

    static IrExpr arith(ArithOp op, IrExpr a, IrExpr b) {
        Optional<Double> la = literal(a);
        Optional<Double> lb = literal(b);
        if (la.isPresent() && lb.isPresent()) {
            double x = la.get();
            double y = lb.get();
            return Ir.real(switch (op) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> x / y;
                case REM -> x % y;
            });
        }
        return switch (op) {
            case ADD -> isLiteral(b, 0.0) ? a : isLiteral(a, 0.0) ? b : new Arith(op, a, b);
            case SUB -> isLiteral(b, 0.0) ? a : isLiteral(a, 0.0) ? negate(b) : new Arith(op, a, b);
            case MUL -> isLiteral(b, 1.0) ? a : isLiteral(a, 1.0) ? b
                    : isLiteral(b, -1.0) ? negate(a) : isLiteral(a, -1.0) ? negate(b) : new Arith(op, a, b);
            case DIV -> isLiteral(b, 1.0) ? a : new Arith(op, a, b);
            case REM -> new Arith(op, a, b);
        };
    }

    static IrExpr negate(IrExpr a) {
        if (a instanceof IrExpr.Negate(IrExpr inner)) {
            return inner;
        }
        return literal(a).<IrExpr>map(v -> Ir.real(-v)).orElseGet(() -> new IrExpr.Negate(a));
    }

    /** Folds a call whose arguments are all literals, with the JDK's (correctly rounded where specified) math. */
    static IrExpr call(IrFunction f, List<IrExpr> args) {
        if (f != IrFunction.IS_FINITE && args.stream().allMatch(x -> literal(x).isPresent())) {
            double x = literal(args.get(0)).orElseThrow();
            double y = args.size() > 1 ? literal(args.get(1)).orElseThrow() : 0.0;
            return Ir.real(switch (f) {
                case SIN -> Math.sin(x); case COS -> Math.cos(x); case TAN -> Math.tan(x);
                case ASIN -> Math.asin(x); case ACOS -> Math.acos(x); case ATAN -> Math.atan(x);
                case ATAN2 -> Math.atan2(x, y);
                case SINH -> Math.sinh(x); case COSH -> Math.cosh(x); case TANH -> Math.tanh(x);
                case EXP -> Math.exp(x); case EXPM1 -> Math.expm1(x); case LOG -> Math.log(x);
                case LOG1P -> Math.log1p(x); case LOG10 -> Math.log10(x);
                case SQRT -> Math.sqrt(x); case CBRT -> Math.cbrt(x); case POW -> Math.pow(x, y);
                case HYPOT -> Math.hypot(x, y); case ABS -> Math.abs(x);
                case MIN -> Math.min(x, y); case MAX -> Math.max(x, y);
                case FLOOR -> Math.floor(x); case CEIL -> Math.ceil(x); case SIGN -> Math.signum(x);
                case IS_FINITE -> throw new AssertionError();
            });
        }
        return new IrExpr.Call(f, args);
    }
}
