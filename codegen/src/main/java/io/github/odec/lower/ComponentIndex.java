package io.github.odec.lower;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;

/** Which state component a statement is about: a constant (unrolled code) or a loop variable. */
sealed interface ComponentIndex {

    IrExpr expr();

    /** A local name for a per-component temporary: {@code err_x} unrolled, {@code err} inside a loop. */
    String name(String base);

    /** {@code base + j}, without a {@code + 0}. */
    default IrExpr offset(IrExpr base) {
        if (this instanceof Constant(int j, String s) && j == 0) {
            return base;
        }
        return Ir.add(base, expr());
    }

    record Constant(int j, String suffix) implements ComponentIndex {
        @Override
        public IrExpr expr() {
            return Ir.integer(j);
        }

        @Override
        public String name(String base) {
            return base + "_" + suffix;
        }
    }

    record Loop(Local variable) implements ComponentIndex {
        @Override
        public IrExpr expr() {
            return Ir.read(variable);
        }

        @Override
        public String name(String base) {
            return base;
        }
    }
}
