package io.github.odec.runtime;

import io.github.odec.runtime.cuda.CudaDevice;

/**
 * The GPU {@link Solver#cuda()} runs on (device 0), as the driver names it.
 *
 * @param major compute capability, major version
 * @param minor compute capability, minor version
 */
public record CudaGpu(String name, int major, int minor) {

    /**
     * Probes the driver once per process; later calls give the same answer.
     *
     * @throws CudaUnavailableException when no driver, no JCuda native library or no device is usable
     */
    public static CudaGpu probe() {
        CudaDevice device = CudaDevice.get();
        return new CudaGpu(device.name(), device.major(), device.minor());
    }
}
