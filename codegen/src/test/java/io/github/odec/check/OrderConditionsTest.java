package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.OrderConditions.Bounded;
import io.github.odec.check.TableauProblem.Part;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class OrderConditionsTest {

    private static List<Rational> q(String commaList) {
        return StandardTableauFixtures.coefficients(commaList);
    }

    private static Tableau withOrder(Tableau t, int order) {
        return new Tableau(t.name(), order, t.embeddedOrder(), t.fsal(), t.c(), t.a(), t.b(), t.bhat(), t.interp());
    }

    private static Tableau withB(Tableau t, List<Rational> b) {
        return new Tableau(t.name(), t.order(), t.embeddedOrder(), t.fsal(), t.c(), t.a(), b, t.bhat(), t.interp());
    }

    private static List<String> messages(List<TableauProblem> problems) {
        return problems.stream().map(TableauProblem::message).toList();
    }

    @Test
    void eulerIsNotSecondOrder() {
        assertEquals(List.of(new TableauProblem(Part.ORDER, -1, "order 2 condition b·c = 1/2 fails: residual -1/2")),
                TableauRules.check(withOrder(StandardTableauFixtures.euler(), 2)));
    }

    @Test
    void rk4IsNotFifthOrder() {
        List<TableauProblem> problems = TableauRules.check(withOrder(StandardTableauFixtures.rk4(), 5));
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.part() == Part.ORDER && p.message().startsWith("order 5 ")));
        // b·c⁴ = 2·(1/3)(1/2)⁴ + (1/6)·1 = 5/24, and 5/24 - 1/5 = 1/120.
        assertTrue(messages(problems).contains("order 5 condition b·c⁴ = 1/5 fails: residual 1/120"), problems::toString);
    }

    @Test
    void wrongWeightsThatStillSumToOneFailAtOrderThree() {
        // b = (1/6, 1/6, 1/2, 1/6) keeps b·1 = 1, b·c = 1/2 and b·c² = 1/3 but A·c = (0, 0, 1/4, 1/2),
        // so b·A·c = 1/8 + 1/12 = 5/24, residual 1/24.
        List<TableauProblem> problems = TableauRules.check(withB(StandardTableauFixtures.rk4(), q("1/6, 1/6, 1/2, 1/6")));
        assertEquals(new TableauProblem(Part.ORDER, -1, "order 3 condition b·A·c = 1/6 fails: residual 1/24"), problems.getFirst());
        assertTrue(problems.stream().allMatch(p -> p.part() == Part.ORDER));
    }

    @Test
    void embeddedWeightsAreCheckedToTheEmbeddedOrderOnly() {
        Tableau bosh3 = StandardTableauFixtures.bosh3();
        Tableau claimsThird = new Tableau("bosh3", 3, OptionalInt.of(3), true, bosh3.c(), bosh3.a(), bosh3.b(), bosh3.bhat(), bosh3.interp());
        List<TableauProblem> problems = TableauRules.check(claimsThird);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().allMatch(p -> p.part() == Part.EMBEDDED && p.message().startsWith("order 3 condition bhat·")),
                problems::toString);
    }

    @Test
    void roundingPolicyTrustsLongDecimalsToTheirLastDigit() {
        assertEquals(Rational.ZERO, Bounded.coefficient(Rational.ofDecimal("0.161")).bound(), "short decimals are exact");
        assertEquals(Rational.ZERO, Bounded.coefficient(Rational.ofDecimal("0.3333")).bound(), "a coarse 1/3 is exact, and wrong");
        assertEquals(Rational.ZERO, Bounded.coefficient(Rational.of(1, 3)).bound());
        assertEquals(Rational.ZERO, Bounded.coefficient(Rational.of(123456789012345L)).bound(), "integers are exact");
        // 20 significant digits: more than a double holds, so trusted to one unit in the 20th place.
        assertEquals(Rational.ofDecimal("1e-20"), Bounded.coefficient(Rational.ofDecimal("0.12345678901234567891")).bound());
        // 16 significant digits: possibly printed from a double, so no better than |x|·2^-52.
        Rational x = Rational.ofDecimal("0.9800255409045097");
        assertEquals(x.times(new Rational(BigInteger.ONE, BigInteger.TWO.pow(52))), Bounded.coefficient(x).bound());
    }

    @Test
    void rk4WithThirdsRoundedToSixteenDigitsPassesButACoarseThirdFails() {
        Tableau rk4 = StandardTableauFixtures.rk4();
        String third = "0.3333333333333333";
        String sixth = "0.1666666666666667";
        assertEquals(List.of(), TableauRules.check(withB(rk4, q(sixth + "," + third + "," + third + "," + sixth))));
        List<TableauProblem> coarse = TableauRules.check(withB(rk4, q("0.1667, 0.3333, 0.3333, 0.1667")));
        // 0.1667 + 2·0.3333 + 0.1667 = 1 and b·c = 1/2 still hold exactly; b·c² = 0.33335 misses 1/3 by 1/60000.
        assertEquals(new TableauProblem(Part.ORDER, -1, "order 3 condition b·c² = 1/3 fails: residual 1/60000"), coarse.getFirst());
    }

    @Test
    void tsit5RoundedToSixteenDigitsPassesAndAWrongTwelfthDigitIsCaught() {
        Tableau rounded = mapCoefficients(StandardTableauFixtures.tsit5(), OrderConditionsTest::toSixteenDigits);
        assertEquals(List.of(), TableauRules.check(rounded), "the published double-precision table holds to its digits");

        // a[4][3] one unit wrong in its 12th decimal place.
        List<List<Rational>> a = new ArrayList<>(rounded.a());
        List<Rational> row = new ArrayList<>(a.get(4));
        row.set(3, row.get(3).plus(Rational.ofDecimal("1e-12")));
        a.set(4, row);
        Tableau wrong = new Tableau("tsit5", 5, rounded.embeddedOrder(), true, rounded.c(), a, rounded.b(), rounded.bhat(), rounded.interp());
        List<TableauProblem> problems = TableauRules.check(wrong);
        assertEquals(Part.C, problems.getFirst().part());
        assertEquals(4, problems.getFirst().row());
        // b·A·c moves by b[4]·1e-12·c[3] = -3.290069515436081 · 0.9e-12 ≈ -2.961e-12, give or take the
        // ~1e-15 that rounding the table to 16 digits leaves.
        assertTrue(messages(problems).stream().anyMatch(m -> m.startsWith("order 3 condition b·A·c = 1/6 fails: residual ≈ -2.96")),
                problems::toString);
    }

    private static Rational toSixteenDigits(Rational r) {
        BigDecimal exact = new BigDecimal(r.numerator()).divide(new BigDecimal(r.denominator()), new MathContext(120));
        return Rational.ofDecimal(exact.round(new MathContext(16, RoundingMode.HALF_EVEN)).toPlainString());
    }

    static Tableau mapCoefficients(Tableau t, UnaryOperator<Rational> f) {
        return new Tableau(t.name(), t.order(), t.embeddedOrder(), t.fsal(),
                t.c().stream().map(f).toList(),
                t.a().stream().map(row -> row.stream().map(f).toList()).toList(),
                t.b().stream().map(f).toList(),
                t.bhat().map(w -> w.stream().map(f).toList()),
                t.interp().map(rows -> rows.stream().map(row -> row.stream().map(f).toList()).toList()));
    }

    @Test
    void interpolantMustEndAtB() {
        Tableau bosh3 = StandardTableauFixtures.bosh3();
        // The cubic Hermite weights for bosh3 would end at b; these end at 1/2 for stage 0 instead of 2/9.
        Optional<List<List<Rational>>> interp = Optional.of(List.of(q("1, -1/2"), q("0, 1/3"), q("0, 4/9"), q("0, 0")));
        Tableau t = new Tableau("bosh3", 3, bosh3.embeddedOrder(), true, bosh3.c(), bosh3.a(), bosh3.b(), bosh3.bhat(), interp);
        assertEquals(List.of(new TableauProblem(Part.INTERP, 0, "interp[0] at theta = 1 is 1/2 but b[0] is 2/9: residual 5/18")),
                TableauRules.check(t));
    }
}
