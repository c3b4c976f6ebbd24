package io.github.odec.ir;

/**
 * The per-batch arrays a solver reads and writes (the fields of SolveBuffers on the CPU, device
 * pointers on the GPU). Buffers are addressed by this enum, never by a name string.
 */
public enum Buffer {
    Y0(ScalarType.REAL), PARAMS(ScalarType.REAL), T0(ScalarType.REAL), T1(ScalarType.REAL),
    EVAL_TIMES(ScalarType.REAL), ATOL(ScalarType.REAL), RTOL(ScalarType.REAL), DT0(ScalarType.REAL),
    DT_MIN(ScalarType.REAL), DT_MAX(ScalarType.REAL), MAX_STEPS(ScalarType.INT),
    YS(ScalarType.REAL), Y_FINAL(ScalarType.REAL), T_FINAL(ScalarType.REAL), STATUS(ScalarType.INT),
    F_EVALS(ScalarType.INT), STEPS(ScalarType.INT), ACCEPTED(ScalarType.INT), INITIALIZED(ScalarType.INT);

    private final ScalarType elementType;

    Buffer(ScalarType elementType) {
        this.elementType = elementType;
    }

    /** REAL buffers hold doubles in memory whatever the precision; loads narrow, stores widen. */
    public ScalarType elementType() {
        return elementType;
    }
}
