package io.github.odec.runtime.cuda;

import java.util.Optional;

/**
 * The CUDA backends by the names the command line uses: {@code cuda} (GPU 0), {@code cuda-host} (the
 * same source built for the host by nvcc), and what {@code auto} picks.
 */
public final class CudaBackends {

    private CudaBackends() {}

    /**
     * @param name {@code cuda} or {@code cuda-host}
     * @throws CudaUnavailableException when that backend cannot run here (no GPU, no nvcc)
     * @throws IllegalArgumentException for another name
     */
    public static CudaBackend named(String name) {
        return switch (name) {
            case "cuda" -> CudaDeviceBackend.standard();
            case "cuda-host" -> CudaHostBackend.standard();
            default -> throw new IllegalArgumentException("unknown CUDA backend '" + name + "'; known: cuda, cuda-host");
        };
    }

    /** For {@code auto}: the GPU when one is usable, else empty (the caller then uses the CPU backend). */
    public static Optional<CudaBackend> gpuIfAvailable() {
        return CudaDevice.available() ? Optional.of(CudaDeviceBackend.standard()) : Optional.empty();
    }
}
