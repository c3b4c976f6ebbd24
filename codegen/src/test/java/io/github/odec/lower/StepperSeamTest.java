package io.github.odec.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestBatch;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A second stepper (step-doubling explicit Euler) driven end to end by the shared step loop, with
 * the standard controller and norm: the seam carries any method, not only a tableau.
 */
class StepperSeamTest {

    private static final OdeSystem DECAY = SeamRuns.system("system Decay { state y = 1.0; y' = -y; }");

    private static SolverSeams euler(StepControllerKind controller) {
        return new SolverSeams(StepDoublingEuler::new,
                controller == StepControllerKind.FIXED ? Optional.empty() : Optional.of(new PidController(controller, 2)),
                new RmsNorm());
    }

    private static SolveBuffers fixed(double dt, StateLayout layout) {
        SolveBuffers b = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 0.0, 1.0);
        b.reals(Slot.DT0)[0] = dt;
        return SeamRuns.solve(DECAY, new SolverSpec(io.github.odec.runtime.Method.named("euler2"), StepControllerKind.FIXED, Precision.F64, false), layout,
                euler(StepControllerKind.FIXED), b);
    }

    /** y + (h/2)(-y), twice per step: what the generated code computes, operation for operation. */
    private static double halfSteps(double dt, int steps) {
        double half = dt * 0.5;
        double y = 1.0;
        for (int i = 0; i < 2 * steps; i++) {
            y = y + half * -y;
        }
        return y;
    }

    @ParameterizedTest
    @EnumSource(StateLayout.class)
    void fixedStepsAreTwoEulerHalfStepsBitForBit(StateLayout layout) {
        SolveBuffers b = fixed(1.0 / 64, layout);
        assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[0]);
        assertEquals(64, b.ints(Slot.STEPS)[0]);
        // f at t0, the midpoint of each step, f at each new point but the last: 1 + 64 + 63.
        assertEquals(128, b.ints(Slot.F_EVALS)[0]);
        assertEquals(1.0, b.reals(Slot.T_FINAL)[0]);
        TestBatch.assertBits(halfSteps(1.0 / 64, 64), b.reals(Slot.Y_FINAL)[0], "y(1)");
    }

    @Test
    void fixedStepsConvergeAtFirstOrderToExpMinusT() {
        double exact = Math.exp(-1.0);
        double coarse = exact - fixed(1.0 / 64, StateLayout.LOCALS).reals(Slot.Y_FINAL)[0];
        double fine = exact - fixed(1.0 / 128, StateLayout.LOCALS).reals(Slot.Y_FINAL)[0];
        // Euler with step k = dt/2 on y' = -y: y(1) = (1 - k)^(1/k) = e^-1 (1 - k/2 - 5k^2/24 + O(k^3)).
        double k = 1.0 / 128;
        assertEquals(1 + 5 * k / 12, coarse / (exact * k / 2), 1e-4, "error / (e^-1 k/2)");
        assertEquals(2.0, coarse / fine, 0.02, "halving the step halves the error");
    }

    @Test
    void adaptiveStepsFollowTheStepDoublingEstimate() {
        SolveBuffers b = TestBatch.create(1, 1, 0, 0);
        TestBatch.set(b, 0, new double[] {1.0}, 0.0, 1.0);
        SeamRuns.solve(DECAY, new SolverSpec(io.github.odec.runtime.Method.named("euler2"), StepControllerKind.INTEGRAL, Precision.F64, false),
                StateLayout.LOCALS, euler(StepControllerKind.INTEGRAL), b);
        assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[0]);
        assertEquals(1.0, b.reals(Slot.T_FINAL)[0]);
        // The estimate |y_c - y_f| = h^2 |y| / 4 against 1e-6 (1 + |y|) allows h of about 3e-3 (y near 1/2):
        // some 300 to 500 steps, whose first-order global error is about e^-1 h/4, a few 1e-4.
        assertTrue(b.ints(Slot.ACCEPTED)[0] > 250 && b.ints(Slot.ACCEPTED)[0] < 700, "accepted " + b.ints(Slot.ACCEPTED)[0]);
        double error = Math.abs(b.reals(Slot.Y_FINAL)[0] - Math.exp(-1.0));
        assertTrue(error > 5e-5 && error < 1e-3, "error " + error);
    }
}
