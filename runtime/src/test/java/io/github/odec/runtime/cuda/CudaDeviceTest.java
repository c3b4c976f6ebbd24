package io.github.odec.runtime.cuda;

import io.github.odec.runtime.CudaUnavailableException;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The GPU probe answers with a device or a clear CudaUnavailableException, never a linkage error. */
class CudaDeviceTest {

    @Test
    void probeGivesADeviceOrAClearMessage() {
        try {
            CudaDevice d = CudaDevice.get();
            assertTrue(d.major() >= 3, "compute capability " + d.major() + "." + d.minor());
            assertSame(d, CudaDevice.get(), "probed once");
        } catch (CudaUnavailableException e) {
            assertFalse(e.getMessage().isBlank());
            System.out.println("no GPU here: " + e.getMessage());
            CudaUnavailableException again = org.junit.jupiter.api.Assertions.assertThrows(
                    CudaUnavailableException.class, CudaDevice::get);
            assertSame(e, again, "the probe runs once; later calls get the same answer");
        }
    }
}
