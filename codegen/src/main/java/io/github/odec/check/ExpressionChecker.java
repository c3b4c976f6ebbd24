package io.github.odec.check;

import io.github.odec.ast.Expression;
import io.github.odec.ast.Identifier;
import io.github.odec.ast.SystemItem.ComponentKind;
import io.github.odec.diag.Diagnostics;
import io.github.odec.diag.Span;
import io.github.odec.model.Component;
import io.github.odec.model.Expr;
import io.github.odec.model.MathFunction;
import io.github.odec.model.Origin;
import io.github.odec.parse.OdecParsing;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Resolves and type-checks expressions of a system against a {@link Scope}: names to flat indices,
 * constants, loop variables and {@code pi} to numbers, index expressions to checked integers.
 * Errors are reported once, where they occur; an expression that already failed is {@link Type#INVALID}
 * and stays silent upstream so that one mistake gives one message.
 */
final class ExpressionChecker {

    enum Type { NUMBER, CONDITION, INVALID }

    record Typed(Expr expr, Type type) {
        static final Typed INVALID = new Typed(new Expr.Num(Double.NaN), Type.INVALID);
    }

    private static final List<String> FUNCTION_NAMES = Arrays.stream(MathFunction.values())
            .map(MathFunction::sourceName).toList();

    private final Scope scope;
    private final Diagnostics diagnostics;
    private final Map<Expression, Boolean> nestingChecked = new IdentityHashMap<>();

    ExpressionChecker(Scope scope, Diagnostics diagnostics) {
        this.scope = scope;
        this.diagnostics = diagnostics;
    }

    /** A number-valued expression, e.g. a derivative or let; empty after reporting a problem. */
    Optional<Expr> number(Expression e, String what) {
        if (!shallow(e)) {
            return Optional.empty();
        }
        Typed t = check(e);
        return switch (t.type()) {
            case NUMBER -> Optional.of(t.expr());
            case CONDITION -> {
                CheckError.TYPE_MISMATCH.report(diagnostics, e.span(),
                        what + " is a condition (true or false) but must be a number; write cond ? 1 : 0 for one");
                yield Optional.empty();
            }
            case INVALID -> Optional.empty();
        };
    }

    /** A compile-time number (constants, loop variables, pi and arithmetic on them). */
    OptionalDouble constant(Expression e, String what) {
        Optional<Expr> checked = number(e, what);
        if (checked.isEmpty()) {
            return OptionalDouble.empty();
        }
        OptionalDouble value = ConstantFolding.evaluate(checked.get());
        if (value.isEmpty()) {
            reportNotConstant(e, what);
        }
        return value;
    }

    /** A compile-time integer, e.g. an array size, a loop bound or an index. */
    OptionalInt integer(Expression e, String what) {
        OptionalDouble value = constant(e, what);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        double v = value.getAsDouble();
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE / 2) {
            CheckError.NOT_AN_INTEGER.report(diagnostics, e.span(),
                    what + " must be an integer, but is " + ModelPrinter.number(v) + scope.loopContext());
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) v);
    }

    /** Checks an expression that is not part of one already checked (reports its nesting first). */
    void checkRoot(Expression e) {
        if (shallow(e)) {
            check(e);
        }
    }

    /**
     * Whether {@code e} nests at most {@link OdecParsing#MAX_NESTING} levels deep, which every recursive
     * pass after this one handles; else reports the first node too deep. Walks with a stack of its own,
     * and once per expression (a loop body is checked once per iteration).
     */
    private boolean shallow(Expression root) {
        Boolean known = nestingChecked.get(root);
        if (known != null) {
            return known;
        }
        record Level(Expression e, int depth) {}
        Deque<Level> stack = new ArrayDeque<>();
        stack.push(new Level(root, 1));
        boolean ok = true;
        while (!stack.isEmpty() && ok) {
            Level l = stack.pop();
            if (l.depth() > OdecParsing.MAX_NESTING) {
                CheckError.TOO_DEEPLY_NESTED.report(diagnostics, l.e().span(), "the expression nests more than "
                        + OdecParsing.MAX_NESTING + " operators, calls or conditionals deep here; split it with lets");
                ok = false;
                continue;
            }
            List<Expression> children = switch (l.e()) {
                case Expression.NumberLiteral n -> List.of();
                case Expression.Pi p -> List.of();
                case Expression.Time t -> List.of();
                case Expression.Name n -> List.of();
                case Expression.Indexed i -> List.of(i.index());
                case Expression.Call c -> c.args();
                case Expression.Unary u -> List.of(u.operand());
                case Expression.Binary b -> List.of(b.left(), b.right());
                case Expression.Conditional c -> List.of(c.condition(), c.then(), c.otherwise());
            };
            for (int i = children.size() - 1; i >= 0; i--) { // leftmost first, so the report is the first in the text
                stack.push(new Level(children.get(i), l.depth() + 1));
            }
        }
        nestingChecked.put(root, ok);
        return ok;
    }

    Typed check(Expression e) {
        return switch (e) {
            case Expression.NumberLiteral n -> literal(n);
            case Expression.Pi p -> numeric(new Expr.Num(Math.PI, Origin.of(p.span())));
            case Expression.Time t -> numeric(new Expr.Time(Origin.of(t.span())));
            case Expression.Name n -> name(n.name());
            case Expression.Indexed i -> indexed(i);
            case Expression.Call c -> call(c);
            case Expression.Unary u -> unary(u);
            case Expression.Binary b -> binary(b);
            case Expression.Conditional c -> conditional(c);
        };
    }

    private Typed literal(Expression.NumberLiteral n) {
        if (Double.isInfinite(n.value())) {
            CheckError.NUMBER_OUT_OF_RANGE.report(diagnostics, n.span(), n.text() + " is too large for a double");
            return Typed.INVALID;
        }
        return numeric(new Expr.Num(n.value(), Origin.of(n.span())));
    }

    private static Typed numeric(Expr e) {
        return new Typed(e, Type.NUMBER);
    }

    // ------------------------------------------------------------ names

    private Typed name(Identifier id) {
        Optional<Symbol> symbol = resolve(id);
        if (symbol.isEmpty()) {
            return Typed.INVALID;
        }
        Origin origin = Origin.of(id.span());
        return switch (symbol.get()) {
            case Symbol.Constant c -> numeric(new Expr.Num(c.value(), origin));
            case Symbol.LoopVariable v -> numeric(new Expr.Num(v.value(), origin));
            case Symbol.Let l -> numeric(new Expr.LetRef(l.index(), origin));
            case Symbol.Invalid bad -> Typed.INVALID;
            case Symbol.ComponentSymbol c when c.component().array() -> {
                CheckError.INDEX_MISMATCH.report(diagnostics, id.span(), "'" + id.text() + "' is "
                        + c.description() + "; write " + id.text() + "[index] for one of them");
                yield Typed.INVALID;
            }
            case Symbol.ComponentSymbol c -> numeric(reference(c, c.component().offset(), origin));
        };
    }

    private Typed indexed(Expression.Indexed e) {
        Optional<Symbol> symbol = resolve(e.name());
        if (symbol.isEmpty()) {
            check(e.index()); // still report problems inside the index
            return Typed.INVALID;
        }
        return switch (symbol.get()) {
            case Symbol.Invalid bad -> Typed.INVALID;
            case Symbol.ComponentSymbol c when c.component().array() -> {
                OptionalInt element = element(c.component(), e.index());
                yield element.isEmpty() ? Typed.INVALID
                        : numeric(reference(c, c.component().offset() + element.getAsInt(), Origin.of(e.span())));
            }
            case Symbol s -> {
                CheckError.INDEX_MISMATCH.report(diagnostics, e.name().span(),
                        "'" + e.name().text() + "' is " + s.description() + " and cannot be indexed");
                yield Typed.INVALID;
            }
        };
    }

    /** The element an index selects, range-checked against the component's length. */
    OptionalInt element(Component component, Expression index) {
        OptionalInt k = integer(index, "the index of '" + component.name() + "'");
        if (k.isEmpty()) {
            return k;
        }
        if (k.getAsInt() < 0 || k.getAsInt() >= component.length()) {
            CheckError.INDEX_OUT_OF_RANGE.report(diagnostics, index.span(), "index " + k.getAsInt()
                    + " is out of range for '" + component.name() + "' (valid: 0.." + (component.length() - 1) + ")"
                    + scope.loopContext());
            return OptionalInt.empty();
        }
        return k;
    }

    private static Expr reference(Symbol.ComponentSymbol c, int flatIndex, Origin origin) {
        return c.kind() == ComponentKind.STATE ? new Expr.StateRef(flatIndex, origin) : new Expr.ParamRef(flatIndex, origin);
    }

    /** Looks a name up, reporting an unknown one; empty after a report. */
    Optional<Symbol> resolve(Identifier id) {
        Optional<Symbol> symbol = scope.lookup(id.text());
        if (symbol.isPresent()) {
            return symbol;
        }
        Optional<Span> later = scope.laterLet(id.text());
        if (later.isPresent()) {
            CheckError.USED_BEFORE_DECLARATION.report(diagnostics, id.span(), "'" + id.text()
                    + "' is used before its declaration at line " + later.get().line() + "; declare lets before using them");
        } else if (MathFunction.byName(id.text()).isPresent()) {
            CheckError.UNKNOWN_IDENTIFIER.report(diagnostics, id.span(),
                    "'" + id.text() + "' is a function; call it as " + id.text() + "(...)");
        } else {
            CheckError.UNKNOWN_IDENTIFIER.report(diagnostics, id.span(), "unknown identifier '" + id.text() + "'");
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------ operators

    private Typed call(Expression.Call c) {
        List<Typed> args = new ArrayList<>();
        for (Expression arg : c.args()) {
            args.add(check(arg));
        }
        Optional<MathFunction> function = MathFunction.byName(c.function().text());
        // max(a, b) is a function; max(a) alone is the reduction, misplaced.
        boolean reduction = Reductions.byKeyword(c.function().text()).isPresent()
                && (function.isEmpty() || (args.size() == 1 && function.get().arity() != 1));
        if (reduction) {
            CheckError.REDUCTION_IN_EXPRESSION.report(diagnostics, c.function().span(), "'" + c.function().text()
                    + "' is a reduction, not a function: it may only be the whole value of an observe, as in"
                    + " observe name = " + c.function().text() + "(...);");
            return Typed.INVALID;
        }
        if (function.isEmpty()) {
            String name = c.function().text();
            CheckError.UNKNOWN_FUNCTION.report(diagnostics, c.function().span(), "unknown function '" + name + "'; "
                    + Spelling.closest(name, FUNCTION_NAMES).map(s -> "did you mean '" + s + "'?")
                            .orElse("the functions are " + String.join(", ", FUNCTION_NAMES)));
            return Typed.INVALID;
        }
        MathFunction f = function.get();
        if (args.size() != f.arity()) {
            CheckError.WRONG_ARITY.report(diagnostics, c.function().span(), "'" + f.sourceName() + "' takes "
                    + plural(f.arity(), "argument") + ", but " + (args.isEmpty() ? "none were" : plural(args.size(), "argument")
                    + (args.size() == 1 ? " was" : " were")) + " given");
            return Typed.INVALID;
        }
        boolean ok = true;
        for (int i = 0; i < args.size(); i++) {
            ok &= expect(args.get(i), Type.NUMBER, c.args().get(i).span(), "argument " + (i + 1) + " of '" + f.sourceName() + "'");
        }
        return ok ? numeric(new Expr.Call(f, args.stream().map(Typed::expr).toList(), Origin.of(c.span()))) : Typed.INVALID;
    }

    private Typed unary(Expression.Unary u) {
        Typed operand = check(u.operand());
        return switch (u.operator()) {
            case PLUS -> expect(operand, Type.NUMBER, u.operand().span(), "the operand of unary '+'") ? operand : Typed.INVALID;
            case NEGATE -> expect(operand, Type.NUMBER, u.operand().span(), "the operand of unary '-'")
                    ? numeric(new Expr.Unary(Expr.UnaryOp.NEG, operand.expr(), Origin.of(u.span()))) : Typed.INVALID;
            case NOT -> expect(operand, Type.CONDITION, u.operand().span(), "the operand of '!'")
                    ? new Typed(new Expr.Unary(Expr.UnaryOp.NOT, operand.expr(), Origin.of(u.span())), Type.CONDITION) : Typed.INVALID;
        };
    }

    private Typed binary(Expression.Binary b) {
        Typed left = check(b.left());
        Typed right = check(b.right());
        Expression.BinaryOperator op = b.operator();
        Type operands = switch (op) {
            case AND, OR -> Type.CONDITION;
            default -> Type.NUMBER;
        };
        boolean ok = expect(left, operands, b.left().span(), "the left operand of '" + op.symbol() + "'");
        ok &= expect(right, operands, b.right().span(), "the right operand of '" + op.symbol() + "'");
        if (!ok) {
            return Typed.INVALID;
        }
        if (op == Expression.BinaryOperator.REMAINDER) {
            return remainder(b, left.expr(), right.expr());
        }
        Expr.BinaryOp modelOp = switch (op) {
            case ADD -> Expr.BinaryOp.ADD;
            case SUBTRACT -> Expr.BinaryOp.SUB;
            case MULTIPLY -> Expr.BinaryOp.MUL;
            case DIVIDE -> Expr.BinaryOp.DIV;
            case POWER -> Expr.BinaryOp.POW;
            case LESS -> Expr.BinaryOp.LT;
            case LESS_EQUAL -> Expr.BinaryOp.LE;
            case GREATER -> Expr.BinaryOp.GT;
            case GREATER_EQUAL -> Expr.BinaryOp.GE;
            case EQUAL -> Expr.BinaryOp.EQ;
            case NOT_EQUAL -> Expr.BinaryOp.NE;
            case AND -> Expr.BinaryOp.AND;
            case OR -> Expr.BinaryOp.OR;
            case REMAINDER -> throw new IllegalStateException("handled above");
        };
        Type result = modelOp.isComparison() || modelOp.isLogical() ? Type.CONDITION : Type.NUMBER;
        return new Typed(new Expr.Binary(modelOp, left.expr(), right.expr(), Origin.of(b.span())), result);
    }

    /** {@code %} exists for index arithmetic, so it is evaluated here and never reaches the solver. */
    private Typed remainder(Expression.Binary b, Expr left, Expr right) {
        OptionalDouble l = ConstantFolding.evaluate(left);
        OptionalDouble r = ConstantFolding.evaluate(right);
        if (l.isEmpty() || r.isEmpty()) {
            CheckError.NOT_CONSTANT.report(diagnostics, b.operatorSpan(), "'%' is for index arithmetic and needs"
                    + " compile-time operands (numbers, constants, loop variables)");
            return Typed.INVALID;
        }
        if (r.getAsDouble() == 0) {
            CheckError.DIVISION_BY_ZERO.report(diagnostics, b.right().span(), "remainder of a division by zero" + scope.loopContext());
            return Typed.INVALID;
        }
        return numeric(new Expr.Num(ConstantFolding.floorMod(l.getAsDouble(), r.getAsDouble()), Origin.of(b.span())));
    }

    private Typed conditional(Expression.Conditional c) {
        Typed condition = check(c.condition());
        Typed then = check(c.then());
        Typed otherwise = check(c.otherwise());
        boolean ok = expect(condition, Type.CONDITION, c.condition().span(), "the condition of '?:'");
        ok &= expect(then, Type.NUMBER, c.then().span(), "the first branch of '?:'");
        ok &= expect(otherwise, Type.NUMBER, c.otherwise().span(), "the second branch of '?:'");
        return ok ? numeric(new Expr.Conditional(condition.expr(), then.expr(), otherwise.expr(), Origin.of(c.span()))) : Typed.INVALID;
    }

    /** True when {@code t} has the wanted type; reports a mismatch, stays silent for INVALID. */
    private boolean expect(Typed t, Type wanted, Span at, String what) {
        if (t.type() == wanted) {
            return true;
        }
        if (t.type() == Type.NUMBER) {
            CheckError.TYPE_MISMATCH.report(diagnostics, at, what + " is a number but must be a condition"
                    + " (a comparison such as x > 0, or &&, ||, !)");
        } else if (t.type() == Type.CONDITION) {
            CheckError.TYPE_MISMATCH.report(diagnostics, at, what + " is a condition (true or false) but must be a number");
        }
        return false;
    }

    // ------------------------------------------------------------ not constant

    private void reportNotConstant(Expression e, String what) {
        Optional<String> culprit = varying(e);
        CheckError.NOT_CONSTANT.report(diagnostics, e.span(), what + " must be a compile-time constant"
                + culprit.map(c -> ", but " + c).orElse(""));
    }

    /** Names the first part of {@code e} that changes during a solve. */
    private Optional<String> varying(Expression e) {
        return switch (e) {
            case Expression.NumberLiteral n -> Optional.empty();
            case Expression.Pi p -> Optional.empty();
            case Expression.Time t -> Optional.of("'t' is the time");
            case Expression.Name n -> describeVarying(n.name());
            case Expression.Indexed i -> describeVarying(i.name()).or(() -> varying(i.index()));
            case Expression.Call c -> {
                for (Expression arg : c.args()) { // a loop, not a stream: this recursion is as deep as the nesting
                    Optional<String> found = varying(arg);
                    if (found.isPresent()) {
                        yield found;
                    }
                }
                yield Optional.empty();
            }
            case Expression.Unary u -> varying(u.operand());
            case Expression.Binary b -> varying(b.left()).or(() -> varying(b.right()));
            case Expression.Conditional c -> varying(c.condition()).or(() -> varying(c.then())).or(() -> varying(c.otherwise()));
        };
    }

    private Optional<String> describeVarying(Identifier id) {
        return scope.lookup(id.text())
                .filter(s -> s instanceof Symbol.ComponentSymbol || s instanceof Symbol.Let)
                .map(s -> "'" + id.text() + "' is " + s.description());
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
