package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.Arrays;
import org.hipparchus.ode.OrdinaryDifferentialEquation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dopri5 and tsit5 at rtol = atol = 1e-10 against Hipparchus' DOP853 at 1e-13, at the final time and at 50
 * dense-output times. Bounds: the global error of a 1e-10 local tolerance over a few oscillation
 * periods is ~1e-9..1e-8 (the error grows along the limit cycle), and dopri5's dense output is
 * fourth order (tsit5's too), a little worse than the step ends; 1e-7 relative to the solution's scale leaves a
 * margin of about 10 while still failing for a wrong interpolation coefficient (which gives ~1e-4).
 */
class ReferenceAccuracyTest {

    private static final int POINTS = 50;

    @ParameterizedTest(name = "{0}, Van der Pol, mu = {1}")
    @CsvSource({"dopri5, 2", "dopri5, 3", "dopri5, 4", "dopri5, 5", "tsit5, 2", "tsit5, 5"})
    void vanDerPol(String method, double mu) {
        double worst = compare(method, TestSystems.vanDerPol(), ReferenceSolutions.vanDerPol(mu), new double[] {2.0, 0.0},
                0.0, 20.0, mu);
        assertTrue(worst < 1e-7, "worst relative error " + worst);
    }

    /**
     * Lorenz is chaotic: errors grow like exp(0.9 t), so the span is kept to [0, 4] where that
     * amplification is ~40; the bound is 1e-7 of the attractor's scale (|y| ~ 40) for the same reason as above.
     */
    @Test
    void lorenz() {
        double worst = compare("dopri5", TestSystems.lorenz(), ReferenceSolutions.lorenz(10, 28, 8.0 / 3), new double[] {1, 1, 1},
                0.0, 4.0, 10, 28, 8.0 / 3);
        assertTrue(worst < 1e-7, "worst relative error " + worst);
    }

    /**
     * Lorenz 96 with 40 components runs in the array layout. Chaotic too (largest Lyapunov exponent
     * ~1.7 at F = 8), so the span is [0, 2]; same bound relative to the solution's scale.
     */
    @Test
    void lorenz96InArrays() {
        int n = 40;
        double[] x0 = new double[n];
        for (int i = 0; i < n; i++) {
            x0[i] = 8.0 + (i == 0 ? 0.01 : 0.0) + Math.sin(i);
        }
        double worst = compare("dopri5", TestSystems.lorenz96(n), ReferenceSolutions.lorenz96(n, 8.0), x0, 0.0, 2.0, 8.0);
        assertTrue(worst < 1e-7, "worst relative error " + worst);
    }

    /** Backward integration hits the same accuracy. */
    @Test
    void vanDerPolBackward() {
        double worst = compare("dopri5", TestSystems.vanDerPol(), ReferenceSolutions.vanDerPol(2.0), new double[] {2.0, 0.0},
                0.0, -6.0, 2.0);
        assertTrue(worst < 1e-7, "worst relative error " + worst);
    }

    /** @return the worst error over all points and components, relative to max(1, max |y_ref|) */
    private static double compare(String method, OdeSystem system, OrdinaryDifferentialEquation ode, double[] y0, double t0, double t1,
                                  double... params) {
        CompiledSolver solver = Solvers.of(system, method, StepControllerKind.INTEGRAL, true);
        SolveBuffers b = TestBatch.create(1, system.stateCount(), params.length, POINTS);
        TestBatch.set(b, 0, y0, t0, t1, params);
        b.reals(Slot.RTOL)[0] = b.reals(Slot.ATOL)[0] = 1e-10;
        solver.solve(b, 0, 1);
        assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[0]);
        assertEquals(POINTS, b.ints(Slot.INITIALIZED)[0]);
        assertEquals(t1, b.reals(Slot.T_FINAL)[0]);
        double[] times = Arrays.copyOfRange(b.reals(Slot.EVAL_TIMES), 0, POINTS);
        double[][] ref = ReferenceSolutions.at(ode, t0, y0, times);
        double scale = 1.0;
        for (double[] r : ref) {
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double worst = 0;
        for (int k = 0; k < POINTS; k++) {
            worst = Math.max(worst, OrderTest.maxError(TestBatch.ys(b, 0, k), ref[k]) / scale);
        }
        worst = Math.max(worst, OrderTest.maxError(TestBatch.yFinal(b, 0), ref[POINTS - 1]) / scale);
        System.out.printf("%s %s %s: worst relative error %.3g over %d steps%n", method, system.name(), Arrays.toString(params),
                worst, b.ints(Slot.STEPS)[0]);
        return worst;
    }
}
