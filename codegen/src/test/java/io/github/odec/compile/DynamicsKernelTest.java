package io.github.odec.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import org.junit.jupiter.api.Test;

class DynamicsKernelTest {

    /** Lorenz: the kernel's f is the textbook right-hand side, exactly (each component one or two roundings). */
    @Test
    void lorenzKernelComputesTheRightHandSideInBothPrecisions() {
        DynamicsKernel k = new CompiledSystem(TestSystems.lorenz(), Frontend.standardTableaus()).dynamics();
        assertEquals(3, k.dimension());
        double[] y = {1.5, -2.25, 20.0};
        double sigma = 10.0;
        double rho = 28.0;
        double beta = 8.0 / 3.0;
        double[] p = {sigma, rho, beta};
        double[] dy = new double[3];
        k.f(0.0, y, p, dy);
        assertArrayEquals(new double[] {sigma * (y[1] - y[0]), y[0] * (rho - y[2]) - y[1], y[0] * y[1] - beta * y[2]}, dy, 0.0);

        float[] yf = {1.5f, -2.25f, 20.0f};
        float[] pf = {10f, 28f, (float) beta};
        float[] dyf = new float[3];
        k.f(0f, yf, pf, dyf);
        assertArrayEquals(new float[] {pf[0] * (yf[1] - yf[0]), yf[0] * (pf[1] - yf[2]) - yf[1], yf[0] * yf[1] - pf[2] * yf[2]},
                dyf, 0f);
    }
}
