package io.github.odec.derive;

import static io.github.odec.derive.Algebra.ONE;
import static io.github.odec.derive.Algebra.ZERO;
import static io.github.odec.derive.Algebra.add;
import static io.github.odec.derive.Algebra.div;
import static io.github.odec.derive.Algebra.mul;
import static io.github.odec.derive.Algebra.neg;
import static io.github.odec.derive.Algebra.select;
import static io.github.odec.derive.Algebra.sub;

import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.SourceFile;
import io.github.odec.diag.Span;
import io.github.odec.model.Binding;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Forward-mode symbolic differentiation of a system's expressions with respect to one variable.
 * A let's derivative is computed once and, unless it is a leaf, becomes a let of its own in
 * {@link DerivativeLets} (the chain rule through lets), so every use shares it, as the dynamics share the let.
 */
final class Differentiator {

    private final OdeSystem system;
    private final Variable variable;
    private final DerivativeLets lets;
    private final Diagnostics diagnostics;
    private final Map<Integer, Expr> letDerivatives = new HashMap<>();

    Differentiator(OdeSystem system, Variable variable, DerivativeLets lets, Diagnostics diagnostics) {
        this.system = system;
        this.variable = variable;
        this.lets = lets;
        this.diagnostics = diagnostics;
    }

    /** The derivative of a number-valued expression (after reporting, zero for a part without one). */
    Expr derivative(Expr e) {
        return derivative(e, e);
    }

    /** {@code value} is what computes {@code e} where a rule reuses it: {@code e} itself, or its let. */
    private Expr derivative(Expr e, Expr value) {
        return switch (e) {
            case Expr.Num n -> ZERO;
            case Expr.StateRef s -> variable instanceof Variable.State(int i) && i == s.index() ? ONE : ZERO;
            case Expr.ParamRef p -> variable instanceof Variable.Param(int i) && i == p.index() ? ONE : ZERO;
            case Expr.Time t -> variable instanceof Variable.Time ? ONE : ZERO;
            case Expr.LetRef l -> let(l.index());
            case Expr.Unary u -> switch (u.op()) {
                case NEG -> neg(derivative(u.operand()));
                case NOT -> throw notANumber(e);
            };
            case Expr.Binary b -> binary(b, value);
            case Expr.Call c -> call(c, value);
            // Piecewise: the derivative of each branch; the condition is constant where it does not switch.
            case Expr.Conditional c -> select(c.condition(), derivative(c.then()), derivative(c.otherwise()));
        };
    }

    private Expr let(int index) {
        Expr known = letDerivatives.get(index);
        if (known != null) {
            return known;
        }
        Binding let = system.lets().get(index);
        Expr d = lets.bind("d(" + let.name() + ")/d(" + variable.name(system) + ")",
                derivative(let.value(), new Expr.LetRef(index)));
        letDerivatives.put(index, d);
        return d;
    }

    private Expr binary(Expr.Binary b, Expr value) {
        Expr l = b.left();
        Expr r = b.right();
        return switch (b.op()) {
            case ADD -> add(derivative(l), derivative(r));
            case SUB -> sub(derivative(l), derivative(r));
            case MUL -> add(mul(derivative(l), r), mul(l, derivative(r)));
            // (a/b)' = (a' - (a/b) b') / b, reusing the quotient
            case DIV -> div(sub(derivative(l), mul(value, derivative(r))), r);
            case POW -> DerivativeRules.power(l, r, value, derivative(l), derivative(r));
            case LT, LE, GT, GE, EQ, NE, AND, OR -> throw notANumber(b);
        };
    }

    private Expr call(Expr.Call c, Expr value) {
        List<Expr> d = c.args().stream().map(this::derivative).toList();
        if (d.stream().allMatch(Algebra::isZero)) {
            return ZERO;
        }
        Optional<Expr> rule = DerivativeRules.derivative(c.function(), c.args(), value, d);
        if (rule.isEmpty()) {
            DeriveError.NO_DERIVATIVE.report(diagnostics, where(c), "'" + c.function().sourceName()
                    + "' has no derivative, but its argument depends on " + variable.describe(system)
                    + "; write the pieces as a conditional (c ? a : b) to differentiate each one");
            return ZERO;
        }
        return rule.get();
    }

    private Span where(Expr e) {
        return e.origin().location().orElseGet(() -> new Span(new SourceFile("system " + system.name(), ""), 1, 1, 0, 0));
    }

    /** Conditions occur only as conditions of {@code ?:}, which is not differentiated through them. */
    private static IllegalArgumentException notANumber(Expr e) {
        return new IllegalArgumentException("a condition is not a number to differentiate: " + e);
    }
}
