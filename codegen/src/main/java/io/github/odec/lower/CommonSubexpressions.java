package io.github.odec.lower;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Common-subexpression elimination by hash-consing: structurally equal subtrees (IR nodes are
 * records, so equality is structural) are one value; a value used more than once is computed into a
 * local before its first use, a value used once stays inline. Only valid for pure expressions, which
 * is all the dynamics are.
 */
final class CommonSubexpressions {

    private final Map<IrExpr, Integer> uses = new HashMap<>();
    private final Map<IrExpr, Local> hoisted = new HashMap<>();
    private final Map<IrExpr, String> preferredNames;
    private final StatementBuilder out;
    private final String prefix;
    private int temps;

    /**
     * @param preferredNames names for values that have one in the source (lets), used when hoisted
     */
    CommonSubexpressions(StatementBuilder out, String prefix, Map<IrExpr, String> preferredNames) {
        this.out = out;
        this.prefix = prefix;
        this.preferredNames = preferredNames;
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

    private void count(IrExpr e) {
        if (isLeaf(e)) {
            return;
        }
        // The children of a value seen before are not counted again: they are computed once, with it.
        if (uses.merge(e, 1, Integer::sum) == 1) {
            children(e).forEach(this::count);
        }
    }

    private IrExpr rewrite(IrExpr e) {
        if (isLeaf(e)) {
            return e;
        }
        Local done = hoisted.get(e);
        if (done != null) {
            return Ir.read(done);
        }
        IrExpr rebuilt = rebuild(e);
        if (uses.getOrDefault(e, 0) > 1) {
            String base = preferredNames.containsKey(e) ? prefix + "_" + preferredNames.get(e) : prefix + "_v" + temps++;
            Local l = out.declare(out.fresh(base), e.type(), rebuilt);
            hoisted.put(e, l);
            return Ir.read(l);
        }
        return rebuilt;
    }

    private IrExpr rebuild(IrExpr e) {
        return switch (e) {
            case IrExpr.Negate(IrExpr x) -> new IrExpr.Negate(rewrite(x));
            case IrExpr.Arith(var op, IrExpr l, IrExpr r) -> new IrExpr.Arith(op, rewrite(l), rewrite(r));
            case IrExpr.Compare(var op, IrExpr l, IrExpr r) -> new IrExpr.Compare(op, rewrite(l), rewrite(r));
            case IrExpr.Logic(var op, IrExpr l, IrExpr r) -> new IrExpr.Logic(op, rewrite(l), rewrite(r));
            case IrExpr.Not(IrExpr x) -> new IrExpr.Not(rewrite(x));
            case IrExpr.Select(IrExpr c, IrExpr a, IrExpr b) -> new IrExpr.Select(rewrite(c), rewrite(a), rewrite(b));
            case IrExpr.Call(var f, List<IrExpr> args) -> new IrExpr.Call(f, args.stream().map(this::rewrite).toList());
            case IrExpr.Load(var buf, IrExpr index) -> new IrExpr.Load(buf, rewrite(index));
            case IrExpr.ArrayElement(var array, IrExpr index) -> new IrExpr.ArrayElement(array, rewrite(index));
            case IrExpr.IntToReal(IrExpr x) -> new IrExpr.IntToReal(rewrite(x));
            default -> e;
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
