package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.spi.CudaKernelSource;
import io.github.odec.runtime.spi.SolveBuffers;

/**
 * Runs generated CUDA source on a whole batch: {@link CudaHostBackend} builds it for the host with
 * nvcc (CI, machines without a GPU), {@link CudaDeviceBackend} compiles it for the GPU and launches it.
 * Both fill the same SolveBuffers outputs as the CPU backend's CompiledSolver.
 */
public interface CudaBackend {

    /**
     * Solves every instance of {@code buffers} with the kernel, writing the outputs into {@code buffers}.
     *
     * @throws CudaUnavailableException when the backend cannot run on this machine (no nvcc, no GPU)
     * @throws CudaCompileException     when the generated source does not compile (an internal error)
     */
    void solve(CudaKernelSource kernel, SolveBuffers buffers);
}
