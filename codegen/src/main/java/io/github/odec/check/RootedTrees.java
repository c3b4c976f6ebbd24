package io.github.odec.check;

import java.util.ArrayList;
import java.util.List;

/** Generates every rooted tree up to a given order, each once (counts 1, 1, 2, 4, 9, 20, 48, 115, ...). */
public final class RootedTrees {

    private RootedTrees() {}

    /** All trees of orders 1..maxOrder, by order, each order's trees in canonical order. */
    public static List<RootedTree> upToOrder(int maxOrder) {
        List<RootedTree> all = new ArrayList<>();
        for (int n = 1; n <= maxOrder; n++) {
            List<RootedTree> ofOrder = new ArrayList<>();
            // A tree of order n is a root over a multiset of smaller trees whose orders sum to n - 1.
            // Choosing children in non-increasing position in `all` yields each multiset exactly once.
            addChildMultisets(all, n - 1, all.size() - 1, new ArrayList<>(), ofOrder);
            all.addAll(ofOrder.stream().sorted().toList());
        }
        return List.copyOf(all);
    }

    private static void addChildMultisets(List<RootedTree> smaller, int remaining, int maxIndex,
                                          List<RootedTree> chosen, List<RootedTree> out) {
        if (remaining == 0) {
            out.add(new RootedTree(chosen));
            return;
        }
        for (int i = maxIndex; i >= 0; i--) {
            RootedTree child = smaller.get(i);
            if (child.order() <= remaining) {
                chosen.add(child);
                addChildMultisets(smaller, remaining - child.order(), i, chosen, out);
                chosen.removeLast();
            }
        }
    }
}
