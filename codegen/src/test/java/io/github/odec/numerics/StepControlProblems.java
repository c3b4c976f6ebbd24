package io.github.odec.numerics;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.diag.SourceFile;
import io.github.odec.model.OdeSystem;
import java.util.List;
import org.hipparchus.ode.OrdinaryDifferentialEquation;

/**
 * The problems of issue 14 on which the PID preset got stuck (Van der Pol mu = 25, 50, 100 over nine
 * tenths of a period, Hairer's Brusselator and Pleiades, Lotka-Volterra, a Kepler orbit of eccentricity 0.5),
 * each as odec source and as a Hipparchus equation for the reference solution.
 */
final class StepControlProblems {

    private StepControlProblems() {}

    record Problem(String name, OdeSystem system, OrdinaryDifferentialEquation reference, double[] y0, double t1,
                   double[] params) {}

    static List<Problem> all() {
        return List.of(vanDerPol(25), vanDerPol(50), vanDerPol(100), brusselator(), pleiades(), lotkaVolterra(),
                kepler());
    }

    /**
     * Nine tenths of a period, T = (3 - 2 ln 2) mu + 7.014 mu^(-1/3) (Dorodnitsyn's asymptotic expansion;
     * 7.014 = 3 times the first zero of Ai): the span crosses both fast jumps and ends on a slow branch. A full
     * period from (2, 0) would end right after a jump, where a phase error of one step moves the state
     * by O(1) and no controller's error can be compared with its tolerance.
     */
    static Problem vanDerPol(double mu) {
        OdeSystem system = system("""
                system VanDerPol {
                    state x = 2.0, y = 0.0;
                    param mu = 2.0;
                    x' = y;
                    y' = mu * (1 - x^2) * y - x;
                }
                """);
        double period = (3 - 2 * Math.log(2)) * mu + 7.014 * Math.pow(mu, -1.0 / 3.0);
        return new Problem("Van der Pol mu = " + (int) mu, system, ReferenceSolutions.vanDerPol(mu),
                new double[] {2.0, 0.0}, 0.9 * period, new double[] {mu});
    }

    /** Hairer, Nørsett & Wanner I, II.10 (BRUS): y1' = 1 + y1^2 y2 - 4 y1, y2' = 3 y1 - y1^2 y2 on [0, 20]. */
    static Problem brusselator() {
        OdeSystem system = system("""
                system Brusselator {
                    state u = 1.5, v = 3.0;
                    u' = 1 + u^2 * v - 4 * u;
                    v' = 3 * u - u^2 * v;
                }
                """);
        OrdinaryDifferentialEquation ode = equation(2, y -> new double[] {
            1 + y[0] * y[0] * y[1] - 4 * y[0], 3 * y[0] - y[0] * y[0] * y[1]});
        return new Problem("Brusselator", system, ode, new double[] {1.5, 3.0}, 20.0, new double[0]);
    }

    /** Lotka-Volterra x' = 1.5 x - x y, y' = -3 y + x y from (10, 5) on [0, 15] (scipy's solve_ivp example). */
    static Problem lotkaVolterra() {
        OdeSystem system = system("""
                system LotkaVolterra {
                    state x = 10.0, y = 5.0;
                    x' = 1.5 * x - x * y;
                    y' = -3 * y + x * y;
                }
                """);
        OrdinaryDifferentialEquation ode = equation(2, y -> new double[] {
            1.5 * y[0] - y[0] * y[1], -3 * y[1] + y[0] * y[1]});
        return new Problem("Lotka-Volterra", system, ode, new double[] {10.0, 5.0}, 15.0, new double[0]);
    }

