package io.github.odec.runtime.cuda;

import io.github.odec.runtime.spi.SolveBuffers;
import java.util.List;

/**
 * The parameters of every generated CUDA solver, in order: the instance count N, the evaluation
 * count, then one pointer per slot the spec uses ({@link CudaKernelSource#slots()}, in
 * {@link io.github.odec.runtime.spi.Slot} order, named by its identifier; structure of arrays: element e of instance i at
 * {@code e * N + i}; REAL slots in the solver's precision, INT slots as int), then the six
 * controller coefficients as REAL scalars ({@link #COEFFICIENTS}). The kernel takes N as
 * {@code unsigned long long}; the per-instance function takes {@code (int instance, size_t N, int evalCount, ...)}.
 */
public final class KernelAbi {

    private KernelAbi() {}

    /** The coefficients after the buffers: ControllerCoefficients' components in declaration order. */
    public static final List<String> COEFFICIENTS = List.of("safety", "factorMin", "factorMax", "pcoeff", "icoeff", "dcoeff");

    static double[] coefficients(SolveBuffers b) {
        var c = b.controller;
        return new double[] {c.safety(), c.factorMin(), c.factorMax(), c.pcoeff(), c.icoeff(), c.dcoeff()};
    }
}
