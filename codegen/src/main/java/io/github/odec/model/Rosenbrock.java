package io.github.odec.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A checked Rosenbrock method in the standard form of Hairer &amp; Wanner (Solving ODEs II, IV.7, (7.4)):
 * <pre>
 *   (I − hγJ) k_i = h f(t + α_i h, y + Σ_{j&lt;i} α_ij k_j) + hJ Σ_{j&lt;i} γ_ij k_j + γ_i h² ∂f/∂t,
 *   y_1 = y + Σ b_i k_i,   α_i = Σ_j α_ij,   γ_i = γ + Σ_j γ_ij,
 * </pre>
 * with J = ∂f/∂y and ∂f/∂t exact (the symbolic pass). Lowering may solve it in the transformed form (no
 * J-vector products); the coefficients here are the ones the order conditions are stated in.
 *
 * @param alpha  row i holds α_i0..α_i,i-1 (row 0 is empty): strictly lower-triangular by construction
 * @param gammas row i holds γ_i0..γ_i,i-1 (the off-diagonal Γ; the diagonal is {@code gamma})
 * @param bhat   the embedded weights; empty for a fixed-step method
 * @param dense  dense output: for stage i, the coefficients d1..dk of b_i(θ) = d1·θ + ... + dk·θ^k, so that
 *               y(t + θh) = y + Σ b_i(θ) k_i; empty where the method has none (the solver then uses cubic Hermite)
 */
public record Rosenbrock(
        String name,
        int order,
        OptionalInt embeddedOrder,
        Rational gamma,
        List<List<Rational>> alpha,
        List<List<Rational>> gammas,
        List<Rational> b,
        Optional<List<Rational>> bhat,
        Optional<List<List<Rational>>> dense) implements Method {

    public Rosenbrock {
        Objects.requireNonNull(name);
        Objects.requireNonNull(gamma);
        alpha = alpha.stream().map(List::copyOf).toList();
        gammas = gammas.stream().map(List::copyOf).toList();
        b = List.copyOf(b);
        bhat = bhat.map(List::copyOf);
        dense = dense.map(rows -> rows.stream().map(List::copyOf).toList());
    }

    public int stages() {
        return b.size();
    }

    @Override
    public boolean adaptive() {
        return bhat.isPresent();
    }

    /** α_ij, zero on and above the diagonal. */
    public Rational alpha(int i, int j) {
        List<Rational> row = alpha.get(i);
        return j < row.size() ? row.get(j) : Rational.ZERO;
    }

    /** γ_ij with γ_ii = γ, zero above the diagonal. */
    public Rational gamma(int i, int j) {
        if (i == j) {
            return gamma;
        }
        List<Rational> row = gammas.get(i);
        return j < row.size() ? row.get(j) : Rational.ZERO;
    }
}
