package io.github.odec.check;

import io.github.odec.model.Component;
import io.github.odec.model.Event;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Rational;
import io.github.odec.model.Rosenbrock;
import io.github.odec.model.Tableau;
import io.github.odec.parse.OwnStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Prints a checked model in a stable, readable text form: for golden tests and {@code odec check --print}.
 * Systems show their flat layout ({@code @first..last}), defaults, lets and derivatives in infix with
 * only the parentheses precedence needs; tableaus show exact rationals.
 */
public final class ModelPrinter {

    private ModelPrinter() {}

    /** The whole model, the standard library's tableaus included. */
    public static String print(OdeModel model) {
        return print(model, true);
    }

    /** The model; with {@code includeStandard} false, only the tableaus the file itself defines. */
    public static String print(OdeModel model, boolean includeStandard) {
        Set<String> standard = Frontend.standardTableaus().stream().map(Tableau::name).collect(Collectors.toSet());
        StringBuilder out = new StringBuilder("model ").append(model.sourceName()).append('\n');
        for (OdeSystem s : model.systems()) {
            // Expressions recurse as deep as the source nests: see OwnStack.
            out.append('\n').append(OwnStack.call("odec-print", () -> system(s)));
        }
        for (Tableau t : model.tableaus()) {
            if (includeStandard || !standard.contains(t.name())) {
                out.append('\n').append(tableau(t));
            }
        }
        Set<String> standardRosenbrocks = Frontend.standardRosenbrocks().stream().map(Rosenbrock::name).collect(Collectors.toSet());
        for (Rosenbrock r : model.rosenbrocks()) {
            if (includeStandard || !standardRosenbrocks.contains(r.name())) {
                out.append('\n').append(rosenbrock(r));
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------ systems

    public static String system(OdeSystem s) {
        StringBuilder out = new StringBuilder("system ").append(s.name()).append(": ")
                .append(count(s.stateCount(), "state")).append(", ").append(count(s.paramCount(), "param")).append(", ")
                .append(count(s.lets().size(), "let")).append('\n');
        s.states().forEach(c -> out.append("  state ").append(component(c)).append('\n'));
        s.params().forEach(c -> out.append("  param ").append(component(c)).append('\n'));
        for (var let : s.lets()) {
            out.append("  let ").append(let.name()).append(" = ").append(expression(let.value(), s)).append('\n');
        }
        List<String> names = s.stateNames();
        for (int i = 0; i < s.stateCount(); i++) {
            out.append("  ").append(names.get(i)).append("' = ").append(expression(s.derivatives().get(i), s)).append('\n');
        }
        for (var o : s.observes()) {
            out.append("  observe ").append(o.name()).append(" = ").append(o.reduction().keyword()).append('(')
                    .append(expression(o.argument(), s)).append(")\n");
        }
        s.events().forEach(e -> out.append("  ").append(event(e, s)).append('\n'));
        return out.toString();
    }

    /** {@code event bounce: g = h - 0 falling, reset v = -e * v}: the checked form, g spelled out. */
    private static String event(Event e, OdeSystem s) {
        String head = "event " + e.name() + ": g = " + expression(e.g(), s) + " " + e.crossing().name().toLowerCase(java.util.Locale.ROOT);
        return head + switch (e.action()) {
            case Event.Action.Record r -> ", record";
            case Event.Action.Terminate t -> ", terminate";
            case Event.Action.Reset r when r.assignments().isEmpty() -> ", reset nothing";
            case Event.Action.Reset r -> ", reset " + r.assignments().stream()
                    .map(a -> s.stateNames().get(a.state()) + " = " + expression(a.value(), s)).collect(Collectors.joining("; "));
        };
    }

    private static String component(Component c) {
        String layout = c.length() == 1 ? "@" + c.offset() : "@" + c.offset() + ".." + (c.offset() + c.length() - 1);
        String name = c.array() ? c.name() + "[" + c.length() + "]" : c.name();
        String defaults = c.hasDefaults()
                ? " = " + c.defaults().stream().map(ModelPrinter::number).collect(Collectors.joining(", "))
                : "";
        return name + " " + layout + defaults;
    }

    /** An expression in infix, names as users write them. */
    public static String expression(Expr e, OdeSystem s) {
        return switch (e) {
            case Expr.Num n -> number(n.value());
            case Expr.StateRef r -> s.stateNames().get(r.index());
            case Expr.ParamRef r -> s.paramNames().get(r.index());
            case Expr.LetRef r -> s.lets().get(r.index()).name();
            case Expr.Time t -> "t";
            case Expr.Unary u -> (u.op() == Expr.UnaryOp.NEG ? "-" : "!") + operand(u.operand(), s, UNARY, false);
            case Expr.Binary b -> {
                int p = precedence(b);
                boolean rightAssociative = b.op() == Expr.BinaryOp.POW;
                yield operand(b.left(), s, p, rightAssociative) + " " + symbol(b.op()) + " "
                        + operand(b.right(), s, p, !rightAssociative);
            }
            case Expr.Call c -> {
                List<String> args = new ArrayList<>(); // a loop, not a stream: this recursion is as deep as the nesting
                for (Expr a : c.args()) {
                    args.add(expression(a, s));
                }
                yield c.function().sourceName() + "(" + String.join(", ", args) + ")";
            }
            case Expr.Conditional c -> operand(c.condition(), s, CONDITIONAL, true) + " ? "
                    + operand(c.then(), s, CONDITIONAL, true) + " : " + expression(c.otherwise(), s);
        };
    }

    private static final int CONDITIONAL = 1;
    private static final int UNARY = 8;
    private static final int ATOM = 10;

    /** Parenthesised when it binds looser than its context (or equally, on the non-associative side). */
    private static String operand(Expr e, OdeSystem s, int context, boolean strict) {
        int p = precedence(e);
        String text = expression(e, s);
        return p < context || (strict && p == context) ? "(" + text + ")" : text;
    }

    private static int precedence(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value() < 0 || (n.value() == 0 && 1 / n.value() < 0) ? UNARY : ATOM;
            case Expr.Unary u -> UNARY;
            case Expr.Conditional c -> CONDITIONAL;
            case Expr.Binary b -> switch (b.op()) {
                case OR -> 2;
                case AND -> 3;
                case EQ, NE -> 4;
                case LT, LE, GT, GE -> 5;
                case ADD, SUB -> 6;
                case MUL, DIV -> 7;
                case POW -> 9;
            };
            default -> ATOM;
        };
    }

    private static String symbol(Expr.BinaryOp op) {
        return switch (op) {
            case ADD -> "+";
            case SUB -> "-";
            case MUL -> "*";
            case DIV -> "/";
            case POW -> "^";
            case LT -> "<";
            case LE -> "<=";
            case GT -> ">";
            case GE -> ">=";
            case EQ -> "==";
            case NE -> "!=";
            case AND -> "&&";
            case OR -> "||";
        };
    }

    /** Integers without a decimal point, other values in Java's shortest round-trip form. */
    public static String number(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    // ------------------------------------------------------------ tableaus

    public static String tableau(Tableau t) {
        StringBuilder out = new StringBuilder("tableau ").append(t.name()).append(": order ").append(t.order());
        t.embeddedOrder().ifPresent(e -> out.append(", embedded ").append(e));
        if (t.fsal()) {
            out.append(", fsal");
        }
        out.append(", ").append(count(t.stages(), "stage")).append('\n');
        out.append("  c = ").append(rationals(t.c())).append('\n');
        for (int i = 1; i < t.stages(); i++) {
            out.append("  a[").append(i).append("] = ").append(rationals(t.a().get(i))).append('\n');
        }
        out.append("  b = ").append(rationals(t.b())).append('\n');
        t.bhat().ifPresent(bhat -> out.append("  bhat = ").append(rationals(bhat)).append('\n'));
        if (t.interp().isPresent()) {
            List<List<Rational>> rows = t.interp().get();
            for (int i = 0; i < rows.size(); i++) {
                out.append("  interp[").append(i).append("] = ").append(rationals(rows.get(i))).append('\n');
            }
        } else {
            out.append("  dense output: cubic Hermite\n");
        }
        return out.toString();
    }

    public static String rosenbrock(Rosenbrock r) {
        StringBuilder out = new StringBuilder("rosenbrock ").append(r.name()).append(": order ").append(r.order());
        r.embeddedOrder().ifPresent(e -> out.append(", embedded ").append(e));
        out.append(", ").append(count(r.stages(), "stage")).append('\n');
        out.append("  gamma = ").append(r.gamma()).append('\n');
        for (int i = 1; i < r.stages(); i++) {
            out.append("  alpha[").append(i).append("] = ").append(rationals(r.alpha().get(i))).append('\n');
        }
        for (int i = 1; i < r.stages(); i++) {
            out.append("  gamma[").append(i).append("] = ").append(rationals(r.gammas().get(i))).append('\n');
        }
        out.append("  b = ").append(rationals(r.b())).append('\n');
        r.bhat().ifPresent(bhat -> out.append("  bhat = ").append(rationals(bhat)).append('\n'));
        if (r.dense().isPresent()) {
            List<List<Rational>> rows = r.dense().get();
            for (int i = 0; i < rows.size(); i++) {
                out.append("  interp[").append(i).append("] = ").append(rationals(rows.get(i))).append('\n');
            }
        } else {
            out.append("  dense output: cubic Hermite\n");
        }
        return out.toString();
    }

    private static String rationals(List<Rational> values) {
        return values.stream().map(Rational::toString).collect(Collectors.joining(", "));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
