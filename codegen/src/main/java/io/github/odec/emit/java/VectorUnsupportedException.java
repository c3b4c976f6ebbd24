package io.github.odec.emit.java;

/** The solver function uses IR the SIMD printer does not handle (local arrays of large systems); use the scalar path. */
public final class VectorUnsupportedException extends RuntimeException {
    VectorUnsupportedException(String what) {
        super("the SIMD path does not handle " + what);
    }
}
