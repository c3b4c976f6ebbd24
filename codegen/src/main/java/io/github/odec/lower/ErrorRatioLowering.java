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
import io.github.odec.model.Rational;
import java.util.List;

/**
 * The error ratio of an attempted step: e_j = h * sum_i (b_i - bhat_i) k_ij, scaled by
 * atol + rtol * max(|y_j|, |ynew_j|), RMS over components. The step is accepted iff ratio <= 1.
 */
final class ErrorRatioLowering {

    private ErrorRatioLowering() {}

    static Local emit(StatementBuilder out, SolveState s, Components components, List<Rational> errorWeights,
                      List<ComponentVector> k, Local h, ComponentVector yNew) {
        SolveState.ErrorControl tol = s.control().orElseThrow();
        IrExpr sum = components.sum(out, "errSum", (b, j) -> {
            IrExpr e = mul(read(h), StageLowering.weightedSum(errorWeights, k, j));
            IrExpr scale = add(read(tol.atol()), mul(read(tol.rtol()), max(abs(s.y().get(j)), abs(yNew.get(j)))));
            return InitialStepLowering.square(b, j.name("err"), div(e, scale));
        });
        return out.real("ratio", sqrt(div(sum, real(components.count()))));
    }
}
