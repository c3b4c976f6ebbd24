package io.github.odec.emit.cuda;

import io.github.odec.emit.CFamilyExpressionPrinter;
import io.github.odec.ir.Coefficient;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrFunction;
import io.github.odec.ir.ScalarType;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.Slot;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints IR expressions as CUDA C++. In f32 every literal is a float literal and every math call
 * the float function, so nothing is silently promoted to double.
 */
final class CudaExpressionPrinter extends CFamilyExpressionPrinter {

    private final String instance;

    CudaExpressionPrinter(Precision precision, String instance) {
        super(precision);
        this.instance = instance;
    }

    String real() {
        return precision == Precision.F64 ? "double" : "float";
    }

    @Override
    public String type(ScalarType t) {
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
    String bufferAccess(Slot b, IrExpr element) {
        String name = b.identifier();
        boolean zero = element instanceof IrExpr.IntLiteral(int v) && v == 0;
        if (b.width() == Slot.Width.ONE || zero) {
            return name + "[" + instance + "]";
        }
        boolean one = element instanceof IrExpr.IntLiteral(int v) && v == 1;
        String offset = one ? CudaNames.INSTANCES : print(element, MULTIPLICATIVE) + " * " + CudaNames.INSTANCES;
        return name + "[" + offset + " + " + instance + "]";
    }

    @Override
    protected Printed realLiteral(IrExpr.RealLiteral lit) {
        double v = valueInPrecision(lit);
        // NaN and infinity come from the preamble: NVRTC has no <math.h>.
        String suffix = precision == Precision.F64 ? "" : "f";
        if (Double.isNaN(v)) {
            return new Printed("odec_nan" + suffix + "()", PRIMARY);
        }
        if (Double.isInfinite(v)) {
            return new Printed((v > 0 ? "" : "-") + "odec_inf" + suffix + "()", v > 0 ? PRIMARY : UNARY);
        }
        return finiteLiteral(lit);
    }

    @Override
    protected Printed load(Slot buffer, IrExpr element) {
        return new Printed(bufferAccess(buffer, element), PRIMARY);
    }

    @Override
    protected Printed coefficient(Coefficient c) {
        return new Printed(CudaNames.coefficient(c), PRIMARY);
    }

    @Override
    protected String evalCount() {
        return CudaNames.EVAL_COUNT;
    }

    @Override
    protected Printed call(IrFunction f, List<IrExpr> args) {
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
