package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import static jcuda.driver.JCudaDriver.cuCtxSetCurrent;
import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDevicePrimaryCtxRetain;
import static jcuda.driver.JCudaDriver.cuInit;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;

/**
 * GPU 0 and its primary context (the one the CUDA runtime and other libraries share), probed once per
 * process. Every way the probe can fail (JCuda's natives not loading, no driver, no device) becomes a
 * {@link CudaUnavailableException} with a message a user can act on, never an UnsatisfiedLinkError.
 */
public record CudaDevice(String name, int major, int minor, CUcontext context) {

    private static final Object LOCK = new Object();
    private static volatile Probe probe;

    private sealed interface Probe {}

    private record Found(CudaDevice device) implements Probe {}

    private record Missing(CudaUnavailableException why) implements Probe {}

    /** The device, probing on first use; the same answer afterwards. */
    public static CudaDevice get() {
        Probe p = probe;
        if (p == null) {
            synchronized (LOCK) {
                p = probe;
                if (p == null) {
                    p = doProbe();
                    probe = p;
                }
            }
        }
        return switch (p) {
            case Found f -> f.device();
            case Missing m -> throw m.why();
        };
    }

    /** Whether a GPU is usable here (probes once). */
    public static boolean available() {
        try {
            get();
            return true;
        } catch (CudaUnavailableException e) {
            return false;
        }
    }

    /** Makes the primary context current on the calling thread (contexts are per thread in the driver API). */
    public void makeCurrent() {
        cuCtxSetCurrent(context);
    }

    /**
     * JCuda's UnsatisfiedLinkError carries its nested stack traces in the message; the line that names
     * the missing shared object is the one a user needs.
     */
    static String summary(Throwable e) {
        String message = String.valueOf(e.getMessage());
        return message.lines().filter(l -> l.contains("cannot open shared object file")).findFirst()
                .map(l -> l.substring(l.indexOf(": ") + 2).strip())
                .orElse(message.lines().findFirst().orElse(e.toString()));
    }

    private static Probe doProbe() {
        try {
            JCudaDriver.setExceptionsEnabled(true);
        } catch (LinkageError e) {
            return new Missing(new CudaUnavailableException("no NVIDIA driver (libcuda.so.1) or no JCuda native library for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch") + " (" + summary(e) + "); "
                    + "use the CPU backend, or --backend cuda-host where nvcc is installed", e));
        }
        try {
            cuInit(0);
            int[] count = new int[1];
            cuDeviceGetCount(count);
            if (count[0] == 0) {
                return new Missing(new CudaUnavailableException("the CUDA driver is installed but sees no GPU"));
            }
            CUdevice dev = new CUdevice();
            cuDeviceGet(dev, 0);
            int[] major = new int[1];
            int[] minor = new int[1];
            cuDeviceGetAttribute(major, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev);
            cuDeviceGetAttribute(minor, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev);
            byte[] name = new byte[256];
            cuDeviceGetName(name, name.length, dev);
            int len = 0;
            while (len < name.length && name[len] != 0) {
                len++;
            }
            CUcontext ctx = new CUcontext();
            cuDevicePrimaryCtxRetain(ctx, dev);
            return new Found(new CudaDevice(new String(name, 0, len, StandardCharsets.UTF_8), major[0], minor[0], ctx));
        } catch (LinkageError e) {
            return new Missing(new CudaUnavailableException("no usable CUDA driver (libcuda.so.1): " + summary(e), e));
        } catch (RuntimeException e) {
            // jcuda.CudaException: CUDA_ERROR_NO_DEVICE, CUDA_ERROR_INSUFFICIENT_DRIVER, ...
            return new Missing(new CudaUnavailableException("no usable GPU: " + e.getMessage(), e));
        }
    }
}
