package io.github.odec.runtime.spi;

import io.github.odec.runtime.Precision;
import java.util.Objects;

/**
 * Generated CUDA C++ for one solver, as the CUDA backends need it. The source holds a
 * {@code __host__ __device__} per-instance solver and an {@code extern "C" __global__} kernel calling
 * it once per thread; both take the runtime's kernel parameters (its internal kernel ABI), in the order its
 * backends pass them.
 *
 * @param solverFunction the per-instance {@code __host__ __device__} function (the host harness calls it)
 * @param kernelName     the {@code extern "C" __global__} wrapper (what the GPU launches)
 * @param precision      the REAL type of the buffers and coefficients: float in F32, double in F64
 */
public record CudaKernelSource(String source, String solverFunction, String kernelName, Precision precision) {

    public CudaKernelSource {
        Objects.requireNonNull(source);
        Objects.requireNonNull(solverFunction);
        Objects.requireNonNull(kernelName);
        Objects.requireNonNull(precision);
    }
}
