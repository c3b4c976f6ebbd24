package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each adaptive method and controller: the global error on the oscillator over [0, 10] falls as the
 * tolerance tightens. Tolerances step by 100x; an error control that works gives at least 10x less
 * error per step (the global error is not proportional to the tolerance, so no tighter claim is made).
 */
class AdaptiveConvergenceTest {

    @ParameterizedTest(name = "{0} with {1}")
    @CsvSource({"heun, INTEGRAL, 3", "bosh3, INTEGRAL, 4", "dopri5, INTEGRAL, 5", "dopri5, PI, 5", "dopri5, PID, 5",
            "bosh3, PI, 4", "tsit5, INTEGRAL, 5"})
    void errorFallsAsToleranceTightens(String method, StepControllerKind controller, int levels) {
        CompiledSolver solver = Solvers.of(TestSystems.oscillator(), method, controller, false);
        ControllerCoefficients coeffs = switch (controller) {
            case PI -> new ControllerCoefficients(0.9, 0.2, 10.0, 0.4, 0.3, 0.0);
            case PID -> new ControllerCoefficients(0.9, 0.2, 10.0, 0.3, 0.3, 0.1);
            default -> ControllerCoefficients.integral();
        };
        SolveBuffers b = TestBatch.create(levels, 2, 0, 0, coeffs);
        for (int i = 0; i < levels; i++) {
            TestBatch.set(b, i, new double[] {1.0, 0.0}, 0.0, 10.0);
            b.reals(Slot.RTOL)[i] = b.reals(Slot.ATOL)[i] = Math.pow(10, -3 - 2 * i);
        }
        solver.solve(b, 0, levels);
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < levels; i++) {
            assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[i]);
            assertEquals(10.0, b.reals(Slot.T_FINAL)[i]);
            double err = OrderTest.maxError(TestBatch.yFinal(b, i), new double[] {Math.cos(10), -Math.sin(10)});
            assertTrue(err < previous / 10, method + " tol " + b.reals(Slot.RTOL)[i] + ": error " + err + " after " + previous);
            previous = err;
        }
    }
}
