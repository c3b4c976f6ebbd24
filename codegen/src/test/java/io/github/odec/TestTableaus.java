package io.github.odec;

import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Test-only tableaus until the standard library (tableaus.ode) is merged; to be replaced by it.
 * Coefficients from Butcher (euler, midpoint, rk4, heun), Bogacki-Shampine (bosh3) and Dormand-Prince
 * (dopri5, with Hairer's dense output as in DOPRI5's CONTD5, converted here to b_i(theta) polynomials).
 */
public final class TestTableaus {

    private TestTableaus() {}

    public static List<Tableau> all() {
        return List.of(euler(), midpoint(), rk4(), heun(), bosh3(), dopri5());
    }

    public static Tableau euler() {
        return fixed("euler", 1, v("0"), rows(), v("1"));
    }

    public static Tableau midpoint() {
        return fixed("midpoint", 2, v("0", "1/2"), rows(v("1/2")), v("0", "1"));
    }

    public static Tableau rk4() {
        return fixed("rk4", 4, v("0", "1/2", "1/2", "1"),
                rows(v("1/2"), v("0", "1/2"), v("0", "0", "1")), v("1/6", "1/3", "1/3", "1/6"));
    }

    public static Tableau heun() {
        return new Tableau("heun", 2, OptionalInt.of(1), false, v("0", "1"), withFirstRow(rows(v("1"))),
                v("1/2", "1/2"), Optional.of(v("1", "0")), Optional.empty());
    }

    public static Tableau bosh3() {
        return new Tableau("bosh3", 3, OptionalInt.of(2), true, v("0", "1/2", "3/4", "1"),
                withFirstRow(rows(v("1/2"), v("0", "3/4"), v("2/9", "1/3", "4/9"))),
                v("2/9", "1/3", "4/9", "0"), Optional.of(v("7/24", "1/4", "1/3", "1/8")), Optional.empty());
    }

    public static Tableau dopri5() {
        List<Rational> b = v("35/384", "0", "500/1113", "125/192", "-2187/6784", "11/84", "0");
        List<List<Rational>> a = withFirstRow(rows(
                v("1/5"),
                v("3/40", "9/40"),
                v("44/45", "-56/15", "32/9"),
                v("19372/6561", "-25360/2187", "64448/6561", "-212/729"),
                v("9017/3168", "-355/33", "46732/5247", "49/176", "-5103/18656"),
                v("35/384", "0", "500/1113", "125/192", "-2187/6784", "11/84")));
        // Hairer's CONTD5: y(theta) = y0 + theta (r2 + (1-theta) (r3 + theta (r4 + (1-theta) r5))) with
        // r2 = h sum b_i k_i, r3 = h k1 - r2, r4 = r2 - h k7 - r3, r5 = h sum d_i k_i.
        List<Rational> d = v("-12715105075/11282082432", "0", "87487479700/32700410799",
                "-10690763975/1880347072", "701980252875/199316789632", "-1453857185/822651844",
                "69997945/29380423");
        List<List<Rational>> interp = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Rational r2 = b.get(i);
            Rational r3 = (i == 0 ? Rational.ONE : Rational.ZERO).minus(r2);
            Rational r4 = r2.minus(i == 6 ? Rational.ONE : Rational.ZERO).minus(r3);
            Rational r5 = d.get(i);
            // theta r2 + (theta - theta^2) r3 + (theta^2 - theta^3) r4 + (theta^2 - 2 theta^3 + theta^4) r5
            interp.add(List.of(r2.plus(r3), r4.plus(r5).minus(r3), r4.negate().minus(r5.plus(r5)), r5));
        }
        return new Tableau("dopri5", 5, OptionalInt.of(4), true, v("0", "1/5", "3/10", "4/5", "8/9", "1", "1"), a, b,
                Optional.of(v("5179/57600", "0", "7571/16695", "393/640", "-92097/339200", "187/2100", "1/40")),
                Optional.of(interp));
    }

    private static Tableau fixed(String name, int order, List<Rational> c, List<List<Rational>> a, List<Rational> b) {
        return new Tableau(name, order, OptionalInt.empty(), false, c, withFirstRow(a), b, Optional.empty(),
                Optional.empty());
    }

    private static List<List<Rational>> withFirstRow(List<List<Rational>> rest) {
        if (!rest.isEmpty() && rest.getFirst().isEmpty()) {
            return rest;
        }
        List<List<Rational>> a = new ArrayList<>();
        a.add(List.of());
        a.addAll(rest);
        return a;
    }

    @SafeVarargs
    private static List<List<Rational>> rows(List<Rational>... rows) {
        return Arrays.asList(rows);
    }

    static List<Rational> v(String... xs) {
        return Arrays.stream(xs).map(TestTableaus::rational).toList();
    }

    private static Rational rational(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return Rational.ofDecimal(s);
        }
        return new Rational(new java.math.BigInteger(s.substring(0, slash)), new java.math.BigInteger(s.substring(slash + 1)));
    }
}
