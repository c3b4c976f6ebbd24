package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import org.junit.jupiter.api.Test;

/**
 * The step statistics the solver keeps beside the counters: rejected attempts, the last, smallest and
 * largest accepted step, and where the instance stopped (T_FINAL, Statistics.tStop).
 */
class StepStatisticsTest {

    private static double hLast(SolveBuffers b, int i) {
        return b.reals(Slot.H_LAST)[i];
    }

    private static double hMin(SolveBuffers b, int i) {
        return b.reals(Slot.H_MIN)[i];
    }

    private static double hMax(SolveBuffers b, int i) {
        return b.reals(Slot.H_MAX)[i];
    }

    /** rk4 with dt = 1/8 over [0, 1] and backwards over [1, 0]: eight steps of exactly 1/8, none rejected. */
    @Test
    void aFixedStepHasOneStepSize() {
        SolveBuffers b = TestBatch.create(2, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 0.0, 1.0);
        TestBatch.set(b, 1, new double[] {1.0}, 1.0, 0.0);
        b.reals(Slot.DT0)[0] = 0.125;
        b.reals(Slot.DT0)[1] = 0.125;
        Solvers.of(TestSystems.decay(), "rk4", StepControllerKind.FIXED, false).solve(b, 0, 2);
        for (int i = 0; i < 2; i++) {
            assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[i]);
            assertEquals(8, b.ints(Slot.ACCEPTED)[i]);
            assertEquals(0, b.ints(Slot.REJECTED)[i], "FIXED never rejects");
            assertEquals(0.125, hMin(b, i), "magnitudes, also integrating backwards");
            assertEquals(0.125, hMax(b, i));
            assertEquals(0.125, hLast(b, i));
            assertEquals(b.reals(Slot.T1)[i], b.reals(Slot.T_FINAL)[i], "t_stop is t1 on success");
        }
    }

    /**
     * dopri5 on Van der Pol (mu = 5) over [0, 20]. Instance 0 starts from dt0 = 2, far too large: its
     * first attempts are rejected, and the rejections, counted as they happen, equal attempts minus
     * acceptances (measured: 34 of 265). Instance 1 has dtMax = 0.05 at a loose tolerance: the
     * controller runs into the bound, so its largest step is dtMax itself (all 400 are, to rounding). For both the last step
     * (shortened to land on t1) lies between the smallest and the largest, and so does the mean.
     */
    @Test
    void rejectionsAreCountedAndTheStepsStayInsideTheirBounds() {
        SolveBuffers b = TestBatch.create(2, 2, 1, 0);
        for (int i = 0; i < 2; i++) {
            TestBatch.set(b, i, new double[] {2.0, 0.0}, 0.0, 20.0, 5.0);
        }
        b.reals(Slot.DT0)[0] = 2.0;
        b.reals(Slot.DT_MAX)[1] = 0.05;
        b.reals(Slot.RTOL)[1] = 1e-3;
        b.reals(Slot.ATOL)[1] = 1e-3;
        Solvers.of(TestSystems.vanDerPol(), "dopri5", StepControllerKind.INTEGRAL, false).solve(b, 0, 2);
        assertTrue(b.ints(Slot.REJECTED)[0] > 0, "the oversized first step is rejected: " + b.ints(Slot.REJECTED)[0]);
        assertEquals(0.05, hMax(b, 1), "the step grows into dtMax");
        for (int i = 0; i < 2; i++) {
            System.out.printf("vdp instance %d: %d attempts, %d accepted, %d rejected, h in [%.3g, %.3g], last %.3g%n", i,
                    b.ints(Slot.STEPS)[i], b.ints(Slot.ACCEPTED)[i], b.ints(Slot.REJECTED)[i], hMin(b, i), hMax(b, i), hLast(b, i));
        }
        for (int i = 0; i < 2; i++) {
            assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[i]);
            assertEquals(b.ints(Slot.STEPS)[i] - b.ints(Slot.ACCEPTED)[i], b.ints(Slot.REJECTED)[i], "every attempt is accepted or rejected");
            assertTrue(hMin(b, i) > 0 && hMin(b, i) <= hMax(b, i), "min " + hMin(b, i));
            assertTrue(hLast(b, i) >= hMin(b, i) && hLast(b, i) <= hMax(b, i), "last " + hLast(b, i));
            assertEquals(20.0, b.reals(Slot.T_FINAL)[i]);
            // The accepted steps tile [t0, t1]: their mean lies between the smallest and the largest.
            double mean = 20.0 / b.ints(Slot.ACCEPTED)[i];
            assertTrue(hMin(b, i) <= mean && mean <= hMax(b, i), "mean " + mean);
        }
    }

    /**
     * y' = y^2 from y(0) = 1 blows up at t = 1: the instance stops there (the numerical solution lags
     * the true one only slightly, so it may pass t = 1 by a hair, as BehaviourTest measures), with
     * last steps far below its largest.
     */
    @Test
    void aBlownUpInstanceStopsNearItsSingularity() {
        SolveBuffers b = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 0.0, 2.0);
        b.reals(Slot.DT_MIN)[0] = 1e-12;
        Solvers.of(TestSystems.blowUp(), "dopri5", StepControllerKind.INTEGRAL, false).solve(b, 0, 1);
        assertTrue(b.ints(Slot.STATUS)[0] != Status.SUCCESS.code(), Status.ofCode(b.ints(Slot.STATUS)[0]).name());
        double tStop = b.reals(Slot.T_FINAL)[0];
        System.out.printf("y' = y^2: %s at t_stop = %.17g, h_last = %.3g, h_min = %.3g, h_max = %.3g, %d rejected%n",
                Status.ofCode(b.ints(Slot.STATUS)[0]), tStop, hLast(b, 0), hMin(b, 0), hMax(b, 0), b.ints(Slot.REJECTED)[0]);
        assertEquals(1.0, tStop, 1e-5, "stopped at the singularity");
        assertTrue(hLast(b, 0) < 1e-3 * hMax(b, 0), "the steps shrink towards the singularity: last " + hLast(b, 0)
                + ", largest " + hMax(b, 0));
        assertEquals(hMin(b, 0), Math.min(hMin(b, 0), hLast(b, 0)));
        assertEquals(b.ints(Slot.STEPS)[0] - b.ints(Slot.ACCEPTED)[0], b.ints(Slot.REJECTED)[0]);
    }

    /** t0 = t1: no step at all, so no step size; the instance stops where it started. */
    @Test
    void withoutAnAcceptedStepTheStepSizesAreNaN() {
        SolveBuffers b = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 3.0, 3.0);
        Solvers.of(TestSystems.decay(), "dopri5", StepControllerKind.INTEGRAL, false).solve(b, 0, 1);
        assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[0]);
        assertTrue(Double.isNaN(hLast(b, 0)) && Double.isNaN(hMin(b, 0)) && Double.isNaN(hMax(b, 0)));
        assertEquals(0, b.ints(Slot.REJECTED)[0]);
        assertEquals(3.0, b.reals(Slot.T_FINAL)[0]);
    }
}
