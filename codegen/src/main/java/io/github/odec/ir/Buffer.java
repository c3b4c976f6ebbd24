package io.github.odec.ir;

/**
 * The per-batch arrays a solver reads and writes (the fields of SolveBuffers on the CPU, device
 * pointers on the GPU). Buffers are addressed by this enum, never by a name string.
 *
 * <p>The IR is per instance and layout-neutral: a Load or Store indexes an element of the
 * instance's own {@link Block} (Y0: j, PARAMS: p, EVAL_TIMES: k, YS: k * stateCount + j, one-element
 * buffers: 0). Each printer maps (instance, element) to an address: instance-major
 * {@code instance * width + element} in Java's SolveBuffers, structure-of-arrays
 * {@code element * N + instance} on the GPU so that neighbouring threads touch neighbouring words.
 */
public enum Buffer {
    Y0(ScalarType.REAL, Block.STATES), PARAMS(ScalarType.REAL, Block.PARAMS), T0(ScalarType.REAL, Block.ONE),
    T1(ScalarType.REAL, Block.ONE), EVAL_TIMES(ScalarType.REAL, Block.EVAL_TIMES), ATOL(ScalarType.REAL, Block.ONE),
    RTOL(ScalarType.REAL, Block.ONE), DT0(ScalarType.REAL, Block.ONE), DT_MIN(ScalarType.REAL, Block.ONE),
    DT_MAX(ScalarType.REAL, Block.ONE), MAX_STEPS(ScalarType.INT, Block.ONE),
    YS(ScalarType.REAL, Block.EVAL_STATES), Y_FINAL(ScalarType.REAL, Block.STATES), T_FINAL(ScalarType.REAL, Block.ONE),
    STATUS(ScalarType.INT, Block.ONE), F_EVALS(ScalarType.INT, Block.ONE), STEPS(ScalarType.INT, Block.ONE),
    ACCEPTED(ScalarType.INT, Block.ONE), INITIALIZED(ScalarType.INT, Block.ONE);

    /** How many elements one instance owns in a buffer. */
    public enum Block { ONE, STATES, PARAMS, EVAL_TIMES, EVAL_STATES }

    private final ScalarType elementType;
    private final Block block;

    Buffer(ScalarType elementType, Block block) {
        this.elementType = elementType;
        this.block = block;
    }

    public Block block() {
        return block;
    }

    /** REAL buffers hold doubles in memory whatever the precision; loads narrow, stores widen. */
    public ScalarType elementType() {
        return elementType;
    }
}