    /**
     * The two-body problem q'' = -q / |q|^3 with eccentricity e = 0.5 from the pericentre:
     * q = (1 - e, 0), p = (0, sqrt((1 + e) / (1 - e))). The orbit has semi-major axis 1, so its period is
     * exactly 2 pi and the state at t1 = 2 pi is the initial state.
     */
    static Problem kepler() {
        OdeSystem system = system("""
                system Kepler {
                    state q1 = 0.5, q2 = 0.0, p1 = 0.0, p2 = 1.7320508075688772;
                    let r3 = pow(q1^2 + q2^2, 1.5);
                    q1' = p1;
                    q2' = p2;
                    p1' = -q1 / r3;
                    p2' = -q2 / r3;
                }
                """);
        OrdinaryDifferentialEquation ode = equation(4, y -> {
            double r3 = Math.pow(y[0] * y[0] + y[1] * y[1], 1.5);
            return new double[] {y[2], y[3], -y[0] / r3, -y[1] / r3};
        });
        return new Problem("Kepler e = 0.5", system, ode, new double[] {0.5, 0.0, 0.0, Math.sqrt(3.0)}, 2 * Math.PI,
                new double[0]);
    }

    /** Hairer, Nørsett & Wanner I, II.10 (PLEI): seven bodies of masses 1..7 in the plane on [0, 3]. */
    static Problem pleiades() {
        double[] x = {3, 3, -1, -3, 2, -2, 2};
        double[] y = {3, -3, 2, 0, 0, -4, 4};
        double[] vx = {0, 0, 0, 0, 0, 1.75, -1.5};
        double[] vy = {0, 0, 0, -1.25, 1, 0, 0};
        StringBuilder src = new StringBuilder("system Pleiades {\n    state x[7] = ").append(list(x))
                .append(", y[7] = ").append(list(y)).append(", vx[7] = ").append(list(vx))
                .append(", vy[7] = ").append(list(vy)).append(";\n");
        for (int i = 0; i < 7; i++) {
            StringBuilder ax = new StringBuilder();
            StringBuilder ay = new StringBuilder();
            for (int j = 0; j < 7; j++) {
                if (j == i) {
                    continue;
                }
                String r = "r" + Math.min(i, j) + "_" + Math.max(i, j);
                if (j > i) {
                    src.append("    let ").append(r).append(" = pow((x[").append(i).append("] - x[").append(j)
                            .append("])^2 + (y[").append(i).append("] - y[").append(j).append("])^2, 1.5);\n");
                }
                ax.append(" + ").append(j + 1).append(" * (x[").append(j).append("] - x[").append(i).append("]) / ").append(r);
                ay.append(" + ").append(j + 1).append(" * (y[").append(j).append("] - y[").append(i).append("]) / ").append(r);
            }
            src.append("    x[").append(i).append("]' = vx[").append(i).append("];\n");
            src.append("    y[").append(i).append("]' = vy[").append(i).append("];\n");
            src.append("    vx[").append(i).append("]' = 0").append(ax).append(";\n");
            src.append("    vy[").append(i).append("]' = 0").append(ay).append(";\n");
        }
        src.append("}\n");
        OrdinaryDifferentialEquation ode = equation(28, s -> {
            double[] d = new double[28];
            for (int i = 0; i < 7; i++) {
                d[i] = s[14 + i];
                d[7 + i] = s[21 + i];
                for (int j = 0; j < 7; j++) {
                    if (j != i) {
                        double r3 = Math.pow((s[i] - s[j]) * (s[i] - s[j]) + (s[7 + i] - s[7 + j]) * (s[7 + i] - s[7 + j]), 1.5);
                        d[14 + i] += (j + 1) * (s[j] - s[i]) / r3;
                        d[21 + i] += (j + 1) * (s[7 + j] - s[7 + i]) / r3;
                    }
                }
            }
            return d;
        });
        double[] y0 = new double[28];
        System.arraycopy(x, 0, y0, 0, 7);
        System.arraycopy(y, 0, y0, 7, 7);
        System.arraycopy(vx, 0, y0, 14, 7);
        System.arraycopy(vy, 0, y0, 21, 7);
        return new Problem("Pleiades", system(src.toString()), ode, y0, 3.0, new double[0]);
    }

    static OdeSystem system(String text) {
        CheckResult result = Frontend.check(new SourceFile("problem.ode", text));
        return result.model().orElseThrow(() -> new AssertionError(result.render())).systems().getFirst();
    }

    private static String list(double[] v) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            s.append(i == 0 ? "" : ", ").append(v[i]);
        }
        return s.append("]").toString();
    }

    private static OrdinaryDifferentialEquation equation(int n, java.util.function.UnaryOperator<double[]> f) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return f.apply(y);
            }
        };
    }
}
