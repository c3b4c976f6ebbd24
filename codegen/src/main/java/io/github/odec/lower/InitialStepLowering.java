package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.sqrt;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Hairer, Nørsett and Wanner's initial step (Solving ODEs I, II.4): d0 = ||y0||, d1 = ||f0||,
 * h0 = 0.01 d0/d1, one explicit Euler step to estimate d2 = ||f1 - f0|| / h0, then
 * h = min(100 h0, (0.01 / max(d1, d2))^(1/(order+1))). Norms are RMS with the scale atol + rtol |y0|.
 * Costs one f evaluation, which the caller counts.
 */
final class InitialStepLowering {

    private final DynamicsLowering dynamics;
    private final List<String> names;
    private final int order;

    InitialStepLowering(DynamicsLowering dynamics, List<String> names, int order) {
        this.dynamics = dynamics;
        this.names = names;
        this.order = order;
    }

    /** Emits the computation and returns the local holding the step magnitude (positive). */
    Local emit(StatementBuilder out, SolveLocals s, Local span) {
        SolveLocals.Tolerances tol = s.tol().orElseThrow();
        int n = names.size();
        List<Local> scale = new ArrayList<>();
        List<IrExpr> d0 = new ArrayList<>();
        List<IrExpr> d1 = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Local sc = out.real("h0scale_" + names.get(j),
                    add(read(tol.atol()), mul(read(tol.rtol()), abs(read(s.y().get(j))))));
            scale.add(sc);
            d0.add(square(out, "h0q0_" + names.get(j), div(read(s.y().get(j)), read(sc))));
            d1.add(square(out, "h0q1_" + names.get(j), div(read(s.k1().get(j)), read(sc))));
        }
        Local dy0 = out.real("h0_d0", sqrt(div(Ir.sum(d0), real(n))));
        Local df0 = out.real("h0_d1", sqrt(div(Ir.sum(d1), real(n))));
        Local h0 = out.real("h0_h0", Ir.select(Ir.or(Ir.lt(read(dy0), real(1e-5)), Ir.lt(read(df0), real(1e-5))),
                real(1e-6), mul(real(0.01), div(read(dy0), read(df0)))));
        out.assign(h0, min(read(h0), read(span)));
        List<IrExpr> euler = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            euler.add(read(out.real("h0y_" + names.get(j),
                    add(read(s.y().get(j)), mul(mul(read(s.dir()), read(h0)), read(s.k1().get(j)))))));
        }
        IrExpr tEuler = add(read(s.t()), mul(read(s.dir()), read(h0)));
        List<Local> f1 = dynamics.emit(out, "h0f", tEuler, euler, s.params(),
                names.stream().map(x -> "h0f_" + x).toList());
        List<IrExpr> d2 = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            d2.add(square(out, "h0q2_" + names.get(j), div(sub(read(f1.get(j)), read(s.k1().get(j))), read(scale.get(j)))));
        }
        Local df1 = out.real("h0_d2", div(sqrt(div(Ir.sum(d2), real(n))), read(h0)));
        Local dmax = out.real("h0_dmax", max(read(df0), read(df1)));
        Local h1 = out.real("h0_h1", Ir.select(Ir.le(read(dmax), real(1e-15)),
                max(real(1e-6), mul(read(h0), real(1e-3))),
                Ir.pow(div(real(0.01), read(dmax)), real(1.0 / (order + 1)))));
        return out.real("h0_h", min(mul(real(100.0), read(h0)), read(h1)));
    }

    static IrExpr square(StatementBuilder out, String name, IrExpr x) {
        Local q = out.real(name, x);
        return mul(read(q), read(q));
    }
}
