package io.github.odec.check;

import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric rules a tableau must satisfy, checked exactly: row sums equal c, the weights sum to
 * one, and the order conditions. Structural rules (strictly lower-triangular, vector lengths) are
 * the checker's, so every Tableau reaching here is well-shaped.
 */
public final class TableauRules {

    private TableauRules() {}

    public static List<TableauProblem> check(Tableau t) {
        List<TableauProblem> problems = new ArrayList<>();
        for (int i = 0; i < t.stages(); i++) {
            Rational rowSum = sum(t.a().get(i));
            if (!rowSum.equals(t.c().get(i))) {
                problems.add(new TableauProblem(TableauProblem.Part.C, i,
                        "row sum of a[" + i + "] is " + rowSum + " but c[" + i + "] is " + t.c().get(i)
                                + " (residual " + rowSum.minus(t.c().get(i)) + ")"));
            }
        }
        checkWeights(t.b(), "b", TableauProblem.Part.B, problems);
        t.bhat().ifPresent(bhat -> checkWeights(bhat, "bhat", TableauProblem.Part.BHAT, problems));
        return problems;
    }

    private static void checkWeights(List<Rational> w, String name, TableauProblem.Part part, List<TableauProblem> out) {
        Rational s = sum(w);
        if (!s.equals(Rational.ONE)) {
            out.add(new TableauProblem(part, -1, "sum(" + name + ") is " + s + ", not 1 (residual " + s.minus(Rational.ONE) + ")"));
        }
    }

    private static Rational sum(List<Rational> xs) {
        Rational s = Rational.ZERO;
        for (Rational x : xs) {
            s = s.plus(x);
        }
        return s;
    }
}
