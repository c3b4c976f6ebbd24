package io.github.odec.lower;

import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.div;
import static io.github.odec.ir.Ir.gt;
import static io.github.odec.ir.Ir.integer;
import static io.github.odec.ir.Ir.load;
import static io.github.odec.ir.Ir.lt;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.spi.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Fills the evaluation times an accepted step passed, in the direction of integration: from the
 * tableau's interpolation polynomials b_i(theta) by Horner's rule, or, without them, the cubic
 * Hermite interpolant through (y0, f0) and (y1, f1). A time equal to the step end takes the step-end
 * state exactly.
 */
final class DenseOutputLowering {

    private final Tableau tableau;
    private final Components components;

    DenseOutputLowering(Tableau tableau, Components components) {
        this.tableau = tableau;
        this.components = components;
    }

    /** Whether the solver needs f at the step end beyond the stages: Hermite needs f1. */
    boolean needsEndDerivative() {
        return !tableau.hasDenseOutput();
    }

    /**
     * @param f1     f at the step end (needed by Hermite only)
     * @param cursor the next pending evaluation time (advanced here)
     * @param filled statistics counter (advanced here)
     */
    void emit(StatementBuilder out, SolveState s, Local tNew, Local h, ComponentVector yNew, List<ComponentVector> k,
              Optional<ComponentVector> f1, SolveState.EvalCursor cursor, Local filled) {
        Local ev = cursor.next();
        out.whileLoop(lt(read(ev), new IrExpr.EvalCount()), loop -> {
            Local te = loop.real("te", load(Slot.EVAL_TIMES, read(ev)));
            loop.ifThen(gt(mul(sub(read(te), read(tNew)), read(s.dir())), real(0.0)), StatementBuilder::breakLoop);
            Local row = loop.integer("ysRow", mul(read(ev), integer(components.count())));
            loop.ifThenElse(Ir.eq(read(te), read(tNew)),
                    exact -> components.forEach(exact, (b, j) -> b.store(Slot.YS, j.offset(read(row)), yNew.get(j))),
                    interp -> {
                        Local theta = interp.real("theta", div(sub(read(te), read(s.t())), read(h)));
                        if (tableau.hasDenseOutput()) {
                            polynomial(interp, s, theta, h, k, row);
                        } else {
                            hermite(interp, s, theta, h, yNew, f1.orElseThrow(), row);
                        }
                    });
            loop.assign(ev, add(read(ev), integer(1)));
            loop.assign(filled, add(read(filled), integer(1)));
        });
    }

    private void polynomial(StatementBuilder out, SolveState s, Local theta, Local h, List<ComponentVector> k, Local row) {
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
        components.forEach(out, (b, j) -> {
            List<IrExpr> terms = new ArrayList<>();
            for (int m = 0; m < weights.size(); m++) {
                terms.add(mul(read(weights.get(m)), k.get(stages.get(m)).get(j)));
            }
            b.store(Slot.YS, j.offset(read(row)), add(s.y().get(j), mul(read(h), Ir.sum(terms))));
        });
    }

    private void hermite(StatementBuilder out, SolveState s, Local theta, Local h, ComponentVector yNew,
                         ComponentVector f1, Local row) {
        Local a = out.real("hm_a", sub(real(1.0), mul(real(2.0), read(theta))));
        Local b = out.real("hm_b", mul(sub(read(theta), real(1.0)), read(h)));
        Local c = out.real("hm_c", mul(read(theta), read(h)));
        Local w = out.real("hm_w", mul(read(theta), sub(read(theta), real(1.0))));
        components.forEach(out, (body, j) -> {
            Local d = body.real(j.name("hm_d"), sub(yNew.get(j), s.y().get(j)));
            IrExpr bracket = add(add(mul(read(a), read(d)), mul(read(b), s.k1().get(j))), mul(read(c), f1.get(j)));
            body.store(Slot.YS, j.offset(read(row)), add(add(s.y().get(j), mul(read(theta), read(d))), mul(read(w), bracket)));
        });
    }
}
