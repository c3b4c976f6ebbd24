package io.github.odec.lower.linalg;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;

/** A row or column of a {@link LocalMatrix}: a constant (unrolled code) or a loop variable. */
public sealed interface DenseIndex {

    IrExpr expr();

    /** The index as a REAL: pivots are kept as REAL values so that every comparison is a lane mask. */
    IrExpr real();

    record Constant(int value) implements DenseIndex {
        @Override
        public IrExpr expr() {
            return Ir.integer(value);
        }

        @Override
        public IrExpr real() {
            return Ir.real(value);
        }
    }

    record Loop(Local variable) implements DenseIndex {
        @Override
        public IrExpr expr() {
            return Ir.read(variable);
        }

        @Override
        public IrExpr real() {
            return new IrExpr.IntToReal(Ir.read(variable));
        }
    }

    static DenseIndex of(int value) {
        return new Constant(value);
    }
}
