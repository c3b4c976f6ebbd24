package io.github.odec.derive;

import io.github.odec.diag.Diagnostics;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import io.github.odec.parse.OwnStack;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Symbolic derivatives of a checked system's right-hand side {@code f(t, x, p)}: the Jacobian
 * {@code df/dx} (Rosenbrock methods), {@code df/dp} (forward sensitivities) and the explicit
 * {@code df/dt} (non-autonomous Rosenbrock). Each is empty after reporting a {@code no-derivative}
 * error to {@code diagnostics}. See docs/derivatives.md.
 */
public final class Differentiation {

    private Differentiation() {}

    /** {@code df_i/dx_j} for every pair of flat state components. */
    public static Optional<Derivatives> jacobian(OdeSystem system, Diagnostics diagnostics) {
        return differentiate(system, IntStream.range(0, system.stateCount())
                .<Variable>mapToObj(Variable.State::new).toList(), diagnostics);
    }

    /** {@code df_i/dp_k} for every flat state component and flat parameter. */
    public static Optional<Derivatives> parameterJacobian(OdeSystem system, Diagnostics diagnostics) {
        return differentiate(system, IntStream.range(0, system.paramCount())
                .<Variable>mapToObj(Variable.Param::new).toList(), diagnostics);
    }

    /** {@code df_i/dt} with the state held fixed: one column. */
    public static Optional<Derivatives> timeDerivative(OdeSystem system, Diagnostics diagnostics) {
        return differentiate(system, List.of(new Variable.Time()), diagnostics);
    }

    /**
     * The derivatives with respect to {@code variables} (each at most once), one column each. Runs on a
     * stack of its own: the walk recurses as deep as the expressions nest (bounded by the checker).
     */
    public static Optional<Derivatives> differentiate(OdeSystem system, List<Variable> variables, Diagnostics diagnostics) {
        if (Set.copyOf(variables).size() != variables.size()) {
            throw new IllegalArgumentException("a variable listed twice: " + variables);
        }
        Diagnostics found = new Diagnostics();
        Derivatives result = OwnStack.call("odec-derive-" + system.name(), () -> {
            int[][] dependencies = Dependencies.ofRows(system, variables);
            DerivativeLets lets = new DerivativeLets(system);
            Differentiator[] byColumn = new Differentiator[variables.size()]; // each with its let-derivative memo
            List<List<Expr>> rows = new ArrayList<>();
            for (int i = 0; i < system.stateCount(); i++) {
                Expr[] row = new Expr[variables.size()];
                Arrays.fill(row, Algebra.ZERO);
                for (int j : dependencies[i]) {
                    if (byColumn[j] == null) {
                        byColumn[j] = new Differentiator(system, variables.get(j), lets, found);
                    }
                    row[j] = byColumn[j].derivative(system.derivatives().get(i));
                }
                rows.add(List.of(row));
            }
            return new Derivatives(variables, lets.all(), rows);
        });
        found.sorted().forEach(diagnostics::report);
        return found.hasErrors() ? Optional.empty() : Optional.of(result);
    }
}
