package io.github.odec.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A rooted tree in Butcher's sense: a root with a multiset of subtrees. Each tree stands for one
 * elementary differential of the exact solution's Taylor series, hence for one order condition.
 * Children are kept in canonical (sorted) order, so two trees are equal exactly when they are
 * isomorphic, and record equality does the rest.
 */
public record RootedTree(List<RootedTree> children) implements Comparable<RootedTree> {

    /** The tree of one vertex, the condition sum(b) = 1. */
    public static final RootedTree LEAF = new RootedTree(List.of());

    public RootedTree {
        children = children.stream().sorted().toList();
    }

    /** The number of vertices, which is the order of the condition. */
    public int order() {
        int n = 1;
        for (RootedTree child : children) {
            n += child.order();
        }
        return n;
    }

    /** Butcher's density gamma(t): the condition is Phi(t) = 1/gamma(t). */
    public long density() {
        long gamma = order();
        for (RootedTree child : children) {
            gamma *= child.density();
        }
        return gamma;
    }

    public boolean isLeaf() {
        return children.isEmpty();
    }

    /**
     * The condition's left side as the weights applied to the stage vector, e.g. {@code b·c²},
     * {@code b·A·c}, {@code b·(c·A·c)}. After {@code b} the dot is a dot product; between stage
     * vectors it is the componentwise product; {@code A·v} is the matrix applied to v.
     */
    public String formula(String weights) {
        return weights + "·" + (isLeaf() ? "1" : grouped(factors()));
    }

    /** The stage vector of this tree as a componentwise product: one factor per distinct child, with its power. */
    private List<String> factors() {
        Map<RootedTree, Integer> multiplicity = new TreeMap<>();
        for (RootedTree child : children) {
            multiplicity.merge(child, 1, Integer::sum);
        }
        List<String> factors = new ArrayList<>();
        multiplicity.forEach((child, power) -> {
            String factor = child.isLeaf() ? "c" : "A·" + grouped(child.factors());
            String base = child.isLeaf() ? factor : "(" + factor + ")";
            factors.add(power == 1 ? factor : base + superscript(power));
        });
        return factors;
    }

    /** A product of several factors is bracketed where a matrix or the weights apply to all of it. */
    private static String grouped(List<String> factors) {
        String product = String.join("·", factors);
        return factors.size() > 1 ? "(" + product + ")" : product;
    }

    private static String superscript(int n) {
        StringBuilder s = new StringBuilder();
        for (char digit : Integer.toString(n).toCharArray()) {
            s.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(digit - '0'));
        }
        return s.toString();
    }

    /** Orders trees by order, then by their sorted children, lexicographically. */
    @Override
    public int compareTo(RootedTree o) {
        int byOrder = Integer.compare(order(), o.order());
        if (byOrder != 0) {
            return byOrder;
        }
        int n = Math.min(children.size(), o.children.size());
        for (int i = 0; i < n; i++) {
            int byChild = children.get(i).compareTo(o.children.get(i));
            if (byChild != 0) {
                return byChild;
            }
        }
        return Integer.compare(children.size(), o.children.size());
    }

    @Override
    public String toString() {
        return isLeaf() ? "τ" : "[" + String.join(",", children.stream().map(RootedTree::toString).toList()) + "]";
    }
}
