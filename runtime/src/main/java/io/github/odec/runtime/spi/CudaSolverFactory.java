package io.github.odec.runtime.spi;


/**
 * A solver factory that can also hand out the generated CUDA source for a spec, for the
 * {@code cuda} and {@code cuda-host} backends ({@link io.github.odec.runtime.Solver#cuda()}, {@link io.github.odec.runtime.Solver#cudaHost()}).
 */
public interface CudaSolverFactory extends SolverFactory {

    /**
     * The CUDA source of the solver for this spec.
     *
     * @throws IllegalArgumentException as {@link #solver(SolverSpec)} does for an unknown or unfit method
     */
    CudaKernelSource cudaSource(SolverSpec spec);
}
