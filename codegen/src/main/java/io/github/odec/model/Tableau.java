package io.github.odec.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A checked explicit Runge-Kutta tableau with exact coefficients.
 *
 * @param a       row i holds a[i][0..i-1] (row 0 is empty): strictly lower-triangular by construction
 * @param bhat    the embedded weights; empty for a fixed-step method
 * @param interp  dense output: for stage i, the coefficients d1..dk of b_i(theta) = d1*theta + ... + dk*theta^k;
 *                empty where the tableau has none (the solver then uses cubic Hermite)
 */
public record Tableau(
        String name,
        int order,
        OptionalInt embeddedOrder,
        boolean fsal,
        List<Rational> c,
        List<List<Rational>> a,
        List<Rational> b,
        Optional<List<Rational>> bhat,
        Optional<List<List<Rational>>> interp) {

    public Tableau {
        c = List.copyOf(c);
        a = a.stream().map(List::copyOf).toList();
        b = List.copyOf(b);
        bhat = bhat.map(List::copyOf);
        interp = interp.map(rows -> rows.stream().map(List::copyOf).toList());
    }

    public int stages() {
        return c.size();
    }

    public boolean adaptive() {
        return bhat.isPresent();
    }

    public boolean hasDenseOutput() {
        return interp.isPresent();
    }

    /** a[i][j], zero above the diagonal. */
    public Rational a(int i, int j) {
        List<Rational> row = a.get(i);
        return j < row.size() ? row.get(j) : Rational.ZERO;
    }
}
