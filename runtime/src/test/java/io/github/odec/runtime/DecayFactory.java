package io.github.odec.runtime;

import io.github.odec.runtime.spi.CompiledSolver;
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
        double rate = b.params[i * b.paramCount] * b.params[i * b.paramCount + 1];
        double t0 = b.t0[i];
        if (b.params[i * b.paramCount] > 50) {
            // The solver's contract: points its instance never reaches read NaN.
            java.util.Arrays.fill(b.ys, i * b.evalCount * n, (i + 1) * b.evalCount * n, Double.NaN);
            b.status[i] = Status.REACHED_MAX_STEPS.code();
            b.tFinal[i] = t0;
            System.arraycopy(b.y0, i * n, b.yFinal, i * n, n);
            b.steps[i] = b.maxSteps[i];
            b.accepted[i] = b.maxSteps[i];
            b.fEvals[i] = 6 * b.maxSteps[i] + 1;
            b.initialized[i] = 0;
            return;
        }
        for (int k = 0; k < b.evalCount; k++) {
            double t = b.evalTimes[i * b.evalCount + k];
            for (int j = 0; j < n; j++) {
                b.ys[(i * b.evalCount + k) * n + j] = b.y0[i * n + j] * Math.exp(-rate * (t - t0));
            }
        }
        double t1 = b.t1[i];
        for (int j = 0; j < n; j++) {
            b.yFinal[i * n + j] = b.y0[i * n + j] * Math.exp(-rate * (t1 - t0));
        }
        b.tFinal[i] = t1;
        b.status[i] = Status.SUCCESS.code();
        int steps = (int) Math.ceil(Math.abs(t1 - t0) / 0.1);
        b.steps[i] = steps;
        b.accepted[i] = steps;
        b.fEvals[i] = 6 * steps + 1;
        b.initialized[i] = b.evalCount;
    }
}
