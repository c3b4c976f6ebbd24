package io.github.odec.simd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SIMD path computes bit for bit what the scalar path computes: every output compared with
 * doubleToRawLongBits and every statistic exactly, on Van der Pol batches mixing spans, directions,
 * evaluation times, tolerances, dt0 and instances that fail (max steps, dt min), with batch sizes
 * that are and are not multiples of the lane count.
 */
class SimdEquivalenceTest {

    private static final int EVALS = 6;
    private static final CompiledSystem VDP = new CompiledSystem(TestSystems.vanDerPol(), Frontend.standardTableaus());

    static Stream<Arguments> specs() {
        List<Arguments> out = new ArrayList<>();
        for (Precision p : Precision.values()) {
            for (String m : List.of("heun", "bosh3", "dopri5", "tsit5")) {
                for (StepControllerKind c : List.of(StepControllerKind.INTEGRAL, StepControllerKind.PI, StepControllerKind.PID)) {
                    out.add(Arguments.of(m, c, p, true));
                }
            }
            for (String m : List.of("euler", "midpoint", "rk4", "heun", "bosh3", "dopri5", "tsit5")) {
                out.add(Arguments.of(m, StepControllerKind.FIXED, p, true));
            }
            out.add(Arguments.of("dopri5", StepControllerKind.INTEGRAL, p, false));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2} dense={3}")
    @MethodSource("specs")
    void simdMatchesScalarBitForBit(String method, StepControllerKind controller, Precision precision, boolean dense) {
        SolverSpec spec = new SolverSpec(Method.named(method), controller, precision, dense);
        CompiledSolver scalar = VDP.solver(spec);
        CompiledSolver simd = VDP.simdSolver(spec);
        assertNotSame(scalar, simd);
        int failures = 0;
        for (int n : new int[] {1, 7, 8, 9, 33, 256}) {
            SolveBuffers a = batch(n, controller, tightestTolerance(method, precision), n * 31 + method.hashCode());
            SolveBuffers b = TestBatch.copyInputs(a);
            scalar.solve(a, 0, n);
            simd.solve(b, 0, n);
            TestBatch.assertSameOutputs(a, b, spec + " n=" + n);
            for (int i = 0; i < n; i++) {
                failures += a.ints(Slot.STATUS)[i] != Status.SUCCESS.code() ? 1 : 0;
            }
        }
        assertTrue(failures > 0, "the batches include instances that stop early");
    }

    /** A sub-range that starts and ends inside a lane group: lanes outside [from, to) stay untouched. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("precisions")
    void subRangesLeaveOtherInstancesUntouched(Precision precision) {
        SolverSpec spec = new SolverSpec(Method.TSIT5, StepControllerKind.PI, precision, true);
        SolveBuffers a = batch(40, StepControllerKind.PI, 7, 5);
        SolveBuffers b = TestBatch.copyInputs(a);
        VDP.solver(spec).solve(a, 3, 29);
        VDP.simdSolver(spec).solve(b, 3, 29);
        TestBatch.assertSameOutputs(a, b, spec + " [3, 29)");
        assertEquals(0, b.ints(Slot.STEPS)[2]);
        assertEquals(0, b.ints(Slot.STEPS)[29]);
    }

    static Stream<Precision> precisions() {
        return Stream.of(Precision.values());
    }

    /**
     * The decades of tolerance a batch spans below 1e-3: seven for the fifth-order pairs in f64, five
     * where the work would otherwise explode without testing anything new (f32, whose rounding is
     * 6e-8, and the second- and third-order pairs, whose steps grow as tol^(-1/2) and tol^(-1/3)).
     */
    private static int tightestTolerance(String method, Precision precision) {
        boolean highOrder = method.equals("dopri5") || method.equals("tsit5");
        return precision == Precision.F64 && highOrder ? 7 : 5;
    }

    private static SolveBuffers batch(int n, StepControllerKind controller, int tightest, long seed) {
        Random random = new Random(seed);
        SolveBuffers b = TestBatch.create(n, 2, 1, EVALS, new ControllerCoefficients(0.9, 0.2, 10.0, 0.3, 0.3, 0.1));
        for (int i = 0; i < n; i++) {
            double t0 = random.nextDouble() * 4 - 2;
            double span = i % 11 == 3 ? 0.0 : (1 + random.nextDouble() * 9) * (random.nextBoolean() ? 1 : -1);
            TestBatch.set(b, i, new double[] {random.nextDouble() * 4 - 2, random.nextDouble() * 2 - 1}, t0, t0 + span,
                    1 + random.nextDouble() * 4);
            b.reals(Slot.RTOL)[i] = Math.pow(10, -3 - (tightest - 3) * random.nextDouble());
            b.reals(Slot.ATOL)[i] = Math.pow(10, -3 - (tightest - 3) * random.nextDouble());
            if (controller == StepControllerKind.FIXED || random.nextInt(4) == 0) {
                b.reals(Slot.DT0)[i] = 0.01 + random.nextDouble() * 0.1;
            }
            if (random.nextInt(3) == 0) {
                // Uneven evaluation times, some of them at t0 and at t1.
                for (int k = 0; k < EVALS; k++) {
                    double f = k < 2 ? 0.0 : Math.pow((double) k / (EVALS - 1), 2);
                    b.reals(Slot.EVAL_TIMES)[i * EVALS + k] = b.reals(Slot.T0)[i] + f * span;
                }
            }
            if (i % 5 == 4) {
                b.ints(Slot.MAX_STEPS)[i] = 15;
            }
            if (i % 13 == 6) {
                b.reals(Slot.DT_MIN)[i] = 0.3;
            }
        }
        return b;
    }
}
