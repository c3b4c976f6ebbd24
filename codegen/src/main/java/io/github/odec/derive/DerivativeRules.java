package io.github.odec.derive;

import static io.github.odec.derive.Algebra.ONE;
import static io.github.odec.derive.Algebra.add;
import static io.github.odec.derive.Algebra.call;
import static io.github.odec.derive.Algebra.compare;
import static io.github.odec.derive.Algebra.div;
import static io.github.odec.derive.Algebra.isZero;
import static io.github.odec.derive.Algebra.mul;
import static io.github.odec.derive.Algebra.neg;
import static io.github.odec.derive.Algebra.num;
import static io.github.odec.derive.Algebra.pow;
import static io.github.odec.derive.Algebra.select;
import static io.github.odec.derive.Algebra.sub;

import io.github.odec.model.Expr;
import io.github.odec.model.Expr.BinaryOp;
import io.github.odec.model.MathFunction;
import java.util.List;
import java.util.Optional;

/**
 * The derivative of each function of the language (forward mode: the call's derivative from its
 * arguments' derivatives {@code dx}, {@code dy}). Rules reuse the call's own value {@code v} where
 * the derivative contains it ({@code exp}, {@code sqrt}, {@code tan}, ...), so the derivative shares
 * that subexpression (or let) with the dynamics instead of computing it again.
 *
 * <p>Piecewise functions get the derivative of the piece in effect, as JAX and Enzyme do:
 * {@code abs} is {@code x >= 0 ? dx : -dx}, {@code min}/{@code max} the derivative of the chosen
 * argument (the first on ties). {@code floor}, {@code ceil} and {@code sign} have none: they are
 * constant between jumps, so a zero would hide the jumps from a stiff solver's Jacobian.
 */
final class DerivativeRules {

    private static final double LN10 = Math.log(10);

    private DerivativeRules() {}

    /**
     * The derivative of {@code v = f(args)}; empty when {@code f} has no derivative. Callers ask only
     * when some argument's derivative is not zero.
     */
    static Optional<Expr> derivative(MathFunction f, List<Expr> args, Expr v, List<Expr> d) {
        Expr x = args.getFirst();
        Expr dx = d.getFirst();
        Expr y = args.size() > 1 ? args.get(1) : null;
        Expr dy = d.size() > 1 ? d.get(1) : null;
        Expr result = switch (f) {
            case SIN -> mul(call(MathFunction.COS, x), dx);
            case COS -> neg(mul(call(MathFunction.SIN, x), dx));
            case TAN -> mul(add(ONE, mul(v, v)), dx);
            case ASIN -> div(dx, call(MathFunction.SQRT, sub(ONE, mul(x, x))));
            case ACOS -> neg(div(dx, call(MathFunction.SQRT, sub(ONE, mul(x, x)))));
            case ATAN -> div(dx, add(ONE, mul(x, x)));
            // atan2(x, y) = atan(x / y) (the angle of the point (y, x)): (y dx - x dy) / (x^2 + y^2)
            case ATAN2 -> div(sub(mul(y, dx), mul(x, dy)), add(mul(x, x), mul(y, y)));
            case SINH -> mul(call(MathFunction.COSH, x), dx);
            case COSH -> mul(call(MathFunction.SINH, x), dx);
            case TANH -> mul(sub(ONE, mul(v, v)), dx);
            case EXP -> mul(v, dx);
            case EXPM1 -> mul(call(MathFunction.EXP, x), dx);
            case LOG -> div(dx, x);
            case LOG1P -> div(dx, add(ONE, x));
            case LOG10 -> div(dx, mul(x, num(LN10)));
            case SQRT -> div(dx, mul(num(2), v));
            case CBRT -> div(dx, mul(num(3), mul(v, v)));
            case POW -> power(x, y, v, dx, dy);
            case HYPOT -> div(add(mul(x, dx), mul(y, dy)), v);
            case ABS -> select(compare(BinaryOp.GE, x, Algebra.ZERO), dx, neg(dx));
            case MIN -> select(compare(BinaryOp.LE, x, y), dx, dy);
            case MAX -> select(compare(BinaryOp.GE, x, y), dx, dy);
            case FLOOR, CEIL, SIGN -> null;
        };
        return Optional.ofNullable(result);
    }

    /**
     * The derivative of {@code v = base ^ exponent}. The {@code log(base)} term appears only when the
     * exponent varies, so {@code x ^ 2} stays defined for negative {@code x}.
     */
    static Expr power(Expr base, Expr exponent, Expr v, Expr dBase, Expr dExponent) {
        Expr viaBase = isZero(dBase) ? Algebra.ZERO
                : mul(mul(exponent, pow(base, exponentMinusOne(exponent))), dBase);
        Expr viaExponent = isZero(dExponent) ? Algebra.ZERO
                : mul(mul(v, call(MathFunction.LOG, base)), dExponent);
        return add(viaBase, viaExponent);
    }

    private static Expr exponentMinusOne(Expr exponent) {
        return exponent instanceof Expr.Num n ? num(n.value() - 1) : sub(exponent, ONE);
    }
}
