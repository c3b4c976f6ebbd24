package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.SolveBuffers;
import org.junit.jupiter.api.Test;

/** The GPU backend's memory arithmetic, which needs no GPU. */
class CudaDeviceBackendTest {

    @Test
    void bytesPerInstanceCountEveryBufferInTheSolversPrecision() {
        SolveBuffers b = new SolveBuffers(1, 3, 3, 0, ControllerCoefficients.integral());
        // y0, yFinal: 3 each; params: 3; t0 t1 atol rtol dt0 dtMin dtMax tFinal: 8 reals; 6 int buffers.
        assertEquals((3 + 3 + 3 + 8) * 4 + 6 * 4, CudaDeviceBackend.bytesPerInstance(b, Precision.F32));
        assertEquals((3 + 3 + 3 + 8) * 8 + 6 * 4, CudaDeviceBackend.bytesPerInstance(b, Precision.F64));
    }

    @Test
    void aBatchLargerThanFreeMemoryIsSplit() {
        assertEquals(1000, CudaDeviceBackend.chunkSize(1000, 100, 40, 1_000_000));
        assertEquals(8000, CudaDeviceBackend.chunkSize(1 << 23, 100, 40, 1_000_000), "80% of free memory per chunk");
        assertThrows(CudaUnavailableException.class, () -> CudaDeviceBackend.chunkSize(10, 1000, 400, 1000));
    }

    /** A slot over 2 GiB used to be staged in a buffer of (int) its size: wrapped, or negative. */
    @Test
    void noSlotOfAChunkOutgrowsOneHostStagingBuffer() {
        long free = 140L << 30;   // an H200's free memory
        // 10^6 instances, 101 points of 400 states in f64: ys alone is 3.2e11 bytes, 323 KB an instance.
        long ysPerInstance = 101L * 400 * 8;
        int chunk = CudaDeviceBackend.chunkSize(1_000_000, ysPerInstance + 10_000, ysPerInstance, free);
        assertEquals(CudaDeviceBackend.MAX_STAGING_BYTES / ysPerInstance, chunk);
        assertTrue((long) chunk * ysPerInstance <= Integer.MAX_VALUE, "one chunk's ys fits one ByteBuffer");
        SolveBuffers b = new SolveBuffers(1, 400, 2, 101, ControllerCoefficients.integral());
        assertEquals(ysPerInstance, CudaDeviceBackend.largestSlotBytesPerInstance(b, Precision.F64));
        assertThrows(CudaUnavailableException.class,
                () -> CudaDeviceBackend.chunkSize(1, 1L << 32, 1L << 32, 1L << 40));
    }
}
