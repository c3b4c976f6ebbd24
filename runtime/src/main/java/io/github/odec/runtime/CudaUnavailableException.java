package io.github.odec.runtime;

/** This machine cannot run a CUDA backend: no nvcc, no driver, no device, or JCuda's natives failed to load. */
public final class CudaUnavailableException extends RuntimeException {

    public CudaUnavailableException(String message) {
        super(message);
    }

    public CudaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
