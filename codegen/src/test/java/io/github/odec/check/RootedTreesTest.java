package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RootedTreesTest {

    private static final RootedTree T = RootedTree.LEAF;

    private static RootedTree tree(RootedTree... children) {
        return new RootedTree(List.of(children));
    }

    @Test
    void countsAreTheNumbersOfRootedTrees() {
        // OEIS A000081: 1, 1, 2, 4, 9, 20, 48, 115 trees of orders 1..8.
        List<RootedTree> trees = RootedTrees.upToOrder(8);
        Map<Integer, Long> perOrder = trees.stream().collect(Collectors.groupingBy(RootedTree::order, Collectors.counting()));
        assertEquals(Map.of(1, 1L, 2, 1L, 3, 2L, 4, 4L, 5, 9L, 6, 20L, 7, 48L, 8, 115L), perOrder);
        assertEquals(trees.size(), new HashSet<>(trees).size(), "each tree once");
    }

    @Test
    void childOrderDoesNotMatter() {
        assertEquals(tree(T, tree(T)), tree(tree(T), T));
    }

    @Test
    void orderFourTreesHaveTheirDensitiesAndFormulas() {
        // Hairer, Norsett & Wanner, Table II.2.2: the order 4 conditions and their gamma.
        List<RootedTree> four = RootedTrees.upToOrder(4).stream().filter(t -> t.order() == 4).toList();
        Map<String, Long> densityByFormula = four.stream()
                .collect(Collectors.toMap(t -> t.formula("b"), RootedTree::density));
        assertEquals(Map.of("b·c³", 4L, "b·(c·A·c)", 8L, "b·A·c²", 12L, "b·A·A·c", 24L), densityByFormula);
    }

    @Test
    void formulasBracketProductsAndPowers() {
        assertEquals("b·1", T.formula("b"));
        assertEquals("b·c", tree(T).formula("b"));
        assertEquals("bhat·A·c", tree(tree(T)).formula("bhat"));
        assertEquals("b·(A·c)²", tree(tree(T), tree(T)).formula("b"));
        assertEquals("b·A·(c·A·c)", tree(tree(T, tree(T))).formula("b"));
        assertEquals("b·(c²·A·c)", tree(T, T, tree(T)).formula("b"));
        assertEquals("b·(c·A·c²)", tree(T, tree(T, T)).formula("b"));
        assertEquals(5 * 2 * 2, tree(tree(T), tree(T)).density());
        assertEquals(720, tree(tree(tree(tree(tree(T))))).density());
    }
}
