package io.github.odec.emit.cuda;

import io.github.odec.ir.Buffer;
import io.github.odec.ir.Coefficient;

/**
 * Names of the parameters of the generated CUDA functions. Their order (instance count, evaluation
 * count, the buffers in {@link Buffer} order, the coefficients in {@link Coefficient} order) is the
 * kernel's ABI, which the runtime's launchers and host harness follow.
 */
final class CudaNames {

    static final String INSTANCES = "N";
    static final String EVAL_COUNT = "evalCount";

    private CudaNames() {}

    static String parameter(Buffer b) {
        return switch (b) {
            case Y0 -> "y0"; case PARAMS -> "params"; case T0 -> "t0_"; case T1 -> "t1_";
            case EVAL_TIMES -> "evalTimes"; case ATOL -> "atol_"; case RTOL -> "rtol_"; case DT0 -> "dt0_";
            case DT_MIN -> "dtMin_"; case DT_MAX -> "dtMax_"; case MAX_STEPS -> "maxSteps_"; case YS -> "ys";
            case Y_FINAL -> "yFinal"; case T_FINAL -> "tFinal"; case STATUS -> "status_"; case F_EVALS -> "fEvals_";
            case STEPS -> "steps_"; case ACCEPTED -> "accepted_"; case INITIALIZED -> "initialized_";
        };
    }

    static String coefficient(Coefficient c) {
        return switch (c) {
            case SAFETY -> "c_safety"; case FACTOR_MIN -> "c_factorMin"; case FACTOR_MAX -> "c_factorMax";
            case PCOEFF -> "c_pcoeff"; case ICOEFF -> "c_icoeff"; case DCOEFF -> "c_dcoeff";
        };
    }

    static boolean isInput(Buffer b) {
        return switch (b) {
            case Y0, PARAMS, T0, T1, EVAL_TIMES, ATOL, RTOL, DT0, DT_MIN, DT_MAX, MAX_STEPS -> true;
            case YS, Y_FINAL, T_FINAL, STATUS, F_EVALS, STEPS, ACCEPTED, INITIALIZED -> false;
        };
    }
}
