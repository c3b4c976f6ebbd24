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
import java.util.Optional;

/**
 * Step-size controllers after Söderlind, with diffrax's PIDController coefficients read at run time.
 * After an accepted step: factor = safety * r_n^(-(p+i+d)/k) * r_{n-1}^((p+2d)/k) * r_{n-2}^(-d/k),
 * clipped to [factorMin, factorMax] (and to 1 right after a rejection). INTEGRAL uses icoeff alone
 * (one pow), PI drops the d terms. The ratio history starts at 1 and advances on accepted steps only
 * (see {@link Terms#onAccept}).
 *
 * <p>After a rejected step the history is ignored: factor = max(factorMin, min(safety, safety * r_n^(-1/k))),
 * the integral controller's rule on the current ratio alone, so that a rejection always shrinks the
 * step (safety and factorMin are below 1). With the history, a preset whose p + 2d < 0 (H312PID) gets
 * factors >= 1 on a rejection when the previous steps had small errors, and retries the same step
 * forever. OrdinaryDiffEq.jl's PIController also uses the current error alone on a rejection, and its
 * PIDController rejects only when the factor is below accept_safety < 1. A trial step whose state or
 * ratio is not finite takes factorMin (diffrax's rule for an infinite error).
 */
record PidController(StepControllerKind kind, int errorOrder) implements StepController {

    PidController {
        if (kind == StepControllerKind.FIXED) {
            throw new IllegalArgumentException("FIXED has no controller");
        }
    }

    /** The exponents (loop invariants) and the ratio history. */
    @Override
    public Declared declare(StatementBuilder out) {
        IrExpr k = real(errorOrder);
        IrExpr p = coefficient(Coefficient.PCOEFF);
        IrExpr i = coefficient(Coefficient.ICOEFF);
        IrExpr d = coefficient(Coefficient.DCOEFF);
        Local safety = out.real("ctl_safety", coefficient(Coefficient.SAFETY));
        Local factorMin = out.real("ctl_factorMin", coefficient(Coefficient.FACTOR_MIN));
        Local factorMax = out.real("ctl_factorMax", coefficient(Coefficient.FACTOR_MAX));
        return switch (kind) {
            case INTEGRAL -> new Terms(errorOrder, safety, factorMin, factorMax, out.real("ctl_e0", neg(div(i, k))),
                    Optional.empty(), Optional.empty());
            case PI -> {
                Local e0 = out.real("ctl_e0", neg(div(Ir.add(p, i), k)));
                Local e1 = out.real("ctl_e1", div(p, k));
                Local r1 = out.real("ctl_r1", real(1.0));
                yield new Terms(errorOrder, safety, factorMin, factorMax, e0, Optional.of(new Past(e1, r1)),
                        Optional.empty());
            }
            case PID -> {
                Local e0 = out.real("ctl_e0", neg(div(Ir.add(Ir.add(p, i), d), k)));
                Local e1 = out.real("ctl_e1", div(Ir.add(p, mul(real(2.0), d)), k));
                Local e2 = out.real("ctl_e2", neg(div(d, k)));
                Local r1 = out.real("ctl_r1", real(1.0));
                Local r2 = out.real("ctl_r2", real(1.0));
                yield new Terms(errorOrder, safety, factorMin, factorMax, e0, Optional.of(new Past(e1, r1)),
                        Optional.of(new Past(e2, r2)));
            }
            case FIXED -> throw new AssertionError();
        };
    }

    /** A past ratio and its exponent. */
    private record Past(Local exponent, Local ratio) {}

    /**
     * The controller's locals in one solve.
     *
     * @param exp0  the exponent of the current ratio
     * @param prev1 r_{n-1} (PI, PID)
     * @param prev2 r_{n-2} (PID)
     */
    private record Terms(int errorOrder, Local safety, Local factorMin, Local factorMax, Local exp0,
                         Optional<Past> prev1, Optional<Past> prev2) implements Declared {

        /**
         * The controller's factor on an accepted step, the current ratio's alone on a rejected one
         * (strictly below 1), factorMin when the trial was not finite. Reads the history before
         * {@link #onAccept} moves it on.
         */
        @Override
        public Local factor(StatementBuilder out, Local ratio, Local accept, IrExpr finite, Local rejectedLast) {
            Local factor = out.real("factor", read(factorMin));
            out.ifThenElse(read(accept), acc -> {
                IrExpr f = times(times(mul(read(safety), pow(read(ratio), read(exp0))), prev1), prev2);
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

        private static IrExpr times(IrExpr f, Optional<Past> past) {
            return past.map(r -> mul(f, pow(read(r.ratio()), read(r.exponent())))).orElse(f);
        }

        /**
         * On an accepted step: r_{n-2} <- r_{n-1} <- r_n. A zero ratio (an exact step) enters the history
         * as the neutral 1: as 0 it would force the next factor to factorMin however good that step is.
         */
        @Override
        public void onAccept(StatementBuilder out, Local ratio) {
            prev2.ifPresent(r2 -> out.assign(r2.ratio(), read(prev1.orElseThrow().ratio())));
            prev1.ifPresent(r1 -> out.assign(r1.ratio(), Ir.select(Ir.eq(read(ratio), real(0.0)), real(1.0), read(ratio))));
        }
    }
}
