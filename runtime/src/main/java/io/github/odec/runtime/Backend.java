package io.github.odec.runtime;

import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolveBuffers;

/** Runs a compiled solver over every instance of filled buffers (CPU threads today, a GPU later). */
public interface Backend {

    /**
     * Solves instances [0, buffers.instances) and returns when all are done.
     *
     * @throws SolveFailedException when the solver throws; the first failure is the cause
     */
    void run(CompiledSolver solver, SolveBuffers buffers, SolverOptions options);
}
