package io.github.odec.ir;

import io.github.odec.model.MathFunction;

/** Math calls of the IR: the language's functions plus what the solver itself needs (IS_FINITE). */
public enum IrFunction {
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
    SINH(1), COSH(1), TANH(1),
    EXP(1), EXPM1(1), LOG(1), LOG1P(1), LOG10(1),
    SQRT(1), CBRT(1), POW(2), HYPOT(2),
    ABS(1), MIN(2), MAX(2), FLOOR(1), CEIL(1), SIGN(1),
    /** REAL -> BOOL: neither NaN nor infinite. */
    IS_FINITE(1);

    private final int arity;

    IrFunction(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    public ScalarType resultType() {
        return this == IS_FINITE ? ScalarType.BOOL : ScalarType.REAL;
    }

    public static IrFunction of(MathFunction f) {
        return switch (f) {
            case SIN -> SIN; case COS -> COS; case TAN -> TAN;
            case ASIN -> ASIN; case ACOS -> ACOS; case ATAN -> ATAN; case ATAN2 -> ATAN2;
            case SINH -> SINH; case COSH -> COSH; case TANH -> TANH;
            case EXP -> EXP; case EXPM1 -> EXPM1; case LOG -> LOG; case LOG1P -> LOG1P; case LOG10 -> LOG10;
            case SQRT -> SQRT; case CBRT -> CBRT; case POW -> POW; case HYPOT -> HYPOT;
            case ABS -> ABS; case MIN -> MIN; case MAX -> MAX; case FLOOR -> FLOOR; case CEIL -> CEIL;
            case SIGN -> SIGN;
        };
    }
}
