package io.github.odec.derive;

import io.github.odec.model.Binding;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.ArrayList;
import java.util.List;

/** The system's lets followed by the derivative lets of every variable, in dependency order. */
final class DerivativeLets {

    private final List<Binding> all;

    DerivativeLets(OdeSystem system) {
        all = new ArrayList<>(system.lets());
    }

    /** {@code value} itself when cheap to repeat, else a new let holding it. */
    Expr bind(String name, Expr value) {
        if (cheap(value)) {
            return value;
        }
        all.add(new Binding(name, value));
        return new Expr.LetRef(all.size() - 1);
    }

    List<Binding> all() {
        return List.copyOf(all);
    }

    private static boolean cheap(Expr e) {
        return leaf(e) || e instanceof Expr.Unary u && leaf(u.operand());
    }

    private static boolean leaf(Expr e) {
        return switch (e) {
            case Expr.Num n -> true;
            case Expr.StateRef s -> true;
            case Expr.ParamRef p -> true;
            case Expr.LetRef l -> true;
            case Expr.Time t -> true;
            case Expr.Unary u -> false;
            case Expr.Binary b -> false;
            case Expr.Call c -> false;
            case Expr.Conditional c -> false;
        };
    }
}
