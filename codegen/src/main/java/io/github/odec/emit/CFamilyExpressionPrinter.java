package io.github.odec.emit;

import io.github.odec.ir.Coefficient;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.ScalarType;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.Slot;
import java.util.List;

/**
 * Prints IR expressions in the syntax Java and CUDA C++ share (operators, precedence, the ternary),
 * with the fewest parentheses precedence allows and never reassociating: the right operand of a
 * binary operator at the same level keeps its parentheses, because floating-point addition and
 * multiplication are not associative. What differs between the two languages (literals, math
 * calls, buffer addresses, the names of run-time values) is each subclass's.
 */
public abstract class CFamilyExpressionPrinter {

    protected static final int TERNARY = 1;
    protected static final int OR = 2;
    protected static final int AND = 3;
    protected static final int EQUALITY = 6;
    protected static final int RELATIONAL = 7;
    protected static final int ADDITIVE = 9;
    protected static final int MULTIPLICATIVE = 10;
    protected static final int UNARY = 11;
    protected static final int PRIMARY = 12;

    /** Printed text and the precedence of its outermost operator. */
    public record Printed(String text, int precedence) {}

    protected final Precision precision;

    protected CFamilyExpressionPrinter(Precision precision) {
        this.precision = precision;
    }

    public final String print(IrExpr e) {
        return print(e, 0);
    }

    protected final String print(IrExpr e, int context) {
        Printed p = printed(e);
        return p.precedence < context ? "(" + p.text + ")" : p.text;
    }

    /** The type of a local in the target language. */
    public abstract String type(ScalarType t);

    /** A REAL literal of the precision: f32 from the exact rational where the IR kept it, rounded once. */
    protected abstract Printed realLiteral(IrExpr.RealLiteral literal);

    protected abstract Printed call(IrFunction f, List<IrExpr> args);

    protected abstract Printed load(Slot buffer, IrExpr element);

    protected abstract Printed coefficient(Coefficient c);

    protected abstract String evalCount();

    /** Text of a non-NaN, finite literal, with its sign: shared by both languages. */
    protected final Printed finiteLiteral(IrExpr.RealLiteral lit) {
        String text = precision == Precision.F64
                ? Double.toString(lit.value()) // the shortest decimal that parses back to the same double
                : Float.toString(lit.exact().map(r -> r.toFloat()).orElse((float) lit.value())) + "f";
        return new Printed(text, text.startsWith("-") ? UNARY : PRIMARY);
    }

    /** The literal's value in the solver's precision, to decide whether it is NaN or infinite there. */
    protected final double valueInPrecision(IrExpr.RealLiteral lit) {
        return precision == Precision.F64 ? lit.value() : lit.exact().map(r -> (double) r.toFloat()).orElse((double) (float) lit.value());
    }

    private Printed printed(IrExpr e) {
        return switch (e) {
            case IrExpr.RealLiteral lit -> realLiteral(lit);
            case IrExpr.IntLiteral(int v) -> new Printed(Integer.toString(v), v < 0 ? UNARY : PRIMARY);
            case IrExpr.BoolLiteral(boolean v) -> new Printed(Boolean.toString(v), PRIMARY);
            case IrExpr.Read(var local) -> new Printed(local.name(), PRIMARY);
            case IrExpr.Negate(IrExpr x) -> {
                String inner = print(x, UNARY);
                // "--x" would be a decrement.
                yield new Printed("-" + (inner.startsWith("-") ? "(" + inner + ")" : inner), UNARY);
            }
            case IrExpr.Not(IrExpr x) -> new Printed("!" + print(x, UNARY), UNARY);
            case IrExpr.Arith(var op, IrExpr l, IrExpr r) -> {
                int prec = switch (op) {
                    case ADD, SUB -> ADDITIVE;
                    case MUL, DIV, REM -> MULTIPLICATIVE;
                };
                String sym = switch (op) {
                    case ADD -> "+"; case SUB -> "-"; case MUL -> "*"; case DIV -> "/"; case REM -> "%";
                };
                yield new Printed(print(l, prec) + " " + sym + " " + print(r, prec + 1), prec);
            }
            case IrExpr.Compare(var op, IrExpr l, IrExpr r) -> {
                int prec = switch (op) {
                    case EQ, NE -> EQUALITY;
                    default -> RELATIONAL;
                };
                String sym = switch (op) {
                    case LT -> "<"; case LE -> "<="; case GT -> ">"; case GE -> ">="; case EQ -> "=="; case NE -> "!=";
                };
                yield new Printed(print(l, prec + 1) + " " + sym + " " + print(r, prec + 1), prec);
            }
            case IrExpr.Logic(var op, IrExpr l, IrExpr r) -> {
                int prec = op == IrExpr.LogicOp.AND ? AND : OR;
                String sym = op == IrExpr.LogicOp.AND ? "&&" : "||";
                yield new Printed(print(l, prec) + " " + sym + " " + print(r, prec + 1), prec);
            }
            case IrExpr.Select(IrExpr c, IrExpr a, IrExpr b) ->
                    new Printed(print(c, OR) + " ? " + print(a, OR) + " : " + print(b, TERNARY), TERNARY);
            case IrExpr.Call(var f, List<IrExpr> args) -> call(f, args);
            case IrExpr.Load(var buf, IrExpr index) -> load(buf, index);
            case IrExpr.CoefficientRef(var c) -> coefficient(c);
            case IrExpr.EvalCount() -> new Printed(evalCount(), PRIMARY);
            case IrExpr.ArrayElement(var array, IrExpr index) -> new Printed(array.name() + "[" + print(index) + "]", PRIMARY);
            case IrExpr.IntToReal(IrExpr x) -> new Printed("(" + type(ScalarType.REAL) + ") " + print(x, UNARY), UNARY);
        };
    }
}
