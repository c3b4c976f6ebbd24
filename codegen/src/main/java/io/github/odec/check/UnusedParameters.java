package io.github.odec.check;

import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import io.github.odec.model.Binding;
import io.github.odec.model.Component;
import io.github.odec.model.Expr;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Warns of parameters that no derivative (nor event) reads: usually a typo (the derivative names another
 * parameter or a literal), and a column of the batch that changes nothing. A parameter read only by
 * a let that no derivative uses counts as unused too. An array parameter counts as used when any of
 * its elements is read.
 */
final class UnusedParameters {

    private UnusedParameters() {}

    static void report(List<Component> params, Map<Component, Span> declarations, List<Binding> lets,
                       List<Expr> derivatives, Diagnostics diagnostics) {
        BitSet read = read(lets, derivatives);  // derivatives: with the events' expressions
        for (Component p : params) {
            if (read.get(p.offset(), p.offset() + p.length()).isEmpty()) {
                CheckWarning.UNUSED_PARAMETER.report(diagnostics, declarations.get(p), "parameter '" + p.name()
                        + "' is never used" + (p.array() ? " (none of its " + p.length() + " elements)" : "")
                        + "; no derivative depends on it");
            }
        }
    }

    /**
     * The flat indices of the parameters the derivatives read. Without recursion, and each node once
     * (by identity): lets make the dynamics a DAG that is exponentially large unfolded.
     */
    private static BitSet read(List<Binding> lets, List<Expr> derivatives) {
        BitSet read = new BitSet();
        Set<Expr> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Expr> pending = new ArrayDeque<>(derivatives);
        while (!pending.isEmpty()) {
            Expr e = pending.pop();
            if (!seen.add(e)) {
                continue;
            }
            switch (e) {
                case Expr.ParamRef p -> read.set(p.index());
                case Expr.LetRef l -> pending.push(lets.get(l.index()).value());
                default -> ExprChildren.push(e, pending);
            }
        }
        return read;
    }
}
