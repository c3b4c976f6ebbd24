package io.github.odec.emit.cuda;

import io.github.odec.ir.Coefficient;

/**
 * Names of the parameters of the generated CUDA functions. Their order (instance count, evaluation
 * count, the solver's slots in {@link io.github.odec.runtime.spi.Slot} order, each named by its
 * identifier, the coefficients in {@link Coefficient} order) is the kernel's ABI, which the
 * runtime's launchers and host harness follow.
 */
final class CudaNames {

    static final String INSTANCES = "N";
    static final String EVAL_COUNT = "evalCount";

    private CudaNames() {}

    static String coefficient(Coefficient c) {
        return switch (c) {
            case SAFETY -> "c_safety"; case FACTOR_MIN -> "c_factorMin"; case FACTOR_MAX -> "c_factorMax";
            case PCOEFF -> "c_pcoeff"; case ICOEFF -> "c_icoeff"; case DCOEFF -> "c_dcoeff";
        };
    }
}
