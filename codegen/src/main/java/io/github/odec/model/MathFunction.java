package io.github.odec.model;

import java.util.Arrays;
import java.util.Optional;

/** The functions of the language, with their arity. One place maps names to functions. */
public enum MathFunction {
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
    SINH(1), COSH(1), TANH(1),
    EXP(1), EXPM1(1), LOG(1), LOG1P(1), LOG10(1),
    SQRT(1), CBRT(1), POW(2), HYPOT(2),
    ABS(1), MIN(2), MAX(2), FLOOR(1), CEIL(1), SIGN(1);

    private final int arity;

    MathFunction(int arity) {
        this.arity = arity;
    }

    public int arity() {
        return arity;
    }

    /** The name used in .ode source. */
    public String sourceName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<MathFunction> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.sourceName().equals(name)).findFirst();
    }
}
