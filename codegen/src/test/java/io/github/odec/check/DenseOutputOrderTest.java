package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dense output of dopri5 and tsit5 is fourth order: one step from the exact y0 leaves a local error
 * O(h^5) at every theta, so halving h divides it by 2^5 = 32. Checked on y' = y^2, y(0) = 1, whose
 * solution 1/(1 - t) is nonlinear, in doubles with the explicit Runge-Kutta step written out here.
 */
class DenseOutputOrderTest {

    /** y' = y^2: scalar, nonlinear; scalar problems see every elementary differential up to order 4. */
    private static double f(double y) {
        return y * y;
    }

    private static double exact(double t) {
        return 1 / (1 - t);
    }

    /** One step from (0, 1) with step h, evaluated at theta through the tableau's interp polynomials. */
    private static double denseOutput(Tableau t, double h, double theta) {
        int s = t.stages();
        double[] k = new double[s];
        for (int i = 0; i < s; i++) {
            double y = 1;
            for (int j = 0; j < i; j++) {
                y += h * t.a(i, j).toDouble() * k[j];
            }
            k[i] = f(y);
        }
        List<List<Rational>> interp = t.interp().orElseThrow();
        double y = 1;
        for (int i = 0; i < s; i++) {
            double bi = 0;
            double power = 1;
            for (Rational d : interp.get(i)) {
                power *= theta;
                bi += d.toDouble() * power;
            }
            y += h * bi * k[i];
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dopri5", "tsit5"})
    void localErrorOfTheInterpolantScalesLikeHToTheFifth(String name) {
        Tableau t = StandardTableauFixtures.all().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        for (double theta : new double[] {0.3, 0.7}) {
            double coarse = localError(t, 0.02, theta);
            double fine = localError(t, 0.01, theta);
            double observedOrder = Math.log(coarse / fine) / Math.log(2);
            // The local error is C h^5 + O(h^6); at h = 0.01..0.02 the next term shifts the observed
            // exponent by a few hundredths (measured 0.03..0.07), and errors of 1e-11..1e-13 are far
            // above double rounding (~1e-16), so 5 +- 0.25 separates order 4 (exponent 5) from order 3 (4).
            assertEquals(5.0, observedOrder, 0.25, name + " at theta = " + theta + ": errors " + coarse + ", " + fine);
        }
    }

    private static double localError(Tableau t, double h, double theta) {
        return Math.abs(denseOutput(t, h, theta) - exact(theta * h));
    }
}
