package io.github.odec.emit.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.ir.Buffer;
import io.github.odec.ir.Coefficient;
import io.github.odec.runtime.cuda.KernelAbi;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's view of the kernel parameters (KernelAbi) and the printer's (Buffer, Coefficient) agree. */
class KernelAbiTest {

    @Test
    void buffersAndSlotsListTheSameParametersInTheSameOrder() {
        List<Buffer> buffers = Arrays.asList(Buffer.values());
        assertEquals(buffers.size(), KernelAbi.SLOTS.size());
        for (int k = 0; k < buffers.size(); k++) {
            Buffer b = buffers.get(k);
            KernelAbi.Slot slot = KernelAbi.SLOTS.get(k);
            assertEquals(b.block().name(), slot.block().name(), b + " vs " + slot.name());
            assertEquals(b.elementType() == io.github.odec.ir.ScalarType.INT, slot instanceof KernelAbi.IntSlot, b.name());
            assertEquals(!CudaNames.isInput(b), slot.output(), b.name());
        }
        assertEquals(Coefficient.values().length, KernelAbi.COEFFICIENTS.size());
        for (Coefficient c : Coefficient.values()) {
            assertEquals("c_" + KernelAbi.COEFFICIENTS.get(c.ordinal()), CudaNames.coefficient(c));
        }
    }
}
