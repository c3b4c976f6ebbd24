package io.github.odec.runtime;

import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverFactory;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of the compiler: "solves" y_j' = -k * scale * y_j by writing the exact solution
 * y0_j * exp(-k * scale * (t - t0)), so every input (y0, params, span, evaluation times) shows in
 * the output. Instances with k > 50 stop at t0 with REACHED_MAX_STEPS, so statuses vary.
 * Statistics are made from the inputs: steps = ceil(|t1 - t0| / 0.1), fEvals = 6 * steps + 1.
 */
public final class DecayFactory implements SolverFactory {

    /** y (default 1), u[0] (default 2), u[1] (no default); k (no default), scale (default 1). */
    public static final SystemLayout LAYOUT = new SystemLayout("decay",
            List.of("y", "u[0]", "u[1]"), List.of(1.0, 2.0, Double.NaN),
            List.of("k", "scale"), List.of(Double.NaN, 1.0));

    public final List<SolverSpec> requested = new ArrayList<>();
    public final AtomicInteger solveCalls = new AtomicInteger();

    @Override
    public SystemLayout layout() {
        return LAYOUT;
    }

    @Override
    public synchronized CompiledSolver solver(SolverSpec spec) {
        if (!spec.method().equals(Method.DOPRI5) && !spec.method().equals(Method.RK4)) {
            throw new IllegalArgumentException("unknown method '" + spec.method() + "'");
        }
        requested.add(spec);
        SolverSignature signature = new SolverSignature(LAYOUT, spec, 5);
        return new CompiledSolver() {
            @Override
            public SolverSignature signature() {
                return signature;
            }

            @Override
            public void solve(SolveBuffers b, int from, int to) {
                solveCalls.incrementAndGet();
                for (int i = from; i < to; i++) {
                    solveExactly(b, i);
                }
            }
        };
    }

    static void solveExactly(SolveBuffers b, int i) {
        int n = b.stateCount;
        double rate = b.reals(Slot.PARAMS)[i * b.paramCount] * b.reals(Slot.PARAMS)[i * b.paramCount + 1];
        double t0 = b.reals(Slot.T0)[i];
        if (b.reals(Slot.PARAMS)[i * b.paramCount] > 50) {
            // The solver's contract: points its instance never reaches read NaN.
            java.util.Arrays.fill(b.reals(Slot.YS), i * b.evalCount * n, (i + 1) * b.evalCount * n, Double.NaN);
            b.ints(Slot.STATUS)[i] = Status.REACHED_MAX_STEPS.code();
            b.reals(Slot.T_FINAL)[i] = t0;
            System.arraycopy(b.reals(Slot.Y0), i * n, b.reals(Slot.Y_FINAL), i * n, n);
            b.ints(Slot.STEPS)[i] = b.ints(Slot.MAX_STEPS)[i];
            b.ints(Slot.ACCEPTED)[i] = b.ints(Slot.MAX_STEPS)[i];
            b.ints(Slot.F_EVALS)[i] = 6 * b.ints(Slot.MAX_STEPS)[i] + 1;
            b.ints(Slot.INITIALIZED)[i] = 0;
            b.ints(Slot.REJECTED)[i] = 7;
            b.reals(Slot.H_LAST)[i] = Double.NaN;
            b.reals(Slot.H_MIN)[i] = Double.NaN;
            b.reals(Slot.H_MAX)[i] = Double.NaN;
            return;
        }
        for (int k = 0; k < b.evalCount; k++) {
            double t = b.reals(Slot.EVAL_TIMES)[i * b.evalCount + k];
            for (int j = 0; j < n; j++) {
                b.reals(Slot.YS)[(i * b.evalCount + k) * n + j] = b.reals(Slot.Y0)[i * n + j] * Math.exp(-rate * (t - t0));
            }
        }
        double t1 = b.reals(Slot.T1)[i];
        for (int j = 0; j < n; j++) {
            b.reals(Slot.Y_FINAL)[i * n + j] = b.reals(Slot.Y0)[i * n + j] * Math.exp(-rate * (t1 - t0));
        }
        b.reals(Slot.T_FINAL)[i] = t1;
        b.ints(Slot.STATUS)[i] = Status.SUCCESS.code();
        int steps = (int) Math.ceil(Math.abs(t1 - t0) / 0.1);
        b.ints(Slot.STEPS)[i] = steps;
        b.ints(Slot.ACCEPTED)[i] = steps;
        b.ints(Slot.F_EVALS)[i] = 6 * steps + 1;
        b.ints(Slot.INITIALIZED)[i] = b.evalCount;
        b.reals(Slot.H_LAST)[i] = 0.05;
        b.reals(Slot.H_MIN)[i] = 0.05;
        b.reals(Slot.H_MAX)[i] = 0.1;
    }
}
