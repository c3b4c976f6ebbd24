package io.github.odec.check;

import io.github.odec.check.OrderConditions.Bounded;
import io.github.odec.model.Rational;
import io.github.odec.model.Rosenbrock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The order conditions of a Rosenbrock method with the exact Jacobian (Hairer &amp; Wanner, Solving ODEs
 * II, IV.7, Theorem 7.3 and Table 7.1), generated from the same rooted trees as Butcher's.
 *
 * <p>In k_i = h f(y + Σ α_ij k_j) + hJ Σ γ_ij k_j (the diagonal γ_ii = γ included), f's m-th derivative
 * takes all its m arguments through α, while J contributes one more first-derivative term through γ.
 * So a vertex with exactly one child reaches it through B = (β_ij) = α + Γ (lower-triangular, γ on
 * the diagonal), and a vertex with two or more children reaches each through α. With that stage vector
 * u(t), the condition of tree t is b·u(t) = 1/γ(t), as for explicit methods; expanding γ out of B gives
 * H&amp;W's table (e.g. b·β = 1/2 − γ with their off-diagonal β). Rounded decimals are held to their
 * written digits as {@link OrderConditions} explains.
 */
final class RosenbrockOrderConditions {

    private RosenbrockOrderConditions() {}

    /** The violated conditions of orders 2..order for the given weights, in tree order. */
    static List<TableauProblem> check(Rosenbrock m, List<Rational> weights, String name, int order, TableauProblem.Part part) {
        StageVectors vectors = new StageVectors(m);
        List<TableauProblem> problems = new ArrayList<>();
        for (RootedTree tree : RootedTrees.upToOrder(order)) {
            if (tree.order() < 2) {
                continue;
            }
            Bounded phi = Bounded.EXACT_ZERO;
            List<Bounded> u = vectors.of(tree);
            for (int i = 0; i < m.stages(); i++) {
                phi = phi.plus(Bounded.coefficient(weights.get(i)).times(u.get(i)));
            }
            Rational expected = Rational.of(1, tree.density());
            if (!phi.admits(expected)) {
                problems.add(new TableauProblem(part, -1, "order " + tree.order() + " condition " + formula(tree, name)
                        + " = " + expected + " fails: " + phi.describeResidual(expected)));
            }
        }
        return problems;
    }

    /**
     * The condition's left side, e.g. {@code b·B·1}, {@code b·α²}, {@code b·(α·A·B·1)}: B is α + Γ, A is α,
     * and α = A·1 the nodes; products of stage vectors are componentwise.
     */
    static String formula(RootedTree tree, String weights) {
        return weights + "·" + vector(tree);
    }

    private static String vector(RootedTree tree) {
        if (tree.isLeaf()) {
            return "1";
        }
        if (tree.children().size() == 1) {
            return "B·" + vector(tree.children().getFirst());
        }
        Map<RootedTree, Integer> multiplicity = new TreeMap<>();
        tree.children().forEach(child -> multiplicity.merge(child, 1, Integer::sum));
        List<String> factors = new ArrayList<>();
        multiplicity.forEach((child, power) -> {
            String factor = child.isLeaf() ? "α" : "A·" + vector(child);
            String base = child.isLeaf() || power == 1 ? factor : "(" + factor + ")";
            factors.add(power == 1 ? base : base + superscript(power));
        });
        return factors.size() > 1 ? "(" + String.join("·", factors) + ")" : factors.getFirst();
    }

    private static String superscript(int n) {
        StringBuilder s = new StringBuilder();
        for (char digit : Integer.toString(n).toCharArray()) {
            s.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit - '0'));
        }
        return s.toString();
    }

    /** u(t) for each tree, memoised as in {@link OrderConditions}. */
    static final class StageVectors {
        private final Rosenbrock m;
        private final Map<RootedTree, List<Bounded>> memo = new HashMap<>();

        StageVectors(Rosenbrock m) {
            this.m = m;
        }

        List<Bounded> of(RootedTree tree) {
            List<Bounded> known = memo.get(tree);
            if (known != null) {
                return known;
            }
            List<Bounded> u = new ArrayList<>();
            boolean single = tree.children().size() == 1;
            for (int i = 0; i < m.stages(); i++) {
                Bounded product = Bounded.EXACT_ONE;
                for (RootedTree child : tree.children()) {
                    product = product.times(single ? throughBeta(child, i) : throughAlpha(child, i));
                }
                u.add(product);
            }
            memo.put(tree, u);
            return u;
        }

        /** (α·u(child))_i, j &lt; i. */
        private Bounded throughAlpha(RootedTree child, int i) {
            List<Bounded> u = of(child);
            Bounded sum = Bounded.EXACT_ZERO;
            for (int j = 0; j < i; j++) {
                sum = sum.plus(Bounded.coefficient(m.alpha(i, j)).times(u.get(j)));
            }
            return sum;
        }

        /** ((α + Γ)·u(child))_i, j ≤ i: the diagonal is γ. */
        private Bounded throughBeta(RootedTree child, int i) {
            List<Bounded> u = of(child);
            Bounded sum = Bounded.EXACT_ZERO;
            for (int j = 0; j <= i; j++) {
                Bounded beta = Bounded.coefficient(m.alpha(i, j)).plus(Bounded.coefficient(m.gamma(i, j)));
                sum = sum.plus(beta.times(u.get(j)));
            }
            return sum;
        }
    }
}
