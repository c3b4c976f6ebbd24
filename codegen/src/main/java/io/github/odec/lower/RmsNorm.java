package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.sqrt;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import java.util.function.BiFunction;

/**
 * The standard norm (Hairer's, diffrax's, solve_ivp's): e_j scaled by atol + rtol * max(|y_j|,
 * |ynew_j|), root mean square over the components.
 */
record RmsNorm() implements ErrorNorm {

    @Override
    public Local ratio(StatementBuilder out, SolveState s, Components components, Trial trial) {
        SolveState.ErrorControl tol = s.control().orElseThrow();
        out.comment("error ratio: RMS of the scaled error estimate");
        return out.real("ratio", norm(out, components, "errSum", "err", (b, j) -> {
            IrExpr scale = add(read(tol.atol()), mul(read(tol.rtol()), max(abs(s.y().get(j)), abs(trial.state().get(j)))));
            return div(trial.error(j), scale);
        }));
    }

    @Override
    public IrExpr norm(StatementBuilder out, Components components, String sum, String term,
            BiFunction<StatementBuilder, ComponentIndex, IrExpr> scaled) {
        IrExpr squares = components.sum(out, sum, (b, j) -> square(b, j.name(term), scaled.apply(b, j)));
        return sqrt(div(squares, real(components.count())));
    }

    /** {@code x * x} through a local, so that x is computed once. */
    private static IrExpr square(StatementBuilder out, String name, IrExpr x) {
        Local q = out.real(name, x);
        return mul(read(q), read(q));
    }
}
