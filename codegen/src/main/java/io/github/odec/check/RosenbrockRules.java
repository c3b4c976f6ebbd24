package io.github.odec.check;

import io.github.odec.check.OrderConditions.Bounded;
import io.github.odec.model.Rational;
import io.github.odec.model.Rosenbrock;
import java.util.ArrayList;
import java.util.List;

/**
 * The numeric rules a well-shaped Rosenbrock method must satisfy: the weights summing to one, the
 * order conditions of {@link RosenbrockOrderConditions} for b and bhat, and the dense output ending at b.
 * Shape and the sign of γ are the checker's.
 */
public final class RosenbrockRules {

    private RosenbrockRules() {}

    public static List<TableauProblem> check(Rosenbrock m) {
        List<TableauProblem> problems = new ArrayList<>();
        checkWeights(m.b(), "b", TableauProblem.Part.B, problems);
        problems.addAll(RosenbrockOrderConditions.check(m, m.b(), "b", m.order(), TableauProblem.Part.ORDER));
        m.bhat().ifPresent(bhat -> {
            checkWeights(bhat, "bhat", TableauProblem.Part.BHAT, problems);
            problems.addAll(RosenbrockOrderConditions.check(m, bhat, "bhat", m.embeddedOrder().orElse(0),
                    TableauProblem.Part.EMBEDDED));
        });
        m.dense().ifPresent(rows -> checkDenseEnd(m, rows, problems));
        return problems;
    }

    private static void checkWeights(List<Rational> w, String name, TableauProblem.Part part, List<TableauProblem> out) {
        Bounded s = Bounded.EXACT_ZERO;
        for (Rational x : w) {
            s = s.plus(Bounded.coefficient(x));
        }
        if (!s.admits(Rational.ONE)) {
            out.add(new TableauProblem(part, -1, "sum(" + name + ") is " + Bounded.show(s.value()) + ", not 1 ("
                    + s.describeResidual(Rational.ONE) + ")"));
        }
    }

    /** b_i(1), the sum of interp[i], must be b_i: the dense output ends where the step does. */
    private static void checkDenseEnd(Rosenbrock m, List<List<Rational>> rows, List<TableauProblem> out) {
        for (int i = 0; i < rows.size(); i++) {
            Bounded atOne = Bounded.EXACT_ZERO;
            for (Rational d : rows.get(i)) {
                atOne = atOne.plus(Bounded.coefficient(d));
            }
            Bounded difference = atOne.minus(Bounded.coefficient(m.b().get(i)));
            if (!difference.admits(Rational.ZERO)) {
                out.add(new TableauProblem(TableauProblem.Part.INTERP, i, "interp[" + i + "] at theta = 1 is "
                        + Bounded.show(atOne.value()) + " but b[" + i + "] is " + Bounded.show(m.b().get(i))
                        + ": " + difference.describeResidual(Rational.ZERO)));
            }
        }
    }
}
