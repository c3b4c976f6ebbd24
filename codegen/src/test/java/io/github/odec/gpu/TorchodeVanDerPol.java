package io.github.odec.gpu;

import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;

/**
 * The torchode paper's Van der Pol batch: 256 instances of x' = v, v' = mu (1 - x^2) v - x with mu = 2, over
 * one limit cycle t in [0, T], initial states on the cycle evenly spaced in time over its first half, 200 evenly
 * spaced evaluation times from 0 to T (both included), dopri5, integral controller, atol = rtol = 1e-5.
 *
 * <p>This definition must match the CPU benchmark's (bench/README.md and bench/make-vdp-y0.sh in branch bench)
 * and scripts/gpu/common.py's, so that every column of the GPU table solves the same problem.
 */
final class TorchodeVanDerPol {

    static final double MU = 2.0;
    /** The period of the limit cycle for mu = 2. */
    static final double PERIOD = 7.629874479674498;
    static final int INSTANCES = 256;
    static final int EVAL_COUNT = 200;
    static final double TOLERANCE = 1e-5;
    /** Periods integrated from (2, 0) before sampling: the cycle attracts strongly, the transient is gone. */
    static final int SETTLE_PERIODS = 20;
    /** Tolerance of the runs that compute the initial states. */
    static final double SETTLE_TOLERANCE = 1e-12;

    private TorchodeVanDerPol() {}

    /** The reference solver (CPU, f64, dopri5, dense output) used to compute the initial states. */
    static CompiledSolver referenceSolver() {
        return new CompiledSystem(TestSystems.vanDerPol(), Frontend.standardTableaus())
                .solver(new SolverSpec(Method.DOPRI5, StepControllerKind.INTEGRAL, Precision.F64, true));
    }

    /**
     * The initial states, [instance][x, v]: from (2, 0), SETTLE_PERIODS periods lands on the cycle; from there
     * the cycle is sampled at t_k = k (T/2) / n, k = 0..n-1.
     */
    static double[][] initialStates(int n) {
        CompiledSolver solver = referenceSolver();
        SolveBuffers settle = tight(TestBatch.create(1, 2, 1, 0));
        TestBatch.set(settle, 0, new double[] {2.0, 0.0}, 0.0, SETTLE_PERIODS * PERIOD, MU);
        solver.solve(settle, 0, 1);
        requireSuccess(settle, "settling on the limit cycle");
        SolveBuffers half = tight(TestBatch.create(1, 2, 1, n));
        TestBatch.set(half, 0, TestBatch.yFinal(settle, 0), 0.0, PERIOD / 2, MU);
        for (int k = 0; k < n; k++) {
            half.reals(Slot.EVAL_TIMES)[k] = k * (PERIOD / 2) / n;
        }
        solver.solve(half, 0, 1);
        requireSuccess(half, "sampling the limit cycle");
        double[][] y0 = new double[n][];
        for (int k = 0; k < n; k++) {
            y0[k] = TestBatch.ys(half, 0, k);
        }
        return y0;
    }

    /** Evaluation times: linspace(0, T, EVAL_COUNT). */
    static double[] evalTimes() {
        double[] t = new double[EVAL_COUNT];
        for (int k = 0; k < EVAL_COUNT; k++) {
            t[k] = PERIOD * k / (EVAL_COUNT - 1);
        }
        return t;
    }

    /** A fresh batch of the benchmark problem from the given initial states. */
    static SolveBuffers batch(double[][] y0) {
        SolveBuffers b = TestBatch.create(y0.length, 2, 1, EVAL_COUNT);
        double[] times = evalTimes();
        for (int i = 0; i < y0.length; i++) {
            TestBatch.set(b, i, y0[i], 0.0, PERIOD, MU);
            System.arraycopy(times, 0, b.reals(Slot.EVAL_TIMES), i * EVAL_COUNT, EVAL_COUNT);
            b.reals(Slot.ATOL)[i] = TOLERANCE;
            b.reals(Slot.RTOL)[i] = TOLERANCE;
        }
        return b;
    }

    private static SolveBuffers tight(SolveBuffers b) {
        b.reals(Slot.ATOL)[0] = SETTLE_TOLERANCE;
        b.reals(Slot.RTOL)[0] = SETTLE_TOLERANCE;
        b.ints(Slot.MAX_STEPS)[0] = 10_000_000;
        return b;
    }

    private static void requireSuccess(SolveBuffers b, String what) {
        if (b.ints(Slot.STATUS)[0] != Status.SUCCESS.code()) {
            throw new IllegalStateException(what + " ended with " + Status.ofCode(b.ints(Slot.STATUS)[0]));
        }
    }
}
