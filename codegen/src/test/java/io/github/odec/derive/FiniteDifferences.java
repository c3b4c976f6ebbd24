package io.github.odec.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.ModelEvaluator;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.List;

/**
 * Checks symbolic derivatives against Richardson-extrapolated central differences.
 *
 * <p>With {@code D(h) = (g(x+h) - g(x-h)) / 2h = g' + g'''h²/6 + g⁽⁵⁾h⁴/120 + ...}, the extrapolation
 * {@code R(h) = (4 D(h/2) - D(h)) / 3 = g' - g⁽⁵⁾h⁴/480 + ...} leaves a truncation error near
 * 2e-15 |g⁽⁵⁾| at {@code h = 1e-3 max(1, |x|)}. When each value of {@code g} is off by κ roundings
 * of its size, the rounding error of {@code R(h/2)} (the estimate compared) is about
 * {@code (4·4 + 2) / 3 · κ·ε·|g| / h = 6κ·ε·|g| / h}; the tolerance {@code 1000 ε max(1, |g|) / h}
 * (2.2e-10 for |g| ≤ 1 at h = 1e-3) allows κ ≈ 170, for expressions of a few dozen operations
 * whose terms may cancel. That the
 * truncation is negligible is checked, not assumed: {@code R(h)} and {@code R(h/2)} must agree
 * within the same tolerance. A wrong rule is off by the size of a term, many orders above it.
 */
final class FiniteDifferences {

    private static final double EPS = Math.ulp(1.0);

    private FiniteDifferences() {}

    /** Asserts every entry of {@code d} at {@code (t, y, p)} against differences of the system's dynamics. */
    static void check(OdeSystem system, Derivatives d, double t, double[] y, double[] p) {
        for (int j = 0; j < d.columnCount(); j++) {
            Variable v = d.variables().get(j);
            double x0 = switch (v) {
                case Variable.State s -> y[s.index()];
                case Variable.Param q -> p[q.index()];
                case Variable.Time time -> t;
            };
            double h = 1e-3 * Math.max(1, Math.abs(x0));
            double[][] g = new double[6][]; // x0 + h, x0 - h, x0 + h/2, ..., x0 - h/4
            double gMax = 1;
            for (int k = 0; k < 6; k++) {
                double step = (k % 2 == 0 ? 1 : -1) * h / (1 << (k / 2));
                g[k] = dynamics(system, v, x0 + step, t, y, p);
                for (double value : g[k]) {
                    gMax = Math.max(gMax, Math.abs(value));
                }
            }
            double tolerance = 1000 * EPS * gMax / h;
            List<Expr> column = d.rows().stream().map(row -> row.get(d.variables().indexOf(v))).toList();
            double[] exact = ModelEvaluator.evaluate(d.lets(), column, t, y, p);
            for (int i = 0; i < system.stateCount(); i++) {
                double dh = (g[0][i] - g[1][i]) / (2 * h);
                double dh2 = (g[2][i] - g[3][i]) / h;
                double dh4 = (g[4][i] - g[5][i]) * 2 / h;
                double rh = (4 * dh2 - dh) / 3;
                double rh2 = (4 * dh4 - dh2) / 3;
                String entry = "d(" + system.stateNames().get(i) + "')/d(" + v.name(system) + ") of " + system.name();
                assertTrue(Math.abs(rh - rh2) <= tolerance, entry + ": the differences themselves disagree, "
                        + rh + " vs " + rh2 + " (tolerance " + tolerance + ")");
                assertTrue(Double.isFinite(exact[i]), entry + " is " + exact[i]);
                assertEquals(rh2, exact[i], tolerance, entry + ": symbolic " + d.entry(i, j));
            }
        }
    }

    private static double[] dynamics(OdeSystem system, Variable v, double value, double t, double[] y, double[] p) {
        double[] ys = y.clone();
        double[] ps = p.clone();
        double ts = t;
        switch (v) {
            case Variable.State s -> ys[s.index()] = value;
            case Variable.Param q -> ps[q.index()] = value;
            case Variable.Time time -> ts = value;
        }
        return ModelEvaluator.evaluate(system.lets(), system.derivatives(), ts, ys, ps);
    }
}
