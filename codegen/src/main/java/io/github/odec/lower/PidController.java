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
 * Step-size controllers after Söderlind, with diffrax's PIDController coefficients read at run time.
 * After an accepted step: factor = safety * r_n^(-(p+i+d)/k) * r_{n-1}^((p+2d)/k) * r_{n-2}^(-d/k),
 * clipped to [factorMin, factorMax] (and to 1 right after a rejection). INTEGRAL uses icoeff alone
 * (one pow), PI drops the d terms. The ratio history starts at 1 and advances on accepted steps only
 * (see {@link #onAccept}).
 *
 * <p>After a rejected step the history is ignored: factor = max(factorMin, min(safety, safety * r_n^(-1/k))),
 * the integral controller's rule on the current ratio alone, so that a rejection always shrinks the
 * step (safety and factorMin are below 1). With the history, a preset whose p + 2d < 0 (H312PID) gets
 * factors >= 1 on a rejection when the previous steps had small errors, and retries the same step
 * forever. OrdinaryDiffEq.jl's PIController also uses the current error alone on a rejection, and its
 * PIDController rejects only when the factor is below accept_safety < 1. A trial step whose state or
 * ratio is not finite takes factorMin (diffrax's rule for an infinite error).
 */
final class PidController implements StepController {

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

    PidController(StepControllerKind kind, int errorOrder) {
        if (kind == StepControllerKind.FIXED) {
            throw new IllegalArgumentException("FIXED has no controller");
        }
        this.kind = kind;
        this.errorOrder = errorOrder;
    }

    /** The exponents (loop invariants) and the ratio history. */
    @Override
    public void declare(StatementBuilder out) {
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

    /**
     * The factor for the next step after the attempt with error ratio {@code ratio}: the controller's
     * on an accepted step, the current ratio's alone on a rejected one (strictly below 1), factorMin
     * when the trial was not finite. Reads the history before {@link #onAccept} moves it on.
     */
    @Override
    public Local factor(StatementBuilder out, Local ratio, Local accept, IrExpr finite, Local rejectedLast) {
        Local factor = out.real("factor", read(factorMin));
        out.ifThenElse(read(accept), acc -> {
            IrExpr f = mul(read(safety), pow(read(ratio), read(exp0)));
            if (prev1 != null) {
                f = mul(f, pow(read(prev1), read(exp1)));
            }
            if (prev2 != null) {
                f = mul(f, pow(read(prev2), read(exp2)));
            }
            IrExpr clipped = min(read(factorMax), max(read(factorMin), f));
            // A zero error would make pow infinite: grow as much as allowed.
            acc.assign(factor, Ir.select(Ir.eq(read(ratio), real(0.0)), read(factorMax), clipped));
            acc.comment("no growth right after a rejection");
            acc.ifThen(read(rejectedLast), cap -> cap.assign(factor, min(read(factor), real(1.0))));
        }, rej -> rej.ifThen(finite, shrink -> {
            // ratio > 1, so ratio^(-1/k) < 1; min with safety keeps the factor below 1 whatever pow rounds to.
            IrExpr f = mul(read(safety), pow(read(ratio), real(-1.0 / errorOrder)));
            shrink.assign(factor, max(read(factorMin), min(read(safety), f)));
        }));
        return factor;
    }

    /**
     * On an accepted step: r_{n-2} <- r_{n-1} <- r_n. A zero ratio (an exact step) enters the history
     * as the neutral 1: as 0 it would force the next factor to factorMin however good that step is.
     */
    @Override
    public void onAccept(StatementBuilder out, Local ratio) {
        if (prev2 != null) {
            out.assign(prev2, read(prev1));
        }
        if (prev1 != null) {
            out.assign(prev1, Ir.select(Ir.eq(read(ratio), real(0.0)), real(1.0), read(ratio)));
        }
    }
}
