package io.github.odec.lower;

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
import java.util.Optional;

/**
 * Explicit Runge-Kutta from a tableau: stages 2..s from k1 = f(t, y), the new state from b, the
 * error estimate from b - bhat; FSAL tableaus hand their last stage on as f at the new point. Dense
 * output is the tableau's polynomials, else cubic Hermite, which needs f at the step end (evaluated
 * on acceptance, then also the next step's first stage).
 */
final class ExplicitRungeKuttaStepper implements Stepper<ExplicitRungeKuttaStepper.RungeKuttaTrial> {

    private final Tableau tableau;
    private final DynamicsLowering dynamics;
    private final Components components;
    private final StageLowering stages;

    ExplicitRungeKuttaStepper(Tableau tableau, DynamicsLowering dynamics, Components components) {
        this.tableau = tableau;
        this.dynamics = dynamics;
        this.components = components;
        this.stages = new StageLowering(tableau, dynamics, components);
    }

    /**
     * @param k             all stages, {@code k.get(i)} = stage i+1
     * @param points        the stages' states, {@code points.get(i)} = the y that k.get(i) is f of
     * @param errorWeights  b - bhat; empty for a tableau without embedded weights
     */
    record RungeKuttaTrial(Local h, List<ComponentVector> k, List<ComponentVector> points, ComponentVector state,
                           Optional<List<Rational>> errorWeights) implements Trial {

        @Override
        public IrExpr error(ComponentIndex j) {
            return mul(read(h), StageLowering.weightedSum(errorWeights.orElseThrow(), k, j));
        }
    }

    @Override
    public int order() {
        return tableau.order();
    }

    @Override
    public RungeKuttaTrial attempt(StatementBuilder out, SolveState s, Local h) {
        StageLowering.Stages st = stages.stages(out, s, h);
        List<ComponentVector> k = st.derivatives();
        if (tableau.stages() > 1) {
            SolveState.Statistics.increment(out, s.stats().fEvals(), tableau.stages() - 1);
        }
        out.comment("the new state");
        ComponentVector yNew = components.vector(out, "yNew");
        components.forEach(out, (b, j) -> yNew.set(b, j, StageLowering.combination(s.y(), h, tableau.b(), k, j)));
        return new RungeKuttaTrial(h, k, st.points(), yNew,
                tableau.adaptive() ? Optional.of(stages.errorWeights()) : Optional.empty());
    }

    /**
     * h (b_1 g_1 + ... + b_s g_s) with g_i the integrands at stage i's time and state: exactly the
     * increment this tableau gives a component q' = g(t, y) appended to the system, so of the
     * method's order. Stages of weight 0 (FSAL's last, for one) evaluate nothing.
     */
    @Override
    public List<IrExpr> quadrature(StatementBuilder acc, SolveState s, RungeKuttaTrial trial, Integrands g) {
        List<IrExpr> sums = new ArrayList<>();
        for (int i = 0; i < tableau.stages(); i++) {
            Rational w = tableau.b().get(i);
            if (w.isZero()) {
                continue;
            }
            List<IrExpr> at = g.at(acc, "q" + (i + 1), stages.stageTime(s, trial.h(), i), trial.points().get(i));
            for (int r = 0; r < at.size(); r++) {
                IrExpr term = w.equals(Rational.ONE) ? at.get(r) : mul(StageLowering.literal(w), at.get(r));
                if (sums.size() <= r) {
                    sums.add(term);
                } else {
                    sums.set(r, Ir.add(sums.get(r), term));
                }
            }
        }
        List<IrExpr> increments = new ArrayList<>();
        for (IrExpr sum : sums) {
            increments.add(mul(read(trial.h()), sum));
        }
        return increments;
    }

    @Override
    public Accepted onAccept(StatementBuilder acc, SolveState s, RungeKuttaTrial trial, Local tNew, boolean interpolate) {
        Optional<ComponentVector> fNew = Optional.empty();
        if (tableau.fsal()) {
            fNew = Optional.of(trial.k().getLast());
        } else if (interpolate && !tableau.hasDenseOutput()) {
            acc.comment("f at the step end: Hermite's f1 and the next step's first stage");
            ComponentVector f1 = components.vector(acc, "f1");
            components.evaluate(acc, dynamics, "f1", read(tNew), trial.state(), s.params(), f1);
            SolveState.Statistics.increment(acc, s.stats().fEvals(), 1);
            fNew = Optional.of(f1);
        }
        if (!interpolate) {
            return new Accepted(fNew, Optional.empty());
        }
        Interpolant interpolant = tableau.hasDenseOutput()
                ? new TableauInterpolant(tableau, components, s.y(), trial.h(), trial.k())
                : new HermiteInterpolant(components, s.y(), s.k1(), trial.state(), fNew.orElseThrow(), trial.h());
        return new Accepted(fNew, Optional.of(interpolant));
    }
}
