package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.TableauProblem.Part;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StandardTableausTest {

    @Test
    void everyStandardTableauPassesTheRules() {
        for (Tableau t : StandardTableauFixtures.all()) {
            assertEquals(List.of(), TableauRules.check(t), t.name());
        }
    }

    @Test
    void theLibraryHasTheSevenMethodsWithTheirOrders() {
        assertEquals(List.of("euler 1 -", "midpoint 2 -", "rk4 4 -", "heun 2 1", "bosh3 3 2", "dopri5 5 4", "tsit5 5 4"),
                StandardTableauFixtures.all().stream()
                        .map(t -> t.name() + " " + t.order() + " " + (t.embeddedOrder().isPresent() ? t.embeddedOrder().getAsInt() : "-"))
                        .toList());
    }

    /** One wrong coefficient per tableau, and problems the checker must name (all of them, or some). */
    static Stream<Arguments> perturbations() {
        return Stream.of(
                Arguments.of(with(StandardTableauFixtures.euler(), "b", 0, -1, Rational.of(2)),
                        List.of(new TableauProblem(Part.B, -1, "sum(b) is 2, not 1 (residual 1)")), true),
                Arguments.of(with(StandardTableauFixtures.midpoint(), "a", 1, 0, Rational.of(1, 3)),
                        List.of(new TableauProblem(Part.C, 1, "row sum of a[1] is 1/3 but c[1] is 1/2 (residual -1/6)")), true),
                // b·c = (1/3)(1/4) + (1/3)(1/2) + 1/6 = 5/12 instead of 1/2.
                Arguments.of(with(StandardTableauFixtures.rk4(), "c", 2, -1, Rational.of(1, 4)),
                        List.of(new TableauProblem(Part.C, 2, "row sum of a[2] is 1/2 but c[2] is 1/4 (residual 1/4)"),
                                new TableauProblem(Part.ORDER, -1, "order 2 condition b·c = 1/2 fails: residual -1/12")), false),
                Arguments.of(with(StandardTableauFixtures.heun(), "b", 1, -1, Rational.of(1, 3)),
                        List.of(new TableauProblem(Part.B, -1, "sum(b) is 5/6, not 1 (residual -1/6)"),
                                new TableauProblem(Part.ORDER, -1, "order 2 condition b·c = 1/2 fails: residual -1/6")), true),
                // bhat·c = 1/8 + 1/3·... : the extra 1/8 on the last stage (c = 1) adds 1/8.
                Arguments.of(with(StandardTableauFixtures.bosh3(), "bhat", 3, -1, Rational.of(1, 4)),
                        List.of(new TableauProblem(Part.BHAT, -1, "sum(bhat) is 9/8, not 1 (residual 1/8)"),
                                new TableauProblem(Part.EMBEDDED, -1, "order 2 condition bhat·c = 1/2 fails: residual 1/8")), true),
                // interp[6] should end at b[6] = 0; adding 1/1000 to its theta^2 term ends it at 1/1000.
                Arguments.of(with(StandardTableauFixtures.dopri5(), "interp", 6, 1,
                                Rational.of(40617522, 29380423).plus(Rational.of(1, 1000))),
                        List.of(new TableauProblem(Part.INTERP, 6, "interp[6] at theta = 1 is 1/1000 but b[6] is 0: residual 1/1000")), true),
                // a[3][1] wrong in its 20th decimal: far coarser than the 85 digits written.
                Arguments.of(with(StandardTableauFixtures.tsit5(), "a", 3, 1,
                                StandardTableauFixtures.tsit5().a(3, 1).plus(Rational.ofDecimal("1e-20"))),
                        List.of(new TableauProblem(Part.C, 3, "row sum of a[3] is ≈ 0.90000000000000000 but c[3] is 9/10 "
                                + "(residual 1/100000000000000000000, beyond the 3.0e-84 that the coefficients' written digits allow)")), false));
    }

    @ParameterizedTest
    @MethodSource("perturbations")
    void aWrongCoefficientIsCaughtAndNamed(Tableau wrong, List<TableauProblem> expected, boolean exactlyThese) {
        List<TableauProblem> problems = TableauRules.check(wrong);
        if (exactlyThese) {
            assertEquals(expected, problems);
        } else {
            assertTrue(problems.containsAll(expected), () -> wrong.name() + ": " + problems);
        }
    }

    @Test
    void aWrongDigitInTsit5ReachesTheOrderConditions() {
        Tableau t = StandardTableauFixtures.tsit5();
        List<TableauProblem> problems = TableauRules.check(with(t, "a", 3, 1, t.a(3, 1).plus(Rational.ofDecimal("1e-20"))));
        // b·A·c moves by b[3]·1e-20·c[1] = 1.3790085741037419 · 0.161e-20 ≈ 2.2202e-21.
        assertTrue(problems.stream().anyMatch(p -> p.part() == Part.ORDER
                && p.message().startsWith("order 3 condition b·A·c = 1/6 fails: residual ≈ 2.2202038043070244E-21")), problems::toString);
    }

    @Test
    void fsalNeedsTheLastRowToBeB() {
        Tableau bosh3 = StandardTableauFixtures.bosh3();
        // b = (1/4, 1/3, 5/12, 0) still sums to 1, c = (0, 1/2, 3/4, 1): b·c = 1/6 + 5/16 = 23/48,
        // b·c² = 1/12 + 15/64 = 61/192, A·c = (0, 0, 3/8, 1/2) so b·A·c = 5/32.
        assertEquals(List.of(new TableauProblem(Part.A, 3, "fsal needs a[3] = b, but a[3][0] is 2/9 and b[0] is 1/4"),
                        new TableauProblem(Part.ORDER, -1, "order 2 condition b·c = 1/2 fails: residual -1/48"),
                        new TableauProblem(Part.ORDER, -1, "order 3 condition b·c² = 1/3 fails: residual -1/64"),
                        new TableauProblem(Part.ORDER, -1, "order 3 condition b·A·c = 1/6 fails: residual -1/96")),
                TableauRules.check(with(with(bosh3, "b", 0, -1, Rational.of(1, 4)), "b", 2, -1, Rational.of(5, 12))));
    }

    /** The tableau with one coefficient replaced: part is c, a (row i, column j), b, bhat or interp (row i, power j+1). */
    static Tableau with(Tableau t, String part, int i, int j, Rational value) {
        List<Rational> c = t.c();
        List<List<Rational>> a = t.a();
        List<Rational> b = t.b();
        var bhat = t.bhat();
        var interp = t.interp();
        switch (part) {
            case "c" -> c = replaced(c, i, value);
            case "a" -> a = replaced(a, i, replaced(a.get(i), j, value));
            case "b" -> b = replaced(b, i, value);
            case "bhat" -> bhat = bhat.map(w -> replaced(w, i, value));
            case "interp" -> interp = interp.map(rows -> replaced(rows, i, replaced(rows.get(i), j, value)));
            default -> throw new IllegalArgumentException(part);
        }
        return new Tableau(t.name(), t.order(), t.embeddedOrder(), t.fsal(), c, a, b, bhat, interp);
    }

    private static <T> List<T> replaced(List<T> list, int index, T value) {
        List<T> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }
}
