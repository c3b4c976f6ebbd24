package io.github.odec.check;

import io.github.odec.check.OrderConditions.Bounded;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric rules a tableau must satisfy, checked exactly: row sums equal c, the weights sum to
 * one, the Butcher order conditions (b up to the order, bhat up to the embedded order) and the dense
 * output ending at b. Structural rules (strictly lower-triangular, vector lengths) are the checker's,
 * so every Tableau reaching here is well-shaped. Long decimal coefficients are held to the digits
 * they are written with, as {@link OrderConditions} explains; everything else must hold exactly.
 */
public final class TableauRules {

    private TableauRules() {}

    public static List<TableauProblem> check(Tableau t) {
        List<TableauProblem> problems = new ArrayList<>();
        for (int i = 0; i < t.stages(); i++) {
            Bounded rowSum = sum(t.a().get(i));
            Rational c = t.c().get(i);
            Bounded residual = rowSum.minus(Bounded.coefficient(c));
            if (!residual.admits(Rational.ZERO)) {
                problems.add(new TableauProblem(TableauProblem.Part.C, i,
                        "row sum of a[" + i + "] is " + Bounded.show(rowSum.value()) + " but c[" + i + "] is "
                                + Bounded.show(c) + " (" + residual.describeResidual(Rational.ZERO) + ")"));
            }
        }
        checkWeights(t.b(), "b", TableauProblem.Part.B, problems);
        t.bhat().ifPresent(bhat -> checkWeights(bhat, "bhat", TableauProblem.Part.BHAT, problems));
        if (t.fsal()) {
            checkFirstSameAsLast(t, problems);
        }
        problems.addAll(OrderConditions.check(t));
        return problems;
    }

    /**
     * FSAL: the last stage must be f at the new solution y0 + h·sum(b_j k_j), so that it can be reused as
     * the next step's first stage: c = 1, the last row of a equal to b, and no weight on the last stage.
     */
    private static void checkFirstSameAsLast(Tableau t, List<TableauProblem> out) {
        int last = t.stages() - 1;
        if (!Bounded.coefficient(t.c().get(last)).admits(Rational.ONE)) {
            out.add(new TableauProblem(TableauProblem.Part.C, last,
                    "fsal needs the last stage at the new point, but c[" + last + "] is " + Bounded.show(t.c().get(last)) + ", not 1"));
        }
        if (!Bounded.coefficient(t.b().get(last)).admits(Rational.ZERO)) {
            out.add(new TableauProblem(TableauProblem.Part.B, -1,
                    "fsal needs b[" + last + "] = 0, but it is " + Bounded.show(t.b().get(last))));
        }
        for (int j = 0; j < last; j++) {
            Bounded difference = Bounded.coefficient(t.a(last, j)).minus(Bounded.coefficient(t.b().get(j)));
            if (!difference.admits(Rational.ZERO)) {
                out.add(new TableauProblem(TableauProblem.Part.A, last, "fsal needs a[" + last + "] = b, but a[" + last + "][" + j
                        + "] is " + Bounded.show(t.a(last, j)) + " and b[" + j + "] is " + Bounded.show(t.b().get(j))));
                return;
            }
        }
    }

    private static void checkWeights(List<Rational> w, String name, TableauProblem.Part part, List<TableauProblem> out) {
        Bounded s = sum(w);
        if (!s.admits(Rational.ONE)) {
            out.add(new TableauProblem(part, -1, "sum(" + name + ") is " + Bounded.show(s.value()) + ", not 1 ("
                    + s.describeResidual(Rational.ONE) + ")"));
        }
    }

    private static Bounded sum(List<Rational> xs) {
        Bounded s = Bounded.EXACT_ZERO;
        for (Rational x : xs) {
            s = s.plus(Bounded.coefficient(x));
        }
        return s;
    }
}
