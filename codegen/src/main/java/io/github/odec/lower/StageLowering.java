package io.github.odec.lower;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
import java.util.ArrayList;
import java.util.List;

/**
 * The tableau unrolled into constants: stages 2..s (stage 1 is {@code k1}, already known), the new
 * state and the weighted sums of the error estimate. Zero coefficients produce no code. Used by
 * {@link ExplicitRungeKuttaStepper}.
 */
final class StageLowering {

    private final Tableau tableau;
    private final DynamicsLowering dynamics;
    private final Components components;

    StageLowering(Tableau tableau, DynamicsLowering dynamics, Components components) {
        this.tableau = tableau;
        this.dynamics = dynamics;
        this.components = components;
    }

    /**
     * The stages of one step: {@code derivatives.get(i)} = k_{i+1} = f(t + c_{i+1} h, points.get(i)),
     * {@code points.get(0)} being y itself.
     */
    record Stages(List<ComponentVector> derivatives, List<ComponentVector> points) {}

    /** Emits stages 2..s; returns all stages. */
    Stages stages(StatementBuilder out, SolveState s, Local h) {
        List<ComponentVector> k = new ArrayList<>();
        List<ComponentVector> points = new ArrayList<>();
        k.add(s.k1());
        points.add(s.y());
        for (int i = 1; i < tableau.stages(); i++) {
            int stage = i + 1;
            out.comment("stage " + stage + ": c = " + tableau.c().get(i));
            List<Rational> row = tableau.a().get(i);
            ComponentVector z = components.vector(out, "z" + stage);
            components.forEach(out, (b, j) -> z.set(b, j, combination(s.y(), h, row, k, j)));
            IrExpr time = stageTime(s, h, i);
            ComponentVector ki = components.vector(out, "k" + stage);
            components.evaluate(out, dynamics, "k" + stage, time, z, s.params(), ki);
            k.add(ki);
            points.add(z);
        }
        return new Stages(k, points);
    }

    /** The time of stage i (from 0): t + c_i h, folded where c_i is 0 or 1. */
    IrExpr stageTime(SolveState s, Local h, int i) {
        return ConstantFolding.arith(IrExpr.ArithOp.ADD, Ir.read(s.t()),
                ConstantFolding.arith(IrExpr.ArithOp.MUL, literal(tableau.c().get(i)), Ir.read(h)));
    }

    /** {@code base + h * (w_0 k_0 + w_1 k_1 + ...)} for component j, skipping zero weights. */
    static IrExpr combination(ComponentVector base, Local h, List<Rational> weights, List<ComponentVector> k,
                              ComponentIndex j) {
        IrExpr sum = weightedSum(weights, k, j);
        if (ConstantFolding.isLiteral(sum, 0.0)) {
            return base.get(j);
        }
        return Ir.add(base.get(j), Ir.mul(Ir.read(h), sum));
    }

    /** {@code w_0 k_0j + w_1 k_1j + ...}: zero weights skipped, negative ones subtracted, unit ones bare. */
    static IrExpr weightedSum(List<Rational> weights, List<ComponentVector> k, ComponentIndex j) {
        IrExpr sum = null;
        for (int i = 0; i < weights.size(); i++) {
            Rational w = weights.get(i);
            if (w.isZero()) {
                continue;
            }
            IrExpr kij = k.get(i).get(j);
            Rational mag = w.abs();
            if (sum == null) {
                // (-a) * k == -(a * k) exactly: a leading negative weight is a negative literal.
                sum = w.equals(Rational.ONE) ? kij : w.equals(Rational.ONE.negate()) ? Ir.neg(kij) : Ir.mul(literal(w), kij);
            } else {
                IrExpr term = mag.equals(Rational.ONE) ? kij : Ir.mul(literal(mag), kij);
                sum = w.signum() < 0 ? Ir.sub(sum, term) : Ir.add(sum, term);
            }
        }
        return sum == null ? Ir.real(0.0) : sum;
    }

    /** b - bhat, exactly: the weights of the error estimate. */
    List<Rational> errorWeights() {
        List<Rational> bhat = tableau.bhat().orElseThrow();
        List<Rational> w = new ArrayList<>();
        for (int i = 0; i < tableau.stages(); i++) {
            w.add(tableau.b().get(i).minus(bhat.get(i)));
        }
        return w;
    }

    static IrExpr literal(Rational r) {
        return IrExpr.RealLiteral.of(r);
    }
}
