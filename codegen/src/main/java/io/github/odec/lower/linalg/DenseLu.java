package io.github.odec.lower.linalg;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.eq;
import static io.github.odec.ir.Ir.gt;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.select;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.Parameter;
import io.github.odec.ir.Procedure;
import io.github.odec.ir.StatementBuilder;
import java.util.List;

/**
 * LU factorisation with partial pivoting, {@code P A = L U}, and the solve of {@code A x = b} with
 * it, lowered to plain IR (locals or local arrays, compile-time loops, selects): a dense n x n solve
 * per instance, as a Rosenbrock stage needs for {@code (I - gamma h J) k = rhs}.
 *
 * <p>Lowered here rather than printed by each backend, so that the printers stay as they are and an
 * IR pass (CSE, folding, if-conversion) sees the arithmetic. The pivot choice is branch-free: the
 * pivot row and the row swaps are selects on comparisons, never a branch or an index that depends on
 * the values. So in the Vector API printer every lane picks its own pivot (a compare mask and blends),
 * and every backend does the same IEEE operations in the same order: the scalar and SIMD results are
 * bit-identical. Pivots are REAL row numbers (exact for any n this is for), so that a pivot test is a
 * REAL comparison, a lane mask in SIMD code. The pivot is the first row of largest |a_ik| (LAPACK's
 * choice); a NaN is never chosen. A singular matrix divides by zero and yields non-finite values,
 * which the caller tests (a Rosenbrock step rejects them); no branch is taken on it.
 *
 * <p>Costs, for size n: the swaps are n^3 / 2 selects besides the n^3 / 3 multiply-adds of the
 * elimination; in the {@code ARRAYS} layout the column loop is unrolled (loop bounds are constants)
 * and rows and columns are IR loops, so the IR grows as n^2, not n^3.
 */
public final class DenseLu {

    private DenseLu() {}

    /**
     * Overwrites the square matrix {@code a} with L (below the diagonal, unit diagonal implied) and U,
     * and sets {@code pivots} (n x 1): the row swapped with row k at step k.
     */
    public static void factor(StatementBuilder out, LocalMatrix a, LocalMatrix pivots) {
        int n = a.rows();
        DenseIndex zero = DenseIndex.of(0);
        for (int step = 0; step < n - 1; step++) {
            int k = step;
            DenseIndex kk = DenseIndex.of(k);
            Local best = out.real(out.fresh("lu_best"), abs(a.get(kk, kk)));
            Local row = out.real(out.fresh("lu_row"), kk.real());
            a.forRange(out, "i", k + 1, n, (b, i) -> {
                Local candidate = b.real(b.fresh("lu_abs"), abs(a.get(i, kk)));
                Local larger = b.bool(b.fresh("lu_larger"), gt(read(candidate), read(best)));
                b.assign(best, select(read(larger), read(candidate), read(best)));
                b.assign(row, select(read(larger), i.real(), read(row)));
            });
            pivots.set(out, kk, zero, read(row));
            // Row k trades places with the pivot row: every candidate row swaps under its own test.
            a.forRange(out, "i", k + 1, n, (b, i) -> {
                Local swap = b.bool(b.fresh("lu_swap"), eq(read(row), i.real()));
                a.forRange(b, "j", 0, n, (c, j) -> {
                    Local top = c.real(c.fresh("lu_top"), a.get(kk, j));
                    a.set(c, kk, j, select(read(swap), a.get(i, j), read(top)));
                    a.set(c, i, j, select(read(swap), read(top), a.get(i, j)));
                });
            });
            a.forRange(out, "i", k + 1, n, (b, i) -> {
                Local l = b.real(b.fresh("lu_l"), div(a.get(i, kk), a.get(kk, kk)));
                a.set(b, i, kk, read(l));
                a.forRange(b, "j", k + 1, n, (c, j) -> a.set(c, i, j, sub(a.get(i, j), mul(read(l), a.get(kk, j)))));
            });
        }
        // the last column has one candidate: no search, no swap
        DenseIndex last = DenseIndex.of(n - 1);
        pivots.set(out, last, zero, last.real());
    }

    /** Overwrites {@code rhs} (n x 1) with the solution x of A x = rhs, from {@link #factor}'s output. */
    public static void solve(StatementBuilder out, LocalMatrix lu, LocalMatrix pivots, LocalMatrix rhs) {
        int n = lu.rows();
        DenseIndex zero = DenseIndex.of(0);
        for (int step = 0; step < n - 1; step++) {
            int k = step;
            DenseIndex kk = DenseIndex.of(k);
            lu.forRange(out, "i", k + 1, n, (b, i) -> {
                Local swap = b.bool(b.fresh("lu_swap"), eq(pivots.get(kk, zero), i.real()));
                Local top = b.real(b.fresh("lu_top"), rhs.get(kk, zero));
                rhs.set(b, kk, zero, select(read(swap), rhs.get(i, zero), read(top)));
                rhs.set(b, i, zero, select(read(swap), read(top), rhs.get(i, zero)));
            });
        }
        // L y = P b, then U x = y, each in place, accumulating left to right as a printed loop would.
        for (int i = 1; i < n; i++) {
            DenseIndex ii = DenseIndex.of(i);
            lu.forRange(out, "j", 0, i, (b, j) -> rhs.set(b, ii, zero, sub(rhs.get(ii, zero), mul(lu.get(ii, j),
                    rhs.get(j, zero)))));
        }
        for (int i = n - 1; i >= 0; i--) {
            DenseIndex ii = DenseIndex.of(i);
            lu.forRange(out, "j", i + 1, n, (b, j) -> rhs.set(b, ii, zero, sub(rhs.get(ii, zero), mul(lu.get(ii, j),
                    rhs.get(j, zero)))));
            rhs.set(out, ii, zero, div(rhs.get(ii, zero), lu.get(ii, ii)));
        }
    }

    /**
     * {@link #factor} as a procedure {@code lu_factor_n(a, piv)} over arrays (a row-major n x n, piv n),
     * for solvers in the {@code ARRAYS} layout: one copy of the code however many stages call it.
     */
    public static Procedure factorProcedure(int n) {
        LocalArray a = new LocalArray("a", n * n);
        LocalArray piv = new LocalArray("piv", n);
        StatementBuilder out = new StatementBuilder();
        factor(out, new LocalMatrix.Array(a, n, n), new LocalMatrix.Array(piv, n, 1));
        return new Procedure("lu_factor_" + n,
                "P a = L U with partial pivoting, in place; piv[k]: the row swapped with row k.",
                List.of(new Parameter.Array(a, true), new Parameter.Array(piv, true)), out.build());
    }

    /** {@link #solve} as a procedure {@code lu_solve_n(a, piv, b)}: b becomes x with A x = b. */
    public static Procedure solveProcedure(int n) {
        LocalArray a = new LocalArray("a", n * n);
        LocalArray piv = new LocalArray("piv", n);
        LocalArray rhs = new LocalArray("b", n);
        StatementBuilder out = new StatementBuilder();
        solve(out, new LocalMatrix.Array(a, n, n), new LocalMatrix.Array(piv, n, 1), new LocalMatrix.Array(rhs, n, 1));
        return new Procedure("lu_solve_" + n, "b = A^-1 b from lu_factor's a and piv, in place.",
                List.of(new Parameter.Array(a, false), new Parameter.Array(piv, false),
                        new Parameter.Array(rhs, true)), out.build());
    }
}
