package io.github.odec.lower;

/**
 * Where a solver keeps its per-component values. Unrolled code grows with components x stages, and
 * HotSpot does not JIT-compile a method over 8000 bytes of bytecode (-XX:+DontCompileHugeMethods):
 * unrolled dopri5 with dense output passes that at about 10 components (measured: 7.8 kB at 10,
 * 16 kB at 20). Larger systems keep their vectors in arrays, loop over components, and evaluate f in
 * a function of its own.
 */
public enum StateLayout {
    /** One local per component, every component loop unrolled: registers for small systems. */
    LOCALS,
    /** Local arrays and loops over components; f in a function of its own. */
    ARRAYS;

    /** Up to this many components the state lives in locals (dopri5 with dense output at 8: about 6.5 kB). */
    public static final int MAX_LOCALS = 8;

    public static StateLayout forStateCount(int n) {
        return n <= MAX_LOCALS ? LOCALS : ARRAYS;
    }
}
