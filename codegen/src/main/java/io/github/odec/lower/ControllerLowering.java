package io.github.odec.lower;

import static io.github.odec.ir.Ir.coefficient;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.neg;
import static io.github.odec.ir.Ir.pow;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;

import io.github.odec.ir.Coefficient;
import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.runtime.StepControllerKind;

/**
 * Step-size controllers after Söderlind, with diffrax's PIDController coefficients read at run time:
 * factor = safety * r_n^(-(p+i+d)/k) * r_{n-1}^((p+2d)/k) * r_{n-2}^(-d/k), clipped to
 * [factorMin, factorMax]. INTEGRAL uses icoeff alone (one pow), PI drops the d terms. The ratio
 * history starts at 1 and advances on accepted steps only (see {@link #advanceHistory}).
 */
final class ControllerLowering {

    private final StepControllerKind kind;
    private final int errorOrder;
    private Local exp0;
    private Local exp1;
    private Local exp2;
    private Local prev1;
    private Local prev2;
    private Local safety;
    private Local factorMin;
    private Local factorMax;

    ControllerLowering(StepControllerKind kind, int errorOrder) {
        if (kind == StepControllerKind.FIXED) {
            throw new IllegalArgumentException("FIXED has no controller");
        }
        this.kind = kind;
        this.errorOrder = errorOrder;
    }

    /** Before the step loop: the exponents (loop invariants) and the ratio history. */
    void declare(StatementBuilder out) {
        IrExpr k = real(errorOrder);
        IrExpr p = coefficient(Coefficient.PCOEFF);
        IrExpr i = coefficient(Coefficient.ICOEFF);
        IrExpr d = coefficient(Coefficient.DCOEFF);
        safety = out.real("ctl_safety", coefficient(Coefficient.SAFETY));
        factorMin = out.real("ctl_factorMin", coefficient(Coefficient.FACTOR_MIN));
        factorMax = out.real("ctl_factorMax", coefficient(Coefficient.FACTOR_MAX));
        switch (kind) {
            case INTEGRAL -> exp0 = out.real("ctl_e0", neg(div(i, k)));
            case PI -> {
                exp0 = out.real("ctl_e0", neg(div(Ir.add(p, i), k)));
                exp1 = out.real("ctl_e1", div(p, k));
                prev1 = out.real("ctl_r1", real(1.0));
            }
            case PID -> {
                exp0 = out.real("ctl_e0", neg(div(Ir.add(Ir.add(p, i), d), k)));
                exp1 = out.real("ctl_e1", div(Ir.add(p, mul(real(2.0), d)), k));
                exp2 = out.real("ctl_e2", neg(div(d, k)));
                prev1 = out.real("ctl_r1", real(1.0));
                prev2 = out.real("ctl_r2", real(1.0));
            }
            case FIXED -> throw new AssertionError();
        }
    }

    /** The clipped factor for the attempted step with error ratio {@code ratio}. */
    Local factor(StatementBuilder out, Local ratio) {
        IrExpr f = mul(read(safety), pow(read(ratio), read(exp0)));
        if (prev1 != null) {
            f = mul(f, pow(read(prev1), read(exp1)));
        }
        if (prev2 != null) {
            f = mul(f, pow(read(prev2), read(exp2)));
        }
        IrExpr clipped = min(read(factorMax), max(read(factorMin), f));
        // A zero error would make pow infinite: grow as much as allowed.
        return out.real("factor", Ir.select(Ir.eq(read(ratio), real(0.0)), read(factorMax), clipped));
    }

    /**
     * On an accepted step: r_{n-2} <- r_{n-1} <- r_n. A zero ratio (an exact step) enters the history
     * as the neutral 1: as 0 it would force the next factor to factorMin however good that step is.
     */
    void advanceHistory(StatementBuilder out, Local ratio) {
        if (prev2 != null) {
            out.assign(prev2, read(prev1));
        }
        if (prev1 != null) {
            out.assign(prev1, Ir.select(Ir.eq(read(ratio), real(0.0)), real(1.0), read(ratio)));
        }
    }
}
