package io.github.odec.runtime.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SoaPackingTest {

    @Test
    void elementEOfInstanceIIsAtENPlusI() {
        SolveBuffers b = new SolveBuffers(3, 2, 0, 0, ControllerCoefficients.integral());
        for (int i = 0; i < 3; i++) {
            b.reals(Slot.Y0)[i * 2] = 10 + i;       // element 0
            b.reals(Slot.Y0)[i * 2 + 1] = 20 + i;   // element 1
        }
        ByteBuffer out = ByteBuffer.allocate((int) SoaPacking.bytes(Slot.Y0, b, 0, 3, Precision.F64));
        SoaPacking.pack(Slot.Y0, b, 0, 3, Precision.F64, out);
        out.flip();
        double[] soa = new double[6];
        out.asDoubleBuffer().get(soa);
        assertArrayEquals(new double[] {10, 11, 12, 20, 21, 22}, soa);
    }

    @Test
    void aChunkRoundTripsAndF32RoundsLikeAJavaCast() {
        SolveBuffers b = new SolveBuffers(5, 2, 0, 0, ControllerCoefficients.integral());
        for (int k = 0; k < b.reals(Slot.Y0).length; k++) {
            b.reals(Slot.Y0)[k] = 0.1 * (k + 1);
        }
        ByteBuffer bytes = ByteBuffer.allocate((int) SoaPacking.bytes(Slot.Y0, b, 1, 4, Precision.F32));
        SoaPacking.pack(Slot.Y0, b, 1, 4, Precision.F32, bytes);
        SolveBuffers back = new SolveBuffers(5, 2, 0, 0, ControllerCoefficients.integral());
        SoaPacking.unpack(Slot.Y0, back, 1, 4, Precision.F32, bytes.flip());
        for (int k = 0; k < b.reals(Slot.Y0).length; k++) {
            double expected = k >= 2 && k < 8 ? (float) b.reals(Slot.Y0)[k] : 0.0;
            assertEquals(expected, back.reals(Slot.Y0)[k], "element " + k);
        }
    }
}
