package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.lower.StateLayout;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The array layout (large systems) performs the same operations in the same order as the unrolled
 * one, so both must give bit-identical outputs and statistics. Each case covers a different path:
 * FSAL with polynomial dense output, FSAL with Hermite, non-FSAL with Hermite's extra f, non-FSAL
 * re-evaluating f after acceptance, f32, PI and PID history.
 */
class StateLayoutTest {

    @ParameterizedTest(name = "{0} {1} {2} {3} dense={4}")
    @CsvSource({
            "vdp, dopri5, INTEGRAL, F64, true",
            "lorenz, bosh3, PI, F32, true",
            "lorenz, rk4, FIXED, F64, true",
            "vdp, heun, PID, F64, false",
            "lorenz96, tsit5, INTEGRAL, F64, true"})
    void arraysAndLocalsAgreeBitForBit(String system, String method, StepControllerKind controller, Precision precision,
                                       boolean dense) {
        OdeSystem s = switch (system) {
            case "vdp" -> TestSystems.vanDerPol();
            case "lorenz" -> TestSystems.lorenz();
            default -> TestSystems.lorenz96(6);
        };
        CompiledSystem cs = new CompiledSystem(s, Frontend.standardTableaus());
        SolverSpec spec = new SolverSpec(Method.named(method), controller, precision, dense);
        SolveBuffers locals = batch(s, controller);
        SolveBuffers arrays = batch(s, controller);
        cs.solver(spec, StateLayout.LOCALS).solve(locals, 0, locals.instances);
        cs.solver(spec, StateLayout.ARRAYS).solve(arrays, 0, arrays.instances);
        assertArrayEquals(locals.ints(Slot.STATUS), arrays.ints(Slot.STATUS));
        assertArrayEquals(locals.ints(Slot.STEPS), arrays.ints(Slot.STEPS));
        assertArrayEquals(locals.ints(Slot.ACCEPTED), arrays.ints(Slot.ACCEPTED));
        assertArrayEquals(locals.ints(Slot.F_EVALS), arrays.ints(Slot.F_EVALS));
        assertArrayEquals(locals.ints(Slot.INITIALIZED), arrays.ints(Slot.INITIALIZED));
        assertEquals(Arrays.toString(bits(locals.reals(Slot.T_FINAL))), Arrays.toString(bits(arrays.reals(Slot.T_FINAL))));
        assertEquals(Arrays.toString(bits(locals.reals(Slot.Y_FINAL))), Arrays.toString(bits(arrays.reals(Slot.Y_FINAL))));
        assertEquals(Arrays.toString(bits(locals.reals(Slot.YS))), Arrays.toString(bits(arrays.reals(Slot.YS))));
    }

    private static SolveBuffers batch(OdeSystem s, StepControllerKind controller) {
        int n = s.stateCount();
        int np = s.paramCount();
        ControllerCoefficients c = switch (controller) {
            case PI -> new ControllerCoefficients(0.9, 0.2, 10.0, 0.4, 0.3, 0.0);
            case PID -> new ControllerCoefficients(0.9, 0.2, 10.0, 0.3, 0.3, 0.1);
            default -> ControllerCoefficients.integral();
        };
        SolveBuffers b = TestBatch.create(3, n, np, 6, c);
        for (int i = 0; i < 3; i++) {
            double[] y0 = new double[n];
            for (int j = 0; j < n; j++) {
                y0[j] = 1.0 + 0.1 * j + 0.3 * i;
            }
            double[] p = new double[np];
            Arrays.fill(p, 2.0 + i);
            TestBatch.set(b, i, y0, 0.0, i == 1 ? -2.0 : 3.0, p);
            b.reals(Slot.DT0)[i] = controller == StepControllerKind.FIXED || i == 2 ? 0.01 : 0.0;
            b.reals(Slot.RTOL)[i] = b.reals(Slot.ATOL)[i] = 1e-7;
        }
        return b;
    }

    private static long[] bits(double[] xs) {
        return Arrays.stream(xs).mapToLong(Double::doubleToRawLongBits).toArray();
    }
}
