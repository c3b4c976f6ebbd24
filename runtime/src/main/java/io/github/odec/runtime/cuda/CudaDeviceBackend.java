package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import io.github.odec.runtime.spi.CudaKernelSource;
import static jcuda.driver.JCudaDriver.cuCtxSynchronize;
import static jcuda.driver.JCudaDriver.cuLaunchKernel;
import static jcuda.driver.JCudaDriver.cuMemAlloc;
import static jcuda.driver.JCudaDriver.cuMemFree;
import static jcuda.driver.JCudaDriver.cuMemGetInfo;
import static jcuda.driver.JCudaDriver.cuMemcpyDtoH;
import static jcuda.driver.JCudaDriver.cuMemcpyHtoD;
import static jcuda.driver.JCudaDriver.cuModuleGetFunction;
import static jcuda.driver.JCudaDriver.cuModuleLoadData;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.SolveBuffers;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jcuda.NativePointerObject;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUmodule;

/**
 * The {@code cuda} backend: one thread per instance on GPU 0. The source is compiled for the device's
 * own architecture ({@link PtxCompiler}: NVRTC or nvcc, cached on disk), loaded once per process; the
 * batch is transposed to structure of arrays on the host, copied, solved in one launch per chunk and
 * copied back. A batch larger than the free device memory is split into chunks that fit.
 */
public final class CudaDeviceBackend implements CudaBackend {

    /** Threads per block: a multiple of the warp size; the per-thread solver is register-heavy. */
    public static final int BLOCK_SIZE = 128;
    /** Share of the free device memory one chunk may take, leaving room for the driver and other users. */
    private static final double MEMORY_SHARE = 0.8;
    /** The largest direct ByteBuffer (its capacity is an int): one slot of one chunk is staged in one. */
    static final long MAX_STAGING_BYTES = Integer.MAX_VALUE - 8;

    private static CudaDeviceBackend standard;

    private final CudaDevice device;
    private final PtxCompiler compiler;
    private final Map<String, CUfunction> kernels = new ConcurrentHashMap<>();
    private volatile long lastKernelNanos;

    public CudaDeviceBackend(CudaDevice device, PtxCompiler compiler) {
        this.device = device;
        this.compiler = compiler;
    }

    /**
     * GPU 0 with the standard compiler and cache, one per process so that its loaded modules are kept
     * between solves; throws CudaUnavailableException where there is no GPU.
     */
    public static synchronized CudaDeviceBackend standard() {
        if (standard == null) {
            standard = new CudaDeviceBackend(CudaDevice.get(), PtxCompiler.standard());
        }
        return standard;
    }

    public CudaDevice device() {
        return device;
    }

    /** Launch-to-synchronize time of the last solve, summed over its chunks (no copies, no transposition). */
    public long lastKernelNanos() {
        return lastKernelNanos;
    }

    @Override
    public void solve(CudaKernelSource kernel, SolveBuffers b) {
        if (b.instances == 0) {
            return;
        }
        device.makeCurrent();
        CUfunction function = kernels.computeIfAbsent(kernel.source(), s -> load(kernel));
        long perInstance = bytesPerInstance(b, kernel.precision());
        long[] free = new long[1];
        long[] total = new long[1];
        cuMemGetInfo(free, total);
        int chunk = chunkSize(b.instances, perInstance, largestSlotBytesPerInstance(b, kernel.precision()), free[0]);
        long kernelNanos = 0;
        for (int from = 0; from < b.instances; from += chunk) {
            kernelNanos += solveChunk(function, kernel.precision(), b, from, Math.min(b.instances, from + chunk));
        }
        lastKernelNanos = kernelNanos;
    }

    /**
     * Instances per launch: all of them when they fit in the usable share of free memory and every
     * slot's staging buffer stays within {@link #MAX_STAGING_BYTES}, else as many as fit both.
     */
    static int chunkSize(int instances, long bytesPerInstance, long largestSlotBytesPerInstance, long freeBytes) {
        long fit = (long) (freeBytes * MEMORY_SHARE) / bytesPerInstance;
        if (fit < 1) {
            throw new CudaUnavailableException("one instance needs " + bytesPerInstance
                    + " bytes of device memory but only " + freeBytes + " are free");
        }
        long staged = MAX_STAGING_BYTES / Math.max(1, largestSlotBytesPerInstance);
        if (staged < 1) {
            throw new CudaUnavailableException("one instance's largest buffer needs " + largestSlotBytesPerInstance
                    + " bytes, more than one host staging buffer holds (" + MAX_STAGING_BYTES + ")");
        }
        return (int) Math.min(instances, Math.min(fit, staged));
    }

