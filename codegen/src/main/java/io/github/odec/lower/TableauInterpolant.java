package io.github.odec.lower;

import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.List;

/**
 * A tableau's own dense output: y(theta) = y0 + h sum_i b_i(theta) k_i, each b_i(theta) a polynomial
 * without constant term evaluated by Horner's rule; stages whose polynomial is zero produce no code.
 *
 * @param y0 the state at the step start
 * @param k  the step's stages, {@code k.get(i)} = stage i+1
 */
record TableauInterpolant(Tableau tableau, Components components, ComponentVector y0, Local h,
                          List<ComponentVector> k) implements Interpolant {

    TableauInterpolant {
        if (!tableau.hasDenseOutput()) {
            throw new IllegalArgumentException(tableau.name() + " has no interpolation polynomials");
        }
        k = List.copyOf(k);
    }

    @Override
    public Evaluation evaluate(StatementBuilder out, Local theta) {
        List<List<Rational>> interp = tableau.interp().orElseThrow();
        List<Local> weights = new ArrayList<>();
        List<Integer> stages = new ArrayList<>();
        for (int i = 0; i < tableau.stages(); i++) {
            List<Rational> d = i < interp.size() ? interp.get(i) : List.of();
            if (d.stream().allMatch(Rational::isZero)) {
                continue;
            }
            // b_i(theta) = theta * (d1 + theta * (d2 + ... + theta * dk)), Horner's rule.
            IrExpr horner = StageLowering.literal(d.getLast());
            for (int p = d.size() - 2; p >= 0; p--) {
                horner = ConstantFolding.arith(IrExpr.ArithOp.ADD, StageLowering.literal(d.get(p)), mul(read(theta), horner));
            }
            weights.add(out.real("w" + (i + 1), mul(read(theta), horner)));
            stages.add(i);
        }
        return (b, j) -> {
            List<IrExpr> terms = new ArrayList<>();
            for (int m = 0; m < weights.size(); m++) {
                terms.add(mul(read(weights.get(m)), k.get(stages.get(m)).get(j)));
            }
            return add(y0.get(j), mul(read(h), Ir.sum(terms)));
        };
    }
}
