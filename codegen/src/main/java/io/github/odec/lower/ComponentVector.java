package io.github.odec.lower;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.StatementBuilder;

/** One value per state component: a local each (small systems) or one local array (large ones). */
sealed interface ComponentVector {

    IrExpr get(ComponentIndex j);

    /** Defines or overwrites component j (a scalar's first definition declares its local). */
    void set(StatementBuilder out, ComponentIndex j, IrExpr value);

    /** Locals {@code prefix_x, prefix_y, ...}, declared where first set. */
    final class Scalars implements ComponentVector {
        private final String prefix;
        private final Local[] locals;

        Scalars(String prefix, int n) {
            this.prefix = prefix;
            this.locals = new Local[n];
        }

        @Override
        public IrExpr get(ComponentIndex j) {
            Local l = locals[constant(j).j()];
            if (l == null) {
                throw new IllegalStateException(prefix + " read before it is set");
            }
            return Ir.read(l);
        }

        @Override
        public void set(StatementBuilder out, ComponentIndex j, IrExpr value) {
            ComponentIndex.Constant c = constant(j);
            if (locals[c.j()] == null) {
                // fresh: a CSE temporary of the same evaluation may already hold the name (state v0, temp k2_v0).
                locals[c.j()] = out.declare(out.fresh(c.name(prefix)), ScalarType.REAL, value);
            } else {
                out.assign(locals[c.j()], value);
            }
        }

        private static ComponentIndex.Constant constant(ComponentIndex j) {
            if (j instanceof ComponentIndex.Constant c) {
                return c;
            }
            throw new IllegalStateException("scalar components are only addressed by constants");
        }
    }

    record Array(LocalArray array) implements ComponentVector {
        @Override
        public IrExpr get(ComponentIndex j) {
            return new IrExpr.ArrayElement(array, j.expr());
        }

        @Override
        public void set(StatementBuilder out, ComponentIndex j, IrExpr value) {
            out.storeElement(array, j.expr(), value);
        }
    }
}
