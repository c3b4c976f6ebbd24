package io.github.odec.lower;

import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import java.util.List;
import java.util.Optional;

/**
 * A second stepper for the seam tests: two explicit Euler half steps, with the difference to one full
 * Euler step as the error estimate (step doubling, O(h^2) per step). First order; Hermite dense output.
 */
final class StepDoublingEuler implements Stepper<StepDoublingEuler.DoubledTrial> {

    private final DynamicsLowering dynamics;
    private final Components components;

    StepDoublingEuler(DynamicsLowering dynamics, Components components) {
        this.dynamics = dynamics;
        this.components = components;
    }

    /** @param coarse the one full Euler step; {@code mid} the state after the first half step */
    record DoubledTrial(Local h, ComponentVector state, ComponentVector coarse, ComponentVector mid) implements Trial {
        @Override
        public IrExpr error(ComponentIndex j) {
            return sub(state.get(j), coarse.get(j));
        }
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public DoubledTrial attempt(StatementBuilder out, SolveState s, Local h) {
        Local half = out.real("halfH", mul(read(h), real(0.5)));
        ComponentVector coarse = components.vector(out, "yc");
        components.forEach(out, (b, j) -> coarse.set(b, j, add(s.y().get(j), mul(read(h), s.k1().get(j)))));
        ComponentVector mid = components.vector(out, "ym");
        components.forEach(out, (b, j) -> mid.set(b, j, add(s.y().get(j), mul(read(half), s.k1().get(j)))));
        ComponentVector fm = components.vector(out, "fm");
        components.evaluate(out, dynamics, "fm", add(read(s.t()), read(half)), mid, s.params(), fm);
        SolveState.Statistics.increment(out, s.stats().fEvals(), 1);
        ComponentVector yNew = components.vector(out, "yNew");
        components.forEach(out, (b, j) -> yNew.set(b, j, add(mid.get(j), mul(read(half), fm.get(j)))));
        return new DoubledTrial(h, yNew, coarse, mid);
    }

    /** The two half steps' left rectangles, h/2 (g(t, y) + g(t + h/2, ym)): first order, as the step. */
    @Override
    public List<IrExpr> quadrature(StatementBuilder acc, SolveState s, DoubledTrial trial, Integrands g) {
        List<IrExpr> start = g.at(acc, "q1", read(s.t()), s.y());
        List<IrExpr> middle = g.at(acc, "q2", add(read(s.t()), mul(read(trial.h()), real(0.5))), trial.mid());
        List<IrExpr> out = new java.util.ArrayList<>();
        for (int r = 0; r < start.size(); r++) {
            out.add(mul(mul(read(trial.h()), real(0.5)), add(start.get(r), middle.get(r))));
        }
        return out;
    }

    @Override
    public Accepted onAccept(StatementBuilder acc, SolveState s, DoubledTrial trial, Local tNew, boolean interpolate) {
        if (!interpolate) {
            return new Accepted(Optional.empty(), Optional.empty());
        }
        ComponentVector f1 = components.vector(acc, "f1");
        components.evaluate(acc, dynamics, "f1", read(tNew), trial.state(), s.params(), f1);
        SolveState.Statistics.increment(acc, s.stats().fEvals(), 1);
        return new Accepted(Optional.of(f1),
                Optional.of(new HermiteInterpolant(components, s.y(), s.k1(), trial.state(), f1, trial.h())));
    }
}
