package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import org.junit.jupiter.api.Test;

/** The numerics contract's edge cases and statistics, instance by instance. */
class BehaviourTest {

    private static final CompiledSolver DOPRI5_DENSE =
            Solvers.of(TestSystems.oscillator(), "dopri5", StepControllerKind.INTEGRAL, true);

    @Test
    void emptySpanReturnsTheInitialStateEverywhere() {
        SolveBuffers b = TestBatch.create(1, 2, 0, 3);
        TestBatch.set(b, 0, new double[] {0.25, -3.0}, 1.5, 1.5);
        b.reals(Slot.EVAL_TIMES)[0] = b.reals(Slot.EVAL_TIMES)[1] = b.reals(Slot.EVAL_TIMES)[2] = 1.5;
        DOPRI5_DENSE.solve(b, 0, 1);
        assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[0]);
        assertEquals(0, b.ints(Slot.STEPS)[0]);
        assertEquals(0, b.ints(Slot.F_EVALS)[0]);
        assertEquals(3, b.ints(Slot.INITIALIZED)[0]);
        assertEquals(1.5, b.reals(Slot.T_FINAL)[0]);
        assertArrayEquals(new double[] {0.25, -3.0}, TestBatch.yFinal(b, 0));
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(new double[] {0.25, -3.0}, TestBatch.ys(b, 0, k));
        }
    }

    @Test
    void evaluationTimesAtBothEndsTakeTheExactStates() {
        SolveBuffers b = TestBatch.create(1, 2, 0, 3);
        TestBatch.set(b, 0, new double[] {1.0, 0.0}, 0.0, 2.0);
        b.reals(Slot.EVAL_TIMES)[0] = 0.0;
        b.reals(Slot.EVAL_TIMES)[1] = 1.0;
        b.reals(Slot.EVAL_TIMES)[2] = 2.0;
        DOPRI5_DENSE.solve(b, 0, 1);
        assertEquals(3, b.ints(Slot.INITIALIZED)[0]);
        assertArrayEquals(new double[] {1.0, 0.0}, TestBatch.ys(b, 0, 0), "t0 takes y0 bit for bit");
        assertArrayEquals(TestBatch.yFinal(b, 0), TestBatch.ys(b, 0, 2), "t1 takes the final state bit for bit");
        assertEquals(2.0, b.reals(Slot.T_FINAL)[0], "the last step lands on t1 exactly");
        // rtol = atol = 1e-6: the global error over one radian stays below 1e-5.
        assertArrayEquals(new double[] {Math.cos(1), -Math.sin(1)}, TestBatch.ys(b, 0, 1), 1e-5);
    }

    @Test
    void backwardIntegration() {
        SolveBuffers b = TestBatch.create(1, 2, 0, 20);
        TestBatch.set(b, 0, new double[] {1.0, 0.0}, 0.0, -5.0);
        b.reals(Slot.RTOL)[0] = b.reals(Slot.ATOL)[0] = 1e-9;
        DOPRI5_DENSE.solve(b, 0, 1);
        assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[0]);
        assertEquals(-5.0, b.reals(Slot.T_FINAL)[0]);
        assertEquals(20, b.ints(Slot.INITIALIZED)[0]);
        // At 1e-9 the global error over five radians is ~1e-9; 1e-7 leaves a margin for dense output.
        for (int k = 0; k < 20; k++) {
            double t = b.reals(Slot.EVAL_TIMES)[k];
            assertArrayEquals(new double[] {Math.cos(t), -Math.sin(t)}, TestBatch.ys(b, 0, k), 1e-7, "t = " + t);
        }
    }

    @Test
    void fixedStepsTakeExactlySpanOverDtSteps() {
        // t += dt would drift by one rounding per step and end with a sliver step; steps sit at t0 + n dt.
        CompiledSolver rk4 = Solvers.of(TestSystems.oscillator(), "rk4", StepControllerKind.FIXED, false);
        double[][] cases = {{0.0, 10.0, 0.01, 1000}, {0.0, 10.0, 0.001, 10000}, {1.0, -2.0, 0.1, 30}, {0.0, 10.0, 0.3, 34}};
        for (double[] c : cases) {
            SolveBuffers b = TestBatch.create(1, 2, 0, 0);
            TestBatch.set(b, 0, new double[] {1.0, 0.0}, c[0], c[1]);
            b.reals(Slot.DT0)[0] = c[2];
            rk4.solve(b, 0, 1);
            assertEquals((int) c[3], b.ints(Slot.STEPS)[0], "span [" + c[0] + ", " + c[1] + "] with dt " + c[2]);
            assertEquals(c[1], b.reals(Slot.T_FINAL)[0]);
        }
    }

    @Test
    void fsalStatistics() {
        SolveBuffers b = TestBatch.create(2, 2, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0, 0.0}, 0.0, 10.0);
        TestBatch.set(b, 1, new double[] {1.0, 0.0}, 0.0, 10.0);
        b.reals(Slot.DT0)[1] = 0.01;
        CompiledSolver dopri5 = Solvers.of(TestSystems.oscillator(), "dopri5", StepControllerKind.INTEGRAL, false);
        dopri5.solve(b, 0, 2);
        // FSAL: f at t0, six new stages per attempt, and one f for Hairer's initial step when dt0 is not given.
        assertEquals(6 * b.ints(Slot.STEPS)[0] + 1 + 1, b.ints(Slot.F_EVALS)[0]);
        assertEquals(6 * b.ints(Slot.STEPS)[1] + 1, b.ints(Slot.F_EVALS)[1]);
        assertTrue(b.ints(Slot.ACCEPTED)[0] <= b.ints(Slot.STEPS)[0] && b.ints(Slot.ACCEPTED)[0] > 10);

        CompiledSolver bosh3 = Solvers.of(TestSystems.oscillator(), "bosh3", StepControllerKind.INTEGRAL, true);
        SolveBuffers c = TestBatch.create(1, 2, 0, 5);
        TestBatch.set(c, 0, new double[] {1.0, 0.0}, 0.0, 10.0);
        bosh3.solve(c, 0, 1);
        assertEquals(3 * c.ints(Slot.STEPS)[0] + 1 + 1, c.ints(Slot.F_EVALS)[0], "bosh3 is FSAL: Hermite's f1 is its last stage");
    }

    @Test
    void nonFsalStatistics() {
        SolveBuffers b = TestBatch.create(1, 2, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0, 0.0}, 0.0, 1.0);
        b.reals(Slot.DT0)[0] = 0.1;
        Solvers.of(TestSystems.oscillator(), "rk4", StepControllerKind.FIXED, false).solve(b, 0, 1);
        assertEquals(10, b.ints(Slot.STEPS)[0]);
        assertEquals(40, b.ints(Slot.F_EVALS)[0], "four per step: f at the new point is only evaluated if another step follows");

        SolveBuffers d = TestBatch.create(1, 2, 0, 7);
        TestBatch.set(d, 0, new double[] {1.0, 0.0}, 0.0, 1.0);
        d.reals(Slot.DT0)[0] = 0.1;
        Solvers.of(TestSystems.oscillator(), "rk4", StepControllerKind.FIXED, true).solve(d, 0, 1);
        assertEquals(41, d.ints(Slot.F_EVALS)[0], "Hermite dense output also needs f at the final point");
        assertEquals(7, d.ints(Slot.INITIALIZED)[0]);
        // Cubic Hermite between rk4 steps of 0.1: interpolation error ~ h^4/384 |y''''| ~ 3e-7.
        for (int k = 0; k < 7; k++) {
            double t = d.reals(Slot.EVAL_TIMES)[k];
            assertArrayEquals(new double[] {Math.cos(t), -Math.sin(t)}, TestBatch.ys(d, 0, k), 1e-6, "t = " + t);
        }

        SolveBuffers h = TestBatch.create(1, 2, 0, 0);
        TestBatch.set(h, 0, new double[] {1.0, 0.0}, 0.0, 3.0);
        Solvers.of(TestSystems.oscillator(), "heun", StepControllerKind.INTEGRAL, false).solve(h, 0, 1);
        // f at t0 + Hairer's f + one new stage per attempt + f at each accepted point but the last.
        assertEquals(1 + 1 + h.ints(Slot.STEPS)[0] + h.ints(Slot.ACCEPTED)[0] - 1, h.ints(Slot.F_EVALS)[0]);
    }

    @Test
    void maxStepsStopsTheInstanceAtItsLastAcceptedPoint() {
        SolveBuffers b = TestBatch.create(1, 2, 0, 10);
        TestBatch.set(b, 0, new double[] {1.0, 0.0}, 0.0, 10.0);
        b.ints(Slot.MAX_STEPS)[0] = 5;
        b.reals(Slot.DT0)[0] = 0.1;
        DOPRI5_DENSE.solve(b, 0, 1);
        assertEquals(Status.REACHED_MAX_STEPS.code(), b.ints(Slot.STATUS)[0]);
        assertEquals(5, b.ints(Slot.STEPS)[0]);
        assertTrue(b.reals(Slot.T_FINAL)[0] > 0.1 && b.reals(Slot.T_FINAL)[0] < 10.0, "tFinal " + b.reals(Slot.T_FINAL)[0]);
        assertArrayEquals(new double[] {Math.cos(b.reals(Slot.T_FINAL)[0]), -Math.sin(b.reals(Slot.T_FINAL)[0])}, TestBatch.yFinal(b, 0), 1e-5);
        int reached = 0;
        for (int k = 0; k < 10; k++) {
            boolean before = b.reals(Slot.EVAL_TIMES)[k] <= b.reals(Slot.T_FINAL)[0];
            assertEquals(!before, Double.isNaN(TestBatch.ys(b, 0, k)[0]), "point " + k);
            reached += before ? 1 : 0;
        }
        assertEquals(reached, b.ints(Slot.INITIALIZED)[0]);
    }

    @Test
    void dtMinAndDtMax() {
        CompiledSolver vdp = Solvers.of(TestSystems.vanDerPol(), "dopri5", StepControllerKind.INTEGRAL, false);
        SolveBuffers b = TestBatch.create(2, 2, 1, 0);
        TestBatch.set(b, 0, new double[] {2.0, 0.0}, 0.0, 20.0, 5.0);
        b.reals(Slot.RTOL)[0] = b.reals(Slot.ATOL)[0] = 1e-10;
        b.reals(Slot.DT_MIN)[0] = 0.05;
        TestBatch.set(b, 1, new double[] {2.0, 0.0}, 0.0, 20.0, 5.0);
        b.reals(Slot.DT_MAX)[1] = 0.01;
        vdp.solve(b, 0, 2);
        assertEquals(Status.REACHED_DT_MIN.code(), b.ints(Slot.STATUS)[0]);
        assertTrue(b.reals(Slot.T_FINAL)[0] < 20.0);
        assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[1]);
        assertTrue(b.ints(Slot.ACCEPTED)[1] >= 2000, "span 20 in steps of at most 0.01: " + b.ints(Slot.ACCEPTED)[1]);
    }

    /** y' = 0: every error estimate is exactly 0, so each step grows by factorMax (10) until it reaches t1. */
    @Test
    void zeroErrorGrowsTheStepByFactorMax() {
        var constant = new io.github.odec.model.OdeSystem("Constant",
                java.util.List.of(new io.github.odec.model.Component("y", 0, 1, false, java.util.List.of())),
                java.util.List.of(), java.util.List.of(), java.util.List.of(new io.github.odec.model.Expr.Num(0.0)));
        for (StepControllerKind kind : new StepControllerKind[] {StepControllerKind.INTEGRAL, StepControllerKind.PI}) {
            SolveBuffers b = TestBatch.create(1, 1, 0, 0);
            TestBatch.set(b, 0, new double[] {3.0}, 0.0, 1000.0);
            b.reals(Slot.DT0)[0] = 1e-3;
            Solvers.of(constant, "dopri5", kind, false).solve(b, 0, 1);
            // 1e-3, 1e-2, ..., 1e2 and a last step clipped to t1: 7 steps, none rejected.
            assertEquals(7, b.ints(Slot.STEPS)[0], kind.name());
            assertEquals(7, b.ints(Slot.ACCEPTED)[0], kind.name());
            assertEquals(3.0, b.reals(Slot.Y_FINAL)[0]);
            assertEquals(1000.0, b.reals(Slot.T_FINAL)[0]);
        }
    }

    @Test
    void blowUpEndsWithAFailureStatus() {
        SolveBuffers b = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 0.0, 2.0);
        Solvers.of(TestSystems.blowUp(), "dopri5", StepControllerKind.INTEGRAL, false).solve(b, 0, 1);
        assertTrue(b.ints(Slot.STATUS)[0] != Status.SUCCESS.code(), "status " + Status.ofCode(b.ints(Slot.STATUS)[0]));
        assertTrue(b.reals(Slot.T_FINAL)[0] < 1.0 + 1e-6, "y = 1/(1-t) blows up at t = 1; the numerical solution lags only slightly; stopped at " + b.reals(Slot.T_FINAL)[0]);
        assertTrue(Double.isFinite(b.reals(Slot.Y_FINAL)[0]), "the last accepted state is finite");
        System.out.printf("y' = y^2: %s at t = %.17g after %d steps%n", Status.ofCode(b.ints(Slot.STATUS)[0]), b.reals(Slot.T_FINAL)[0], b.ints(Slot.STEPS)[0]);
    }

    /**
     * f32 against f64 on Van der Pol at rtol = 1e-5: float rounding (6e-8 per operation) over a few
     * hundred steps and slightly different step sequences; measured 2.4e-6, bounded by 1e-4 (the
     * solution's scale is ~2, and 1e-4 is what users of f32 solvers expect at this tolerance).
     */
    @Test
    void singlePrecisionIsCloseToDouble() {
        double[][] results = new double[2][];
        Precision[] precisions = {Precision.F64, Precision.F32};
        for (int p = 0; p < 2; p++) {
            SolveBuffers b = TestBatch.create(1, 2, 1, 10);
            TestBatch.set(b, 0, new double[] {2.0, 0.0}, 0.0, 5.0, 2.0);
            b.reals(Slot.RTOL)[0] = b.reals(Slot.ATOL)[0] = 1e-5;
            Solvers.of(TestSystems.vanDerPol(), "dopri5", StepControllerKind.INTEGRAL, precisions[p], true).solve(b, 0, 1);
            assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[0]);
            assertEquals(10, b.ints(Slot.INITIALIZED)[0]);
            results[p] = b.reals(Slot.YS).clone();
        }
        double worst = 0;
        for (int k = 0; k < results[0].length; k++) {
            worst = Math.max(worst, Math.abs(results[0][k] - results[1][k]));
        }
        System.out.printf("f32 vs f64: worst difference %.3g%n", worst);
        assertArrayEquals(results[0], results[1], 1e-4);
    }
}
