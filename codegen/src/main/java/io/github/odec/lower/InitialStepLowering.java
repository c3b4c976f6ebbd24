package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.Ir;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;

/**
 * Hairer, Nørsett and Wanner's initial step (Solving ODEs I, II.4): d0 = ||y0||, d1 = ||f0||,
 * h0 = 0.01 d0/d1, one explicit Euler step to estimate d2 = ||f1 - f0|| / h0, then
 * h = min(100 h0, (0.01 / max(d1, d2))^(1/p)), p the method's order. Norms are the solver's
 * {@link ErrorNorm} (RMS as standard) with the scale atol + rtol |y0|. Costs one f evaluation, which the caller counts.
 *
 * <p>The exponent is 1/p as in Hairer's DOPRI5 and DOP853 codes (IORD = 5, 8), Hipparchus
 * ({@code 1 / getOrder()}) and scipy ({@code 1 / (error_estimator_order + 1)}, 5 for RK45, 8 for DOP853),
 * not the book's 1/(p+1). An estimate that is not a positive number (the Euler probe overflowed, so
 * d2 is infinite or NaN) falls back to h0: the step loop rejects and shrinks from there.
 */
final class InitialStepLowering {

    private final DynamicsLowering dynamics;
    private final Components components;
    private final int order;
    private final ErrorNorm norm;

    InitialStepLowering(DynamicsLowering dynamics, Components components, int order, ErrorNorm norm) {
        this.dynamics = dynamics;
        this.components = components;
        this.order = order;
        this.norm = norm;
    }

    /** Emits the computation and returns the local holding the step magnitude (positive). */
    Local emit(StatementBuilder out, SolveState s, Local span) {
        SolveState.ErrorControl tol = s.control().orElseThrow();
        ComponentVector scale = components.vector(out, "h0scale");
        components.forEach(out, (b, j) -> scale.set(b, j, add(read(tol.atol()), mul(read(tol.rtol()), abs(s.y().get(j))))));
        Local dy0 = out.real("h0_d0", norm.norm(out, components, "h0_s0", "h0q0", (b, j) -> div(s.y().get(j), scale.get(j))));
        Local df0 = out.real("h0_d1", norm.norm(out, components, "h0_s1", "h0q1", (b, j) -> div(s.k1().get(j), scale.get(j))));
        Local h0 = out.real("h0_h0", Ir.select(Ir.or(Ir.lt(read(dy0), real(1e-5)), Ir.lt(read(df0), real(1e-5))),
                real(1e-6), mul(real(0.01), div(read(dy0), read(df0)))));
        out.assign(h0, min(read(h0), read(span)));
        ComponentVector euler = components.vector(out, "h0y");
        components.forEach(out, (b, j) -> euler.set(b, j, add(s.y().get(j), mul(mul(read(s.dir()), read(h0)), s.k1().get(j)))));
        ComponentVector f1 = components.vector(out, "h0f");
        components.evaluate(out, dynamics, "h0f", add(read(s.t()), mul(read(s.dir()), read(h0))), euler, s.params(), f1);
        Local df1 = out.real("h0_d2", div(norm.norm(out, components, "h0_s2", "h0q2",
                (b, j) -> div(sub(f1.get(j), s.k1().get(j)), scale.get(j))), read(h0)));
        Local dmax = out.real("h0_dmax", max(read(df0), read(df1)));
        Local h1 = out.real("h0_h1", Ir.select(Ir.le(read(dmax), real(1e-15)),
                max(real(1e-6), mul(read(h0), real(1e-3))),
                Ir.pow(div(real(0.01), read(dmax)), real(1.0 / order))));
        Local h = out.real("h0_h", min(mul(real(100.0), read(h0)), read(h1)));
        out.assign(h, Ir.select(Ir.gt(read(h), real(0.0)), read(h), read(h0)));
        return h;
    }
}
