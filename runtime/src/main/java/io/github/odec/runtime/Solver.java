package io.github.odec.runtime;

import io.github.odec.runtime.cpu.CpuBackend;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverFactory;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Arrays;
import java.util.Objects;

/**
 * Solves batches: picks the compiled solver for the options, checks every input, fills the
 * buffers, runs the backend and wraps the result. Stateless and safe to share between threads.
 */
public final class Solver {

    private static final Solver CPU = new Solver(CpuBackend.shared());

    private final Backend backend;

    public Solver(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /** Solves on this machine's cores, with the process-wide pool of warm worker threads. */
    public static Solver cpu() {
        return CPU;
    }

    /** Solves with {@link SolverOptions#defaults()}: dopri5, integral control, f64, all cores. */
    public Solution solve(SolverFactory factory, Batch batch) {
        return solve(factory, batch, SolverOptions.defaults());
    }

    /**
     * @throws InvalidInputException    when the batch or options are invalid (before anything runs)
     * @throws IllegalArgumentException from the factory, naming a method it does not know
     * @throws SolveFailedException     when the generated solver itself throws
     */
    public Solution solve(SolverFactory factory, Batch batch, SolverOptions options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(options, "options");
        if (!factory.layout().equals(batch.layout())) {
            throw new InvalidInputException("the batch is for system '" + batch.layout().systemName()
                    + "' but the solver factory compiles '" + factory.layout().systemName() + "'");
        }
        options.validate();
        batch.validate();

        SolverSpec spec = new SolverSpec(options.method(), options.controller(), options.precision(),
                batch.evalCount() > 0);
        CompiledSolver compiled = factory.solver(spec);
        if (!compiled.signature().spec().equals(spec) || !compiled.signature().layout().equals(batch.layout())) {
            throw new IllegalStateException("the factory returned a solver compiled for " + compiled.signature()
                    + ", not for " + spec + " of '" + batch.layout().systemName() + "'");
        }

        SolveBuffers buffers = new SolveBuffers(batch.size(), batch.layout().stateCount(),
                batch.layout().paramCount(), batch.evalCount(), options.coefficients());
        batch.writeInputs(buffers);
        options.writeStepLimits(buffers);
        // Points an instance never reaches (it stopped early) must not read as a plausible 0.
        Arrays.fill(buffers.ys, Double.NaN);
        backend.run(compiled, buffers, options);
        return new Solution(batch.layout(), buffers);
    }
}
