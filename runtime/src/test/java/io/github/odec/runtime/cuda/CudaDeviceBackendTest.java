package io.github.odec.runtime.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertEquals(1000, CudaDeviceBackend.chunkSize(1000, 100, 1_000_000));
        assertEquals(8000, CudaDeviceBackend.chunkSize(1 << 23, 100, 1_000_000), "80% of free memory per chunk");
        assertThrows(CudaUnavailableException.class, () -> CudaDeviceBackend.chunkSize(10, 1000, 1000));
    }
}
