package io.github.odec.check;

import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Walks over checked model expressions, for tests that look at every node. */
public final class ExprTrees {

    private ExprTrees() {}

    public static List<Expr> children(Expr e) {
        return switch (e) {
            case Expr.Unary u -> List.of(u.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Call c -> c.args();
            case Expr.Conditional c -> List.of(c.condition(), c.then(), c.otherwise());
            case Expr.Num n -> List.of();
            case Expr.StateRef s -> List.of();
            case Expr.ParamRef p -> List.of();
            case Expr.LetRef l -> List.of();
            case Expr.Time t -> List.of();
        };
    }

    /** Every node of the system's lets and derivatives (a let's value once, not at each use). */
    public static List<Expr> nodes(OdeSystem system) {
        Deque<Expr> todo = new ArrayDeque<>(system.derivatives());
        system.lets().forEach(l -> todo.push(l.value()));
        List<Expr> all = new ArrayList<>();
        while (!todo.isEmpty()) {
            Expr e = todo.pop();
            all.add(e);
            children(e).forEach(todo::push);
        }
        return all;
    }
}
