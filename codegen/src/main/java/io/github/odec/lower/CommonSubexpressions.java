package io.github.odec.lower;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Common-subexpression elimination by hash-consing: structurally equal subtrees are one value; a
 * value used more than once is computed into a local before its first use, a value used once stays
 * inline. Only valid for pure expressions, which is all the dynamics are.
 *
 * <p>Lowered dynamics are DAGs (a let is one IR value wherever it is used), and a chain of lets can
 * make them very deep and, unfolded, exponentially large. So nothing here recurses or relies on the
 * records' own {@code hashCode}/{@code equals}, which walk the whole unfolded tree: every node gets
 * a canonical number once, by identity, from its kind and its children's numbers, and all walks
 * use explicit stacks. A rewritten expression taller than {@link #MAX_INLINE_HEIGHT} is put into a
 * local as well, so that the printers and the Java and CUDA compilers downstream only ever see
 * expressions of bounded depth, however deep the source or its lets nest.
 */
final class CommonSubexpressions {

    /** The tallest expression left inline; taller ones are cut into locals. */
    static final int MAX_INLINE_HEIGHT = 64;

    /** What makes an inner node itself: its record type, its operator or function, and its children's numbers. */
    private record Shape(Class<?> kind, Object detail, List<Integer> children) {}

    private final IdentityHashMap<IrExpr, Integer> ids = new IdentityHashMap<>();
    private final Map<Object, Integer> canonical = new HashMap<>();
    private final Map<Integer, Integer> uses = new HashMap<>();
    private final Map<Integer, Local> hoisted = new HashMap<>();
    private final Map<Integer, String> preferredNames = new HashMap<>();
    private final StatementBuilder out;
    private final String prefix;
    private int temps;

    /**
     * @param preferredNames names for values that have one in the source (lets), in source order: the first
     *     name given to a value is the one it keeps when it is hoisted
     */
    CommonSubexpressions(StatementBuilder out, String prefix, List<Map.Entry<IrExpr, String>> preferredNames) {
        this.out = out;
        this.prefix = prefix;
        for (Map.Entry<IrExpr, String> named : preferredNames) {
            this.preferredNames.putIfAbsent(id(named.getKey()), identifier(named.getValue()));
        }
    }

    /**
     * A let's model name as part of a target-language identifier: a let inside a loop is named
     * {@code l[i=0,j=2]} in the checked model, which becomes {@code l_i0_j2}.
     */
    static String identifier(String modelName) {
        String s = modelName.replace("[", "_").replace("]", "").replace("=", "").replace(",", "_");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c < 128 && (Character.isLetterOrDigit(c) || c == '_') ? c : '_');
        }
        return b.toString();
    }

    /** Rewrites the roots so that every shared subtree is read from a local declared in {@code out}. */
    List<IrExpr> apply(List<IrExpr> roots) {
        for (IrExpr r : roots) {
            count(r);
        }
        List<IrExpr> result = new ArrayList<>();
        for (IrExpr r : roots) {
            result.add(rewrite(r));
        }
        return result;
    }

    /** The canonical number of {@code e}: equal for structurally equal expressions. */
    private int id(IrExpr root) {
        Integer known = ids.get(root);
        if (known != null) {
            return known;
        }
        // Post-order with an explicit stack: a node is numbered once all its children are.
        Deque<IrExpr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            IrExpr e = stack.peek();
            if (ids.containsKey(e)) {
                stack.pop();
                continue;
            }
            List<IrExpr> children = isLeaf(e) ? List.of() : children(e);
            boolean ready = true;
            for (int i = children.size() - 1; i >= 0; i--) {
                if (!ids.containsKey(children.get(i))) {
                    stack.push(children.get(i));
                    ready = false;
                }
            }
            if (!ready) {
                continue;
            }
            stack.pop();
            Object key;
            if (isLeaf(e)) {
                key = e; // leaves are shallow, so their own equality is cheap
            } else {
                List<Integer> childIds = new ArrayList<>(children.size());
                for (IrExpr c : children) {
                    childIds.add(ids.get(c));
                }
                key = new Shape(e.getClass(), detail(e), childIds);
            }
            ids.put(e, canonical.computeIfAbsent(key, k -> canonical.size()));
        }
        return ids.get(root);
    }

    private void count(IrExpr root) {
        Deque<IrExpr> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            IrExpr e = stack.pop();
            if (isLeaf(e)) {
                continue;
            }
            // The children of a value seen before are not counted again: they are computed once, with it.
            if (uses.merge(id(e), 1, Integer::sum) == 1) {
                children(e).forEach(stack::push);
            }
        }
    }

    /** A node being rewritten: its children rewritten so far, left to right, and the height of the tallest. */
    private static final class Frame {
        final IrExpr node;
        final List<IrExpr> children;
        final List<IrExpr> rebuilt = new ArrayList<>();
        int height;

        Frame(IrExpr node, List<IrExpr> children) {
            this.node = node;
            this.children = children;
        }
    }

    /** A rewritten expression and its height (0 for a leaf or a local). */
    private record Result(IrExpr expr, int height) {}

    private IrExpr rewrite(IrExpr root) {
        Deque<Frame> stack = new ArrayDeque<>();
        Result done = enter(root, stack);
        while (!stack.isEmpty()) {
            Frame top = stack.peek();
            if (done != null) {
                top.rebuilt.add(done.expr());
                top.height = Math.max(top.height, done.height() + 1);
                done = null;
            }
            if (top.rebuilt.size() < top.children.size()) {
                done = enter(top.children.get(top.rebuilt.size()), stack);
                continue;
            }
            stack.pop();
            done = finish(top);
        }
        return done.expr();
    }

    /** A leaf or an already hoisted value at once; otherwise a new frame on the stack and null. */
    private Result enter(IrExpr e, Deque<Frame> stack) {
        if (isLeaf(e)) {
            return new Result(e, 0);
        }
        Local local = hoisted.get(id(e));
        if (local != null) {
            return new Result(Ir.read(local), 0);
        }
        stack.push(new Frame(e, children(e)));
        return null;
    }

    private Result finish(Frame f) {
        int id = id(f.node);
        IrExpr rebuilt = rebuild(f.node, f.rebuilt);
        int height = Math.max(1, f.height);
        if (uses.getOrDefault(id, 0) > 1 || height >= MAX_INLINE_HEIGHT) {
            String name = preferredNames.containsKey(id) ? prefix + "_" + preferredNames.get(id) : prefix + "_v" + temps++;
            Local l = out.declare(out.fresh(name), f.node.type(), rebuilt);
            hoisted.put(id, l);
            return new Result(Ir.read(l), 0);
        }
        return new Result(rebuilt, height);
    }

    private static IrExpr rebuild(IrExpr e, List<IrExpr> c) {
        return switch (e) {
            case IrExpr.Negate n -> new IrExpr.Negate(c.get(0));
            case IrExpr.Arith(var op, IrExpr l, IrExpr r) -> new IrExpr.Arith(op, c.get(0), c.get(1));
            case IrExpr.Compare(var op, IrExpr l, IrExpr r) -> new IrExpr.Compare(op, c.get(0), c.get(1));
            case IrExpr.Logic(var op, IrExpr l, IrExpr r) -> new IrExpr.Logic(op, c.get(0), c.get(1));
            case IrExpr.Not n -> new IrExpr.Not(c.get(0));
            case IrExpr.Select s -> new IrExpr.Select(c.get(0), c.get(1), c.get(2));
            case IrExpr.Call(var f, List<IrExpr> args) -> new IrExpr.Call(f, c);
            case IrExpr.Load(var buf, IrExpr index) -> new IrExpr.Load(buf, c.get(0));
            case IrExpr.ArrayElement(var array, IrExpr index) -> new IrExpr.ArrayElement(array, c.get(0));
            case IrExpr.IntToReal x -> new IrExpr.IntToReal(c.get(0));
            default -> e;
        };
    }

    /** The part of an inner node that is not its children. */
    private static Object detail(IrExpr e) {
        return switch (e) {
            case IrExpr.Arith(var op, IrExpr l, IrExpr r) -> op;
            case IrExpr.Compare(var op, IrExpr l, IrExpr r) -> op;
            case IrExpr.Logic(var op, IrExpr l, IrExpr r) -> op;
            case IrExpr.Call(var f, List<IrExpr> args) -> f;
            case IrExpr.Load(var buf, IrExpr index) -> buf;
            case IrExpr.ArrayElement(var array, IrExpr index) -> array;
            default -> "";
        };
    }

    private static List<IrExpr> children(IrExpr e) {
        return switch (e) {
            case IrExpr.Negate(IrExpr x) -> List.of(x);
            case IrExpr.Arith(var op, IrExpr l, IrExpr r) -> List.of(l, r);
            case IrExpr.Compare(var op, IrExpr l, IrExpr r) -> List.of(l, r);
            case IrExpr.Logic(var op, IrExpr l, IrExpr r) -> List.of(l, r);
            case IrExpr.Not(IrExpr x) -> List.of(x);
            case IrExpr.Select(IrExpr c, IrExpr a, IrExpr b) -> List.of(c, a, b);
            case IrExpr.Call(var f, List<IrExpr> args) -> args;
            case IrExpr.Load(var buf, IrExpr index) -> List.of(index);
            case IrExpr.ArrayElement(var array, IrExpr index) -> List.of(index);
            case IrExpr.IntToReal(IrExpr x) -> List.of(x);
            case IrExpr.RealLiteral r -> List.of();
            case IrExpr.IntLiteral i -> List.of();
            case IrExpr.BoolLiteral b -> List.of();
            case IrExpr.Read r -> List.of();
            case IrExpr.CoefficientRef c -> List.of();
            case IrExpr.EvalCount c -> List.of();
        };
    }

    /** Leaves cost nothing to recompute: literals, locals, array elements at constant indices, a negated local. */
    private static boolean isLeaf(IrExpr e) {
        return switch (e) {
            case IrExpr.RealLiteral r -> true;
            case IrExpr.IntLiteral i -> true;
            case IrExpr.BoolLiteral b -> true;
            case IrExpr.Read r -> true;
            case IrExpr.CoefficientRef c -> true;
            case IrExpr.EvalCount c -> true;
            case IrExpr.ArrayElement(var array, IrExpr index) -> index instanceof IrExpr.IntLiteral;
            case IrExpr.Negate(IrExpr x) -> x instanceof IrExpr.Read;
            default -> false;
        };
    }
}
