package io.github.odec.check;

import io.github.odec.model.Expr;
import java.util.Deque;

/**
 * The operands of a checked expression, for the walks over the model that keep their own stack
 * instead of recursing (lets and unrolled loops make expressions deep). A let reference is a leaf:
 * a walk that follows lets does so itself.
 */
final class ExprChildren {

    private ExprChildren() {}

    static void push(Expr e, Deque<Expr> stack) {
        switch (e) {
            case Expr.Num x -> { }
            case Expr.StateRef x -> { }
            case Expr.ParamRef x -> { }
            case Expr.LetRef x -> { }
            case Expr.Time x -> { }
            case Expr.Unary u -> stack.push(u.operand());
            case Expr.Binary b -> {
                stack.push(b.left());
                stack.push(b.right());
            }
            case Expr.Call c -> c.args().forEach(stack::push);
            case Expr.Conditional c -> {
                stack.push(c.condition());
                stack.push(c.then());
                stack.push(c.otherwise());
            }
        }
    }
}
