package io.github.odec.emit.java;

import io.github.odec.emit.CFamilyExpressionPrinter;
import io.github.odec.ir.Coefficient;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.ScalarType;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.Slot;
import java.util.List;

/** Prints IR expressions as Java source: Math calls, slot arrays ({@link JavaSlots}), f32 loads narrowed. */
final class JavaExpressionPrinter extends CFamilyExpressionPrinter {

    private final String buffers;
    private final String instance;

    JavaExpressionPrinter(Precision precision, String buffersParameter, String instanceParameter) {
        super(precision);
        this.buffers = buffersParameter;
        this.instance = instanceParameter;
    }

    @Override
    public String type(ScalarType t) {
        return switch (t) {
            case REAL -> precision == Precision.F64 ? "double" : "float";
            case INT -> "int";
            case BOOL -> "boolean";
        };
    }

    /** The IR indexes the instance's own block; slot arrays are instance-major: {@code instance * width + element}. */
    String bufferAccess(Slot b, IrExpr element) {
        String width = JavaSlots.width(b, buffers);
        String base = width.isEmpty() ? instance : instance + " * " + width;
        boolean zero = element instanceof IrExpr.IntLiteral(int v) && v == 0;
        String address = zero ? base : base + " + " + print(element, ADDITIVE);
        return b.identifier() + "[" + address + "]";
    }

    @Override
    protected Printed realLiteral(IrExpr.RealLiteral lit) {
        double v = valueInPrecision(lit);
        String type = precision == Precision.F64 ? "Double" : "Float";
        if (Double.isNaN(v)) {
            return new Printed(type + ".NaN", PRIMARY);
        }
        if (Double.isInfinite(v)) {
            return new Printed(type + (v > 0 ? ".POSITIVE_INFINITY" : ".NEGATIVE_INFINITY"), PRIMARY);
        }
        return finiteLiteral(lit);
    }

    @Override
    protected Printed load(Slot buffer, IrExpr element) {
        return narrow(bufferAccess(buffer, element), ScalarType.of(buffer));
    }

    @Override
    protected Printed coefficient(Coefficient c) {
        return narrow(buffers + ".controller." + accessor(c) + "()", ScalarType.REAL);
    }

    @Override
    protected String evalCount() {
        return buffers + ".evalCount";
    }

    /** Buffers hold doubles: an f32 solver narrows what it loads (stores widen implicitly). */
    private Printed narrow(String access, ScalarType t) {
        if (t == ScalarType.REAL && precision == Precision.F32) {
            return new Printed("(float) " + access, UNARY);
        }
        return new Printed(access, PRIMARY);
    }

    @Override
    protected Printed call(IrFunction f, List<IrExpr> args) {
        return mathCall(f, args.stream().map(this::print).toList());
    }

    /** A math call on arguments already printed (the SIMD printer's per-lane reads), as {@link #call} prints it. */
    Printed mathCall(IrFunction f, List<String> args) {
        String list = String.join(", ", args);
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

    private static String accessor(Coefficient c) {
        return switch (c) {
            case SAFETY -> "safety"; case FACTOR_MIN -> "factorMin"; case FACTOR_MAX -> "factorMax";
            case PCOEFF -> "pcoeff"; case ICOEFF -> "icoeff"; case DCOEFF -> "dcoeff";
        };
    }
}
