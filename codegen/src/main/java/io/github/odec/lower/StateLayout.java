package io.github.odec.lower;

/**
 * Where a solver keeps its per-component values. Unrolled code grows with components x stages and
 * with the size of f, and HotSpot does not JIT-compile a method over 8000 bytes of bytecode
 * (-XX:+DontCompileHugeMethods): unrolled dopri5 with dense output passes that at about 10 Lorenz-96
 * components. Solvers whose unrolled IR would be too large keep their vectors in arrays instead.
 */
public enum StateLayout {
    /** One local per component, every component loop unrolled: registers for small systems. */
    LOCALS,
    /** Local arrays and loops over components; f in a function of its own. */
    ARRAYS;

    /**
     * The largest unrolled solver, in IR nodes ({@link io.github.odec.ir.IrSize}). Measured over rk4,
     * dopri5 and tsit5 with and without dense output on systems of 1 to 12 components, javac emits
     * 1.75 to 2.0 bytes of bytecode per node, so 3200 nodes stay below ~6.4 kB, with room for the
     * casts of f32 code.
     */
    public static final int MAX_UNROLLED_NODES = 3200;

    public static StateLayout forUnrolledSize(int nodes) {
        return nodes <= MAX_UNROLLED_NODES ? LOCALS : ARRAYS;
    }
}
