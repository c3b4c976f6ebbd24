package io.github.odec.compile;

/**
 * A system's right-hand side f(t, y, p) on its own, compiled from the same IR the solvers inline:
 * for benchmarks (timing the dynamics alone) and for driving other integrators (Hipparchus) with
 * exactly the arithmetic odec's solvers do. Arrays are in layout order; {@code dy} is overwritten.
 */
public interface DynamicsKernel {

    /** Number of flat state components. */
    int dimension();

    /** f in double precision, as an f64 solver evaluates it. */
    void f(double t, double[] y, double[] p, double[] dy);

    /** f in single precision, as an f32 solver evaluates it. */
    void f(float t, float[] y, float[] p, float[] dy);
}
