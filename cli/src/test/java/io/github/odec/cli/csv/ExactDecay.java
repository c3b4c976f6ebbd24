package io.github.odec.cli.csv;

import io.github.odec.runtime.Status;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
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
                    double rate = b.reals(Slot.PARAMS)[i * b.paramCount] * b.reals(Slot.PARAMS)[i * b.paramCount + 1];
                    for (int k = 0; k < b.evalCount; k++) {
                        double t = b.reals(Slot.EVAL_TIMES)[i * b.evalCount + k];
                        for (int j = 0; j < n; j++) {
                            b.reals(Slot.YS)[(i * b.evalCount + k) * n + j] = b.reals(Slot.Y0)[i * n + j] * Math.exp(-rate * (t - b.reals(Slot.T0)[i]));
                        }
                    }
                    for (int j = 0; j < n; j++) {
                        b.reals(Slot.Y_FINAL)[i * n + j] = b.reals(Slot.Y0)[i * n + j] * Math.exp(-rate * (b.reals(Slot.T1)[i] - b.reals(Slot.T0)[i]));
                    }
                    b.reals(Slot.T_FINAL)[i] = b.reals(Slot.T1)[i];
                    b.ints(Slot.STATUS)[i] = Status.SUCCESS.code();
                    b.ints(Slot.STEPS)[i] = 10 + i;
                    b.ints(Slot.ACCEPTED)[i] = 9 + i;
                    b.ints(Slot.F_EVALS)[i] = 6 * (10 + i) + 1;
                    b.ints(Slot.INITIALIZED)[i] = b.evalCount;
                }
            }
        };
    }
}
