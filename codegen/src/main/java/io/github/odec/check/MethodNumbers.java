package io.github.odec.check;

import io.github.odec.ast.Coefficient;
import io.github.odec.ast.Expression;
import io.github.odec.diag.Diagnostics;
import io.github.odec.model.Rational;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The numbers of a method declaration (a tableau or a Rosenbrock method), turned into integers and
 * exact rationals with a positioned error for each one that cannot be: shared by both checkers so
 * that both read coefficients the same way.
 */
final class MethodNumbers {

    /** Far beyond any practical method; bounds the exact arithmetic a typo could ask for. */
    static final int MAX_ORDER = 20;
    private static final int MAX_DECIMAL_EXPONENT = 400;

    private final String what;
    private final Diagnostics diagnostics;

    /** {@code what} names the declaration in messages, e.g. {@code tableau 'rk4'}. */
    MethodNumbers(String what, Diagnostics diagnostics) {
        this.what = what;
        this.diagnostics = diagnostics;
    }

    OptionalInt order(Expression.NumberLiteral n, String which) {
        OptionalInt v = integer(n, which);
        if (v.isPresent() && (v.getAsInt() < 1 || v.getAsInt() > MAX_ORDER)) {
            CheckError.INVALID_ORDER.report(diagnostics, n.span(), which + " of " + what + " is " + v.getAsInt()
                    + "; it must be between 1 and " + MAX_ORDER);
            return OptionalInt.empty();
        }
        return v;
    }

    OptionalInt nonNegative(Expression.NumberLiteral n, String which) {
        OptionalInt v = integer(n, which);
        return v.isPresent() && v.getAsInt() < 0 ? OptionalInt.empty() : v;
    }

    private OptionalInt integer(Expression.NumberLiteral n, String which) {
        double v = n.value();
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            CheckError.NOT_AN_INTEGER.report(diagnostics, n.span(), which + " must be an integer, but is " + n.text());
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v);
    }

    Optional<List<Rational>> rationals(List<Coefficient> coefficients) {
        List<Rational> out = new ArrayList<>();
        for (Coefficient c : coefficients) {
            Optional<Rational> r = rational(c);
            if (r.isEmpty()) {
                return Optional.empty();
            }
            out.add(r.get());
        }
        return Optional.of(out);
    }

    Optional<Rational> rational(Coefficient c) {
        if (Math.abs(c.numerator().scale()) > MAX_DECIMAL_EXPONENT || Math.abs(c.denominator().scale()) > MAX_DECIMAL_EXPONENT) {
            CheckError.NUMBER_OUT_OF_RANGE.report(diagnostics, c.span(), "the exponent of this coefficient is beyond 10^±"
                    + MAX_DECIMAL_EXPONENT);
            return Optional.empty();
        }
        if (c.denominator().signum() == 0) {
            CheckError.DIVISION_BY_ZERO.report(diagnostics, c.span(), "coefficient divides by zero");
            return Optional.empty();
        }
        return Optional.of(exact(c.numerator()).dividedBy(exact(c.denominator())));
    }

    private static Rational exact(BigDecimal d) {
        return Rational.ofDecimal(d.toPlainString());
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
