package io.github.odec.runtime;

import io.github.odec.runtime.cpu.CpuBackend;
import io.github.odec.runtime.cuda.CudaBackend;
import io.github.odec.runtime.cuda.CudaDevice;
import io.github.odec.runtime.cuda.CudaDeviceBackend;
import io.github.odec.runtime.cuda.CudaHostBackend;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.CudaSolverFactory;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverFactory;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Objects;

/**
 * Solves batches: picks the compiled solver for the options, checks every input, fills the
 * buffers, runs the backend and wraps the result. Stateless and safe to share between threads.
 */
public final class Solver {

    private static final Solver CPU = new Solver(CpuBackend.shared());

    private final Execution execution;

    /** Solves with the generated Java solver on {@code backend} (the CPU driver, or a test's). */
    public Solver(Backend backend) {
        this(new Execution.OnCpu(Objects.requireNonNull(backend, "backend")));
    }

    private Solver(Execution execution) {
        this.execution = execution;
    }

    /** Solves on this machine's cores, with the process-wide pool of warm worker threads. */
    public static Solver cpu() {
        return CPU;
    }

    /**
     * Solves on this machine's cores like {@link #cpu()}, telling {@code progress} after each chunk of
     * instances how many are done (for a progress bar).
     */
    public static Solver cpu(ProgressListener progress) {
        return new Solver(CpuBackend.shared().withProgress(progress));
    }

    /**
     * Solves with the generated CUDA source on GPU 0, compiled to PTX by NVRTC or nvcc (cached on
     * disk). The factory must be a {@link CudaSolverFactory}.
     *
     * @throws CudaUnavailableException when this machine has no usable GPU
     */
    public static Solver cuda() {
        return onCuda(CudaDeviceBackend.standard());
    }

    /**
     * Solves with the generated CUDA source built for this machine's CPU by nvcc: the GPU's
     * algorithm, statement for statement, where there is no GPU (CI, checks against the CPU solver).
     *
     * @throws CudaUnavailableException when nvcc is not installed
     */
    public static Solver cudaHost() {
        return onCuda(CudaHostBackend.standard());
    }

    private static Solver onCuda(CudaBackend backend) {
        return new Solver(new Execution.OnCuda(backend));
    }

    /** The GPU where one is usable (probed once per process), else the CPU. */
    public static Solver auto() {
        return CudaDevice.available() ? cuda() : CPU;
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
        // Before validate(), which walks every evaluation time: a batch too large is refused at once.
        BatchMemory memory = new BatchMemory(batch.size(), batch.layout().stateCount(), batch.layout().paramCount(),
                batch.evalCount());
        memory.excess(BatchMemory.maxHeap()).ifPresent(excess -> {
            long fits = memory.maxInstances(BatchMemory.maxHeap());
            throw new InvalidInputException("the batch of " + batch.size() + " instances × "
                    + (batch.evalCount() > 0 ? batch.evalCount() + " evaluation times × " : "")
                    + batch.layout().stateCount() + " states " + excess + "; "
                    + (fits > 0 ? "solve at most " + fits + " instances per batch" : "use fewer evaluation times")
                    + ", or give Java more heap (-Xmx)");
        });
        batch.validate();

        SolverSpec spec = new SolverSpec(options.method(), options.controller(), options.precision(),
                batch.evalCount() > 0);
        SolveBuffers buffers = SolveBufferPacking.inputs(batch, options);
        // No NaN fill here: every generated solver (Java and CUDA, from one IR) sets its instance's
        // evaluation points to NaN before it steps, so an unreached point never reads as 0.
        execution.run(factory, spec, buffers, options);
        return SolveBufferPacking.solution(batch, options, buffers);
    }

    /**
     * The buffers {@link #solve} would hand a backend for this batch and these options, checked and
     * filled: for backend authors, and for running another library on exactly odec's inputs (odec
     * bench's Hipparchus rows).
     *
     * @throws InvalidInputException when the batch or options are invalid
     */
    public static SolveBuffers inputBuffers(Batch batch, SolverOptions options) {
        options.validate();
        batch.validate();
        return SolveBufferPacking.inputs(batch, options);
    }

    /** What runs the filled buffers: the generated Java solver, or the generated CUDA source. */
    private sealed interface Execution {

        void run(SolverFactory factory, SolverSpec spec, SolveBuffers buffers, SolverOptions options);

        record OnCpu(Backend backend) implements Execution {
            @Override
            public void run(SolverFactory factory, SolverSpec spec, SolveBuffers buffers, SolverOptions options) {
                CompiledSolver compiled = factory.solver(spec);
                if (!compiled.signature().spec().equals(spec) || !compiled.signature().layout().equals(factory.layout())) {
                    throw new IllegalStateException("the factory returned a solver compiled for " + compiled.signature()
                            + ", not for " + spec + " of '" + factory.layout().systemName() + "'");
                }
                backend.run(compiled, buffers, options);
            }
        }

        record OnCuda(CudaBackend backend) implements Execution {
            @Override
            public void run(SolverFactory factory, SolverSpec spec, SolveBuffers buffers, SolverOptions options) {
                if (!(factory instanceof CudaSolverFactory cuda)) {
                    throw new InvalidInputException("the solver factory of '" + factory.layout().systemName()
                            + "' generates no CUDA source; solve it with Solver.cpu()");
                }
                backend.solve(cuda.cudaSource(spec), buffers);
            }
        }
    }
}
