package io.github.odec.lower.linalg;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.lower.StateLayout;
import java.util.function.BiConsumer;

/**
 * A rows x cols matrix of REAL scratch values of one instance, in a {@link StateLayout}: a local per
 * element with every loop over it unrolled ({@code LOCALS}), or one row-major local array with IR
 * loops over it ({@code ARRAYS}). A vector is a matrix of one column. The IR has no matrix type:
 * this is a lowering-side view, so printers see only locals, arrays, loops and selects.
 */
public sealed interface LocalMatrix {

    int rows();

    int cols();

    StateLayout layout();

    IrExpr get(DenseIndex row, DenseIndex col);

    /** Defines or overwrites an element (a scalar element's first definition declares its local). */
    void set(StatementBuilder out, DenseIndex row, DenseIndex col, IrExpr value);

    /** A new matrix named {@code name}: locals declared where first set, or an array declared here. */
    static LocalMatrix declare(StatementBuilder out, StateLayout layout, String name, int rows, int cols) {
        return switch (layout) {
            case LOCALS -> new Scalars(name, rows, cols);
            case ARRAYS -> new Array(out.array(name, rows * cols), rows, cols);
        };
    }

    /**
     * Runs {@code body} for every index in [from, to): unrolled, or once inside an IR loop (nothing
     * when the range is empty, the body alone on a constant when it has one index). Loop bounds are
     * compile-time constants, so nested ranges that depend on an outer index unroll the outer one.
     */
    default void forRange(StatementBuilder out, String base, int from, int to,
                          BiConsumer<StatementBuilder, DenseIndex> body) {
        switch (layout()) {
            case LOCALS -> {
                for (int i = from; i < to; i++) {
                    body.accept(out, new DenseIndex.Constant(i));
                }
            }
            case ARRAYS -> {
                if (to - from == 1) {
                    body.accept(out, new DenseIndex.Constant(from));
                } else if (from < to) {
                    out.forRange(base, from, to, (b, v) -> body.accept(b, new DenseIndex.Loop(v)));
                }
            }
        }
    }

    /** One local per element, named {@code name_row_col}; addressed by constants only. */
    final class Scalars implements LocalMatrix {
        private final String name;
        private final Local[][] cells;

        Scalars(String name, int rows, int cols) {
            this.name = name;
            this.cells = new Local[rows][cols];
        }

        @Override
        public int rows() {
            return cells.length;
        }

        @Override
        public int cols() {
            return cells[0].length;
        }

        @Override
        public StateLayout layout() {
            return StateLayout.LOCALS;
        }

        @Override
        public IrExpr get(DenseIndex row, DenseIndex col) {
            Local l = cells[constant(row)][constant(col)];
            if (l == null) {
                throw new IllegalStateException(name + " read before it is set");
            }
            return Ir.read(l);
        }

        @Override
        public void set(StatementBuilder out, DenseIndex row, DenseIndex col, IrExpr value) {
            int i = constant(row);
            int j = constant(col);
            if (cells[i][j] == null) {
                cells[i][j] = out.declare(out.fresh(name + "_" + i + (cols() == 1 ? "" : "_" + j)),
                        ScalarType.REAL, value);
            } else {
                out.assign(cells[i][j], value);
            }
        }

        private static int constant(DenseIndex index) {
            if (index instanceof DenseIndex.Constant(int value)) {
                return value;
            }
            throw new IllegalStateException("scalar matrix elements are only addressed by constants");
        }
    }

    /** A row-major local array: element (i, j) at {@code i * cols + j}. */
    record Array(LocalArray array, int rows, int cols) implements LocalMatrix {
        public Array {
            if (array.length() < rows * cols) {
                throw new IllegalArgumentException(array + " cannot hold " + rows + " x " + cols);
            }
        }

        @Override
        public StateLayout layout() {
            return StateLayout.ARRAYS;
        }

        @Override
        public IrExpr get(DenseIndex row, DenseIndex col) {
            return new IrExpr.ArrayElement(array, offset(row, col));
        }

        @Override
        public void set(StatementBuilder out, DenseIndex row, DenseIndex col, IrExpr value) {
            out.storeElement(array, offset(row, col), value);
        }

        private IrExpr offset(DenseIndex row, DenseIndex col) {
            if (row instanceof DenseIndex.Constant(int i) && col instanceof DenseIndex.Constant(int j)) {
                return Ir.integer(i * cols + j);
            }
            if (row instanceof DenseIndex.Constant(int i) && i == 0) {
                return col.expr();
            }
            IrExpr base = switch (row) {
                case DenseIndex.Constant(int i) -> Ir.integer(i * cols);
                case DenseIndex.Loop l -> cols == 1 ? l.expr() : Ir.mul(l.expr(), Ir.integer(cols));
            };
            if (col instanceof DenseIndex.Constant(int j) && j == 0) {
                return base;
            }
            return Ir.add(base, col.expr());
        }
    }
}
