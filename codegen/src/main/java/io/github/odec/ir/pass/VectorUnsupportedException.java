package io.github.odec.ir.pass;

/**
 * The solver function uses IR the SIMD path does not handle (local arrays of large systems, integer
 * division), found by {@link IfConversion} or the Vector API printer; callers use the scalar path.
 */
public final class VectorUnsupportedException extends RuntimeException {
    public VectorUnsupportedException(String what) {
        super("the SIMD path does not handle " + what);
    }
}
