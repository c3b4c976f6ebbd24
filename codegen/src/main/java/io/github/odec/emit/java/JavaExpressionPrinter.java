package io.github.odec.emit.java;

import io.github.odec.ir.Buffer;
import io.github.odec.ir.Coefficient;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.ScalarType;
import io.github.odec.runtime.Precision;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints IR expressions as Java source with the fewest parentheses Java's precedence allows, never
 * reassociating: the right operand of a binary operator at the same level keeps its parentheses,
 * because floating-point addition and multiplication are not associative.
 */
final class JavaExpressionPrinter {

    private static final int TERNARY = 1;
    private static final int OR = 2;
    private static final int AND = 3;
    private static final int EQUALITY = 6;
    private static final int RELATIONAL = 7;
    private static final int ADDITIVE = 9;
    private static final int MULTIPLICATIVE = 10;
    private static final int UNARY = 11;
    private static final int PRIMARY = 12;

    private final Precision precision;
    private final String buffers;
    private final String instance;

    JavaExpressionPrinter(Precision precision, String buffersParameter, String instanceParameter) {
        this.precision = precision;
        this.buffers = buffersParameter;
        this.instance = instanceParameter;
    }

    String print(IrExpr e) {
        return print(e, 0);
    }

    String type(ScalarType t) {
        return switch (t) {
            case REAL -> precision == Precision.F64 ? "double" : "float";
            case INT -> "int";
            case BOOL -> "boolean";
        };
    }

    /** The IR indexes the instance's own block; SolveBuffers is instance-major: {@code instance * width + element}. */
    String bufferAccess(Buffer b, IrExpr element) {
        String width = switch (b.block()) {
            case ONE -> "";
            case STATES -> buffers + ".stateCount";
            case PARAMS -> buffers + ".paramCount";
            case EVAL_TIMES -> buffers + ".evalCount";
            case EVAL_STATES -> buffers + ".evalCount * " + buffers + ".stateCount";
        };
        String base = width.isEmpty() ? instance : instance + " * " + width;
        boolean zero = element instanceof IrExpr.IntLiteral(int v) && v == 0;
        String address = zero ? base : base + " + " + print(element, ADDITIVE);
        return buffers + "." + field(b) + "[" + address + "]";
    }

    private String print(IrExpr e, int context) {
        Printed p = printed(e);
        return p.precedence < context ? "(" + p.text + ")" : p.text;
    }

    private record Printed(String text, int precedence) {}

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
            case IrExpr.Load(var buf, IrExpr index) -> narrow(bufferAccess(buf, index), buf.elementType());
            case IrExpr.CoefficientRef(var c) -> narrow(buffers + ".controller." + accessor(c) + "()", ScalarType.REAL);
            case IrExpr.EvalCount() -> new Printed(buffers + ".evalCount", PRIMARY);
            case IrExpr.ArrayElement(var array, IrExpr index) -> new Printed(array.name() + "[" + print(index) + "]", PRIMARY);
            case IrExpr.IntToReal(IrExpr x) -> new Printed("(" + type(ScalarType.REAL) + ") " + print(x, UNARY), UNARY);
        };
    }

    private Printed realLiteral(IrExpr.RealLiteral lit) {
        String text;
        if (precision == Precision.F64) {
            double v = lit.value();
            text = Double.isNaN(v) ? "Double.NaN" : Double.isInfinite(v)
                    ? (v > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY") : Double.toString(v);
        } else {
            float v = lit.exact().map(r -> r.toFloat()).orElse((float) lit.value());
            text = Float.isNaN(v) ? "Float.NaN" : Float.isInfinite(v)
                    ? (v > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY") : Float.toString(v) + "f";
        }
        return new Printed(text, text.startsWith("-") ? UNARY : PRIMARY);
    }

    /** Buffers hold doubles: an f32 solver narrows what it loads (stores widen implicitly). */
    private Printed narrow(String access, ScalarType t) {
        if (t == ScalarType.REAL && precision == Precision.F32) {
            return new Printed("(float) " + access, UNARY);
        }
        return new Printed(access, PRIMARY);
    }

    private Printed call(IrFunction f, List<IrExpr> args) {
        String list = args.stream().map(this::print).collect(Collectors.joining(", "));
        String real = precision == Precision.F64 ? "Double" : "Float";
        return switch (f) {
            case IS_FINITE -> new Printed(real + ".isFinite(" + list + ")", PRIMARY);
            // These have float overloads: no widening, no cast back.
            case ABS, MIN, MAX -> new Printed("Math." + f.name().toLowerCase() + "(" + list + ")", PRIMARY);
            case SIGN -> new Printed("Math.signum(" + list + ")", PRIMARY);
            default -> {
                String text = "Math." + javaName(f) + "(" + list + ")";
                yield precision == Precision.F32 ? new Printed("(float) " + text, UNARY) : new Printed(text, PRIMARY);
            }
        };
    }

    private static String javaName(IrFunction f) {
        return switch (f) {
            case SIN -> "sin"; case COS -> "cos"; case TAN -> "tan"; case ASIN -> "asin"; case ACOS -> "acos";
            case ATAN -> "atan"; case ATAN2 -> "atan2"; case SINH -> "sinh"; case COSH -> "cosh"; case TANH -> "tanh";
            case EXP -> "exp"; case EXPM1 -> "expm1"; case LOG -> "log"; case LOG1P -> "log1p"; case LOG10 -> "log10";
            case SQRT -> "sqrt"; case CBRT -> "cbrt"; case POW -> "pow"; case HYPOT -> "hypot";
            case ABS -> "abs"; case MIN -> "min"; case MAX -> "max"; case FLOOR -> "floor"; case CEIL -> "ceil";
            case SIGN -> "signum"; case IS_FINITE -> throw new AssertionError("printed by the caller");
        };
    }

    /** The SolveBuffers field that holds each buffer. */
    static String field(Buffer b) {
        return switch (b) {
            case Y0 -> "y0"; case PARAMS -> "params"; case T0 -> "t0"; case T1 -> "t1";
            case EVAL_TIMES -> "evalTimes"; case ATOL -> "atol"; case RTOL -> "rtol"; case DT0 -> "dt0";
            case DT_MIN -> "dtMin"; case DT_MAX -> "dtMax"; case MAX_STEPS -> "maxSteps"; case YS -> "ys";
            case Y_FINAL -> "yFinal"; case T_FINAL -> "tFinal"; case STATUS -> "status"; case F_EVALS -> "fEvals";
            case STEPS -> "steps"; case ACCEPTED -> "accepted"; case INITIALIZED -> "initialized";
        };
    }

    private static String accessor(Coefficient c) {
        return switch (c) {
            case SAFETY -> "safety"; case FACTOR_MIN -> "factorMin"; case FACTOR_MAX -> "factorMax";
            case PCOEFF -> "pcoeff"; case ICOEFF -> "icoeff"; case DCOEFF -> "dcoeff";
        };
    }
}
