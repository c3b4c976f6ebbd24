package io.github.odec.check;

import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Butcher's order conditions, checked in exact rational arithmetic: for every rooted tree t with
 * 2 <= |t| <= p, the elementary weight Phi(t) = sum_i w_i u_i(t) must equal 1/gamma(t), where the stage
 * vector u(t) is the componentwise product over t's children s of c (s a single vertex) or A·u(s).
 * Order 1 (sum of the weights is 1) is {@link TableauRules}'s weight check and is not repeated here.
 * Leaves use c rather than A·1; the row-sum rule c = A·1 is checked on its own.
 *
 * <p>Decimal coefficients. Exact tableaus (rationals, short decimals such as 0.161) must satisfy every
 * condition exactly. Published tableaus such as tsit5's are printed as long decimals rounded from
 * irrational values, so their conditions hold only to the digits given. The policy lives in one place,
 * {@link Bounded#coefficient}:
 * <ul>
 *   <li>a terminating decimal with at least {@value #ROUNDED_SIGNIFICANT_DIGITS} significant digits is
 *       taken to be rounded and trusted to one unit in its last written place (this covers rounding and
 *       truncation alike);</li>
 *   <li>one with at most 17 significant digits may be a double printed in shortest form, off by half a
 *       decimal unit from the double, which is itself off by up to |x|·2^-53: it is trusted to
 *       max(one unit, |x|·2^-52), which covers both;</li>
 *   <li>anything else (rationals, integers, short decimals) is exact.</li>
 * </ul>
 * Each condition is evaluated together with a rigorous bound on how far those errors can move it
 * (interval-style propagation with absolute values, second-order terms included), and fails when its
 * residual lies beyond that bound. A tableau without rounded coefficients gets a bound of zero, so an
 * exact tableau is held to exactness; a wrong digit in a long decimal is caught unless it lies below the
 * digits written. No one writes an intended exact coefficient with 12 significant digits, and a coarse
 * approximation such as 0.3333 for 1/3 stays exact, and fails, as it should.
 */
public final class OrderConditions {

    /** Decimals with at least this many significant digits are taken as rounded, not exact. */
    static final int ROUNDED_SIGNIFICANT_DIGITS = 12;

    private OrderConditions() {}

    /** All violated conditions: b up to the order, bhat up to the embedded order, and interp at theta = 1. */
    public static List<TableauProblem> check(Tableau t) {
        List<TableauProblem> problems = new ArrayList<>();
        problems.addAll(checkWeights(t, t.b(), "b", t.order(), TableauProblem.Part.ORDER));
        t.bhat().ifPresent(bhat -> problems.addAll(checkWeights(t, bhat, "bhat",
                t.embeddedOrder().orElse(0), TableauProblem.Part.EMBEDDED)));
        t.interp().ifPresent(rows -> problems.addAll(checkInterpolantEnd(t, rows)));
        return problems;
    }

    /** The conditions of orders 2..order for the given weights, in tree order. */
    static List<TableauProblem> checkWeights(Tableau t, List<Rational> weights, String name, int order,
                                             TableauProblem.Part part) {
        StageVectors vectors = new StageVectors(t);
        List<TableauProblem> problems = new ArrayList<>();
        for (RootedTree tree : RootedTrees.upToOrder(order)) {
            if (tree.order() < 2) {
                continue;
            }
            Bounded phi = Bounded.EXACT_ZERO;
            List<Bounded> u = vectors.of(tree);
            for (int i = 0; i < t.stages(); i++) {
                phi = phi.plus(Bounded.coefficient(weights.get(i)).times(u.get(i)));
            }
            Rational expected = Rational.of(1, tree.density());
            if (!phi.admits(expected)) {
                problems.add(new TableauProblem(part, -1, "order " + tree.order() + " condition "
                        + tree.formula(name) + " = " + expected + " fails: " + phi.describeResidual(expected)));
            }
        }
        return problems;
    }

    /** The dense output must end where the step does: b_i(1) = sum of interp[i] equals b_i. */
    private static List<TableauProblem> checkInterpolantEnd(Tableau t, List<List<Rational>> rows) {
        List<TableauProblem> problems = new ArrayList<>();
        for (int i = 0; i < rows.size() && i < t.stages(); i++) {
            Bounded atOne = Bounded.EXACT_ZERO;
            for (Rational d : rows.get(i)) {
                atOne = atOne.plus(Bounded.coefficient(d));
            }
            Bounded difference = atOne.minus(Bounded.coefficient(t.b().get(i)));
            if (!difference.admits(Rational.ZERO)) {
                problems.add(new TableauProblem(TableauProblem.Part.INTERP, i, "interp[" + i + "] at theta = 1 is "
                        + Bounded.show(atOne.value()) + " but b[" + i + "] is " + Bounded.show(t.b().get(i))
                        + ": " + difference.describeResidual(Rational.ZERO)));
            }
        }
        return problems;
    }

    /** u(t) for each tree, memoised: trees share subtrees, and every order reuses the lower ones. */
    private static final class StageVectors {
        private final Tableau t;
        private final Map<RootedTree, List<Bounded>> memo = new HashMap<>();

        StageVectors(Tableau t) {
            this.t = t;
        }

        List<Bounded> of(RootedTree tree) {
            List<Bounded> known = memo.get(tree);
            if (known != null) {
                return known;
            }
            List<Bounded> u = new ArrayList<>();
            for (int i = 0; i < t.stages(); i++) {
                Bounded product = Bounded.EXACT_ONE;
                for (RootedTree child : tree.children()) {
                    product = product.times(factor(child, i));
                }
                u.add(product);
            }
            memo.put(tree, u);
            return u;
        }

        /** Stage i's factor for one child: c_i for a leaf, (A·u(child))_i otherwise. */
        private Bounded factor(RootedTree child, int i) {
            if (child.isLeaf()) {
                return Bounded.coefficient(t.c().get(i));
            }
            List<Bounded> u = of(child);
            Bounded sum = Bounded.EXACT_ZERO;
            for (int j = 0; j < i; j++) {
                sum = sum.plus(Bounded.coefficient(t.a(i, j)).times(u.get(j)));
            }
            return sum;
        }
    }

    /**
     * A value computed from written coefficients, with a rigorous bound on its distance from the value
     * the intended (unrounded) coefficients would give.
     */
    record Bounded(Rational value, Rational bound) {

        static final Bounded EXACT_ZERO = new Bounded(Rational.ZERO, Rational.ZERO);
        static final Bounded EXACT_ONE = new Bounded(Rational.ONE, Rational.ZERO);
        private static final Rational DOUBLE_ROUNDING = new Rational(BigInteger.ONE, BigInteger.TWO.pow(52));
        private static final BigInteger FIVE = BigInteger.valueOf(5);

        /** The rounding policy for one written coefficient (see the class comment). */
        static Bounded coefficient(Rational x) {
            BigInteger d = x.denominator();
            int twos = d.getLowestSetBit();
            BigInteger rest = d.shiftRight(twos);
            int fives = 0;
            while (rest.mod(FIVE).signum() == 0) {
                rest = rest.divide(FIVE);
                fives++;
            }
            int places = Math.max(twos, fives);
            if (!rest.equals(BigInteger.ONE) || places == 0) {
                return new Bounded(x, Rational.ZERO);
            }
            BigInteger scale = BigInteger.TEN.pow(places);
            int significant = x.numerator().abs().multiply(scale).divide(d).toString().length();
            if (significant < ROUNDED_SIGNIFICANT_DIGITS) {
                return new Bounded(x, Rational.ZERO);
            }
            Rational unit = new Rational(BigInteger.ONE, scale);
            if (significant <= 17) {
                Rational doubleRounding = x.abs().times(DOUBLE_ROUNDING);
                unit = unit.compareTo(doubleRounding) >= 0 ? unit : doubleRounding;
            }
            return new Bounded(x, unit);
        }

        Bounded plus(Bounded o) {
            return new Bounded(value.plus(o.value), bound.plus(o.bound));
        }

        Bounded minus(Bounded o) {
            return new Bounded(value.minus(o.value), bound.plus(o.bound));
        }

        /** |xy - x'y'| <= |x| dy + |y| dx + dx dy for |x - x'| <= dx, |y - y'| <= dy. */
        Bounded times(Bounded o) {
            if (bound.isZero() && o.bound.isZero()) {
                return new Bounded(value.times(o.value), Rational.ZERO);
            }
            Rational b = value.abs().times(o.bound).plus(o.value.abs().times(bound)).plus(bound.times(o.bound));
            return new Bounded(value.times(o.value), b);
        }

        /** Whether the target is within the rounding bound of this value. */
        boolean admits(Rational target) {
            return value.minus(target).abs().compareTo(bound) <= 0;
        }

        String describeResidual(Rational target) {
            String residual = "residual " + show(value.minus(target));
            return bound.isZero() ? residual
                    : residual + ", beyond the " + String.format("%.1e", bound.toDouble())
                            + " that the coefficients' written digits allow";
        }

        /** Exact where that stays readable; long rationals from decimal tableaus as a decimal approximation. */
        static String show(Rational r) {
            String exact = r.toString();
            if (exact.length() <= 24) {
                return exact;
            }
            // 17 significant digits: enough to tell a residual of 1e-12 in a coefficient near 1.
            return "≈ " + new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), new MathContext(17));
        }
    }
}
