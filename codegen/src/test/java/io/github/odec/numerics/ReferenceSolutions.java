package io.github.odec.numerics;

import org.hipparchus.ode.ODEState;
import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.hipparchus.ode.nonstiff.DormandPrince853Integrator;

/** Reference solutions from Hipparchus' DormandPrince853Integrator at rtol = atol = 1e-13. */
final class ReferenceSolutions {

    private ReferenceSolutions() {}

    static OrdinaryDifferentialEquation vanDerPol(double mu) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 2;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return new double[] {y[1], mu * (1 - y[0] * y[0]) * y[1] - y[0]};
            }
        };
    }

    static OrdinaryDifferentialEquation lorenz(double sigma, double rho, double beta) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return 3;
            }

            @Override
            public double[] computeDerivatives(double t, double[] y) {
                return new double[] {sigma * (y[1] - y[0]), y[0] * (rho - y[2]) - y[1], y[0] * y[1] - beta * y[2]};
            }
        };
    }

    static OrdinaryDifferentialEquation lorenz96(int n, double forcing) {
        return new OrdinaryDifferentialEquation() {
            @Override
            public int getDimension() {
                return n;
            }

            @Override
            public double[] computeDerivatives(double t, double[] x) {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = (x[(i + 1) % n] - x[(i + n - 2) % n]) * x[(i + n - 1) % n] - x[i] + forcing;
                }
                return d;
            }
        };
    }

    /** The state at each of {@code times} (in the direction of integration), integrated segment by segment. */
    static double[][] at(OrdinaryDifferentialEquation ode, double t0, double[] y0, double[] times) {
        DormandPrince853Integrator dp853 = new DormandPrince853Integrator(1e-14, 10.0, 1e-13, 1e-13);
        double[][] out = new double[times.length][];
        ODEState state = new ODEState(t0, y0.clone());
        for (int k = 0; k < times.length; k++) {
            if (times[k] == state.getTime()) {
                out[k] = state.getPrimaryState().clone();
                continue;
            }
            ODEStateAndDerivative s = dp853.integrate(ode, state, times[k]);
            out[k] = s.getPrimaryState().clone();
            state = new ODEState(s.getTime(), out[k].clone());
        }
        return out;
    }
}
