package io.github.odec.emit.cuda;

import io.github.odec.ir.Buffer;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.ScalarType;
import io.github.odec.runtime.Precision;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints IR expressions as CUDA C++ with the fewest parentheses C's precedence allows, never
 * reassociating (the right operand at the same level keeps its parentheses). In f32 every literal is
 * a float literal and every math call the float function, so nothing is silently promoted to double.
 */
final class CudaExpressionPrinter {

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
    private final String instance;

    CudaExpressionPrinter(Precision precision, String instance) {
        this.precision = precision;
        this.instance = instance;
    }

    String print(IrExpr e) {
        return print(e, 0);
    }

    String real() {
        return precision == Precision.F64 ? "double" : "float";
    }

    String type(ScalarType t) {
        return switch (t) {
            case REAL -> real();
            case INT -> "int";
            case BOOL -> "bool";
        };
    }

    /**
     * Structure of arrays: element e of an instance lives at {@code e * N + instance}, so the threads
     * of a warp touch consecutive words. N is a size_t, which keeps large batches from overflowing int.
     */
    String bufferAccess(Buffer b, IrExpr element) {
        String name = CudaNames.parameter(b);
        boolean zero = element instanceof IrExpr.IntLiteral(int v) && v == 0;
        if (b.block() == Buffer.Block.ONE || zero) {
            return name + "[" + instance + "]";
        }
        boolean one = element instanceof IrExpr.IntLiteral(int v) && v == 1;
        String offset = one ? CudaNames.INSTANCES : print(element, MULTIPLICATIVE) + " * " + CudaNames.INSTANCES;
        return name + "[" + offset + " + " + instance + "]";
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
            case IrExpr.Load(var buf, IrExpr index) -> new Printed(bufferAccess(buf, index), PRIMARY);
            case IrExpr.CoefficientRef(var c) -> new Printed(CudaNames.coefficient(c), PRIMARY);
            case IrExpr.EvalCount() -> new Printed(CudaNames.EVAL_COUNT, PRIMARY);
            case IrExpr.ArrayElement(var array, IrExpr index) -> new Printed(array.name() + "[" + print(index) + "]", PRIMARY);
            case IrExpr.IntToReal(IrExpr x) -> new Printed("(" + real() + ") " + print(x, UNARY), UNARY);
        };
    }

    private Printed realLiteral(IrExpr.RealLiteral lit) {
        String text;
        if (precision == Precision.F64) {
            double v = lit.value();
            // Java's shortest round-trip decimal; a C compiler parses it back to the same double.
            text = Double.isNaN(v) ? "odec_nan()" : Double.isInfinite(v)
                    ? (v > 0 ? "odec_inf()" : "-odec_inf()") : Double.toString(v);
        } else {
            // From the exact rational where the IR kept it: one correct rounding, not two.
            float v = lit.exact().map(r -> r.toFloat()).orElse((float) lit.value());
            text = Float.isNaN(v) ? "odec_nanf()" : Float.isInfinite(v)
                    ? (v > 0 ? "odec_inff()" : "-odec_inff()") : Float.toString(v) + "f";
        }
        return new Printed(text, text.startsWith("-") ? UNARY : PRIMARY);
    }

    private Printed call(IrFunction f, List<IrExpr> args) {
        String list = args.stream().map(this::print).collect(Collectors.joining(", "));
        return new Printed(functionName(f, precision) + "(" + list + ")", PRIMARY);
    }

    /** The C math function for each IR function: the float variant in f32. */
    static String functionName(IrFunction f, Precision precision) {
        String base = switch (f) {
            case SIN -> "sin"; case COS -> "cos"; case TAN -> "tan"; case ASIN -> "asin"; case ACOS -> "acos";
            case ATAN -> "atan"; case ATAN2 -> "atan2"; case SINH -> "sinh"; case COSH -> "cosh"; case TANH -> "tanh";
            case EXP -> "exp"; case EXPM1 -> "expm1"; case LOG -> "log"; case LOG1P -> "log1p"; case LOG10 -> "log10";
            case SQRT -> "sqrt"; case CBRT -> "cbrt"; case POW -> "pow"; case HYPOT -> "hypot";
            case ABS -> "fabs"; case FLOOR -> "floor"; case CEIL -> "ceil";
            // Java's Math.min/max/signum semantics (NaN and signed zeros), defined in the preamble,
            // so that both backends agree bit for bit; they are overloaded for float and double.
            case MIN -> "odec_min"; case MAX -> "odec_max"; case SIGN -> "odec_sign";
            case IS_FINITE -> "odec_isfinite";
        };
        boolean helper = base.startsWith("odec_");
        return precision == Precision.F32 && !helper ? base + "f" : base;
    }
}
