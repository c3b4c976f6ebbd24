package io.github.odec.cli.csv;

import io.github.odec.runtime.Status;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverFactory;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.List;

/**
 * Test double of a compiled system: writes the exact solution y0_j * exp(-k * scale * (t - t0))
 * of y_j' = -k * scale * y_j, and remembers the buffers it was given.
 */
final class ExactDecay implements SolverFactory {

    static final SystemLayout LAYOUT = new SystemLayout("decay",
            List.of("y", "u[0]", "u[1]"), List.of(1.0, 2.0, Double.NaN),
            List.of("k", "scale"), List.of(Double.NaN, 1.0));

    volatile SolveBuffers lastBuffers;

    @Override
    public SystemLayout layout() {
        return LAYOUT;
    }

    @Override
    public CompiledSolver solver(SolverSpec spec) {
        SolverSignature signature = new SolverSignature(LAYOUT, spec, 5);
        return new CompiledSolver() {
            @Override
            public SolverSignature signature() {
                return signature;
            }

            @Override
            public void solve(SolveBuffers b, int from, int to) {
                lastBuffers = b;
                int n = b.stateCount;
                for (int i = from; i < to; i++) {
                    double rate = b.params[i * b.paramCount] * b.params[i * b.paramCount + 1];
                    for (int k = 0; k < b.evalCount; k++) {
                        double t = b.evalTimes[i * b.evalCount + k];
                        for (int j = 0; j < n; j++) {
                            b.ys[(i * b.evalCount + k) * n + j] = b.y0[i * n + j] * Math.exp(-rate * (t - b.t0[i]));
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        b.yFinal[i * n + j] = b.y0[i * n + j] * Math.exp(-rate * (b.t1[i] - b.t0[i]));
                    }
                    b.tFinal[i] = b.t1[i];
                    b.status[i] = Status.SUCCESS.code();
                    b.steps[i] = 10 + i;
                    b.accepted[i] = 9 + i;
                    b.fEvals[i] = 6 * (10 + i) + 1;
                    b.initialized[i] = b.evalCount;
                }
            }
        };
    }
}
