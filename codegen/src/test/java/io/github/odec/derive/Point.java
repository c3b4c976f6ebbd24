package io.github.odec.derive;

import io.github.odec.check.ModelEvaluator;
import io.github.odec.diag.Diagnostics;
import io.github.odec.model.Component;
import io.github.odec.model.OdeSystem;
import java.util.List;
import java.util.Random;

/** A point (t, y, p) to evaluate derivatives at, and their values there. */
record Point(double t, double[] y, double[] p) {

    /** The declared defaults, each moved by up to ±spread (relative for parameters), reproducibly. */
    static Point nearDefaults(OdeSystem system, long seed, double spread) {
        Random random = new Random(seed);
        double[] y = flat(system.states(), 1);
        double[] p = flat(system.params(), 1);
        for (int i = 0; i < y.length; i++) {
            y[i] += spread * (2 * random.nextDouble() - 1);
        }
        for (int k = 0; k < p.length; k++) {
            p[k] *= 1 + spread * (2 * random.nextDouble() - 1);
        }
        return new Point(0.7, y, p);
    }

    private static double[] flat(List<Component> components, double absent) {
        return components.stream().flatMap(c -> c.hasDefaults() ? c.defaults().stream()
                : java.util.Collections.nCopies(c.length(), absent).stream()).mapToDouble(Double::doubleValue).toArray();
    }

    /** The matrix of {@code d} here, row by row. */
    double[][] values(Derivatives d) {
        return d.rows().stream().map(row -> ModelEvaluator.evaluate(d.lets(), row, t, y, p)).toArray(double[][]::new);
    }

    static Derivatives jacobian(OdeSystem system) {
        return Differentiation.jacobian(system, new Diagnostics()).orElseThrow();
    }

    static Derivatives parameterJacobian(OdeSystem system) {
        return Differentiation.parameterJacobian(system, new Diagnostics()).orElseThrow();
    }

    static Derivatives timeDerivative(OdeSystem system) {
        return Differentiation.timeDerivative(system, new Diagnostics()).orElseThrow();
    }
}