    static long largestSlotBytesPerInstance(SolveBuffers b, Precision p) {
        long largest = 0;
        for (KernelAbi.Slot slot : KernelAbi.SLOTS) {
            largest = Math.max(largest, (long) slot.width(b) * SoaPacking.elementBytes(slot, p));
        }
        return largest;
    }

    static long bytesPerInstance(SolveBuffers b, Precision p) {
        long sum = 0;
        for (KernelAbi.Slot slot : KernelAbi.SLOTS) {
            sum += (long) slot.width(b) * SoaPacking.elementBytes(slot, p);
        }
        return Math.max(1, sum);
    }

    private CUfunction load(CudaKernelSource kernel) {
        String ptx = compiler.compile(kernel, device.major(), device.minor());
        CUmodule module = new CUmodule();
        cuModuleLoadData(module, ptx);
        CUfunction f = new CUfunction();
        cuModuleGetFunction(f, module, kernel.kernelName());
        return f;
    }

    /** Solves instances [from, to) and returns the kernel's launch-to-synchronize time. */
    private long solveChunk(CUfunction function, Precision p, SolveBuffers b, int from, int to) {
        int n = to - from;
        List<CUdeviceptr> pointers = new ArrayList<>();
        List<ByteBuffer> hostOutputs = new ArrayList<>();
        try {
            for (KernelAbi.Slot slot : KernelAbi.SLOTS) {
                long bytes = SoaPacking.bytes(slot, b, from, to, p);
                CUdeviceptr d = new CUdeviceptr();
                cuMemAlloc(d, Math.max(bytes, 4));
                pointers.add(d);
                // chunkSize keeps every slot of a chunk within MAX_STAGING_BYTES: toIntExact cannot throw.
                ByteBuffer host = ByteBuffer.allocateDirect(Math.toIntExact(Math.max(bytes, 4))).order(ByteOrder.LITTLE_ENDIAN);
                if (!slot.output()) {
                    SoaPacking.pack(slot, b, from, to, p, host);
                    host.flip();
                    if (bytes > 0) {
                        cuMemcpyHtoD(d, Pointer.to(host), bytes);
                    }
                }
                hostOutputs.add(host);
            }
            List<NativePointerObject> args = new ArrayList<>();
            args.add(Pointer.to(new long[] {n}));
            args.add(Pointer.to(new int[] {b.evalCount}));
            for (CUdeviceptr d : pointers) {
                args.add(Pointer.to(d));
            }
            for (double c : KernelAbi.coefficients(b)) {
                args.add(p == Precision.F64 ? Pointer.to(new double[] {c}) : Pointer.to(new float[] {(float) c}));
            }
            int blocks = (n + BLOCK_SIZE - 1) / BLOCK_SIZE;
            long start = System.nanoTime();
            cuLaunchKernel(function, blocks, 1, 1, BLOCK_SIZE, 1, 1, 0, null,
                    Pointer.to(args.toArray(NativePointerObject[]::new)), null);
            cuCtxSynchronize();
            long kernelNanos = System.nanoTime() - start;
            for (int k = 0; k < KernelAbi.SLOTS.size(); k++) {
                KernelAbi.Slot slot = KernelAbi.SLOTS.get(k);
                if (slot.output()) {
                    long bytes = SoaPacking.bytes(slot, b, from, to, p);
                    ByteBuffer host = hostOutputs.get(k);
                    host.clear();
                    if (bytes > 0) {
                        cuMemcpyDtoH(Pointer.to(host), pointers.get(k), bytes);
                    }
                    SoaPacking.unpack(slot, b, from, to, p, host);
                }
            }
            return kernelNanos;
        } finally {
            for (CUdeviceptr d : pointers) {
                cuMemFree(d);
            }
        }
    }
}
