package io.github.odec.lower;

import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.read;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Rational;
import io.github.odec.model.Tableau;
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
     * @param errorWeights  b - bhat; empty for a tableau without embedded weights
     */
    record RungeKuttaTrial(Local h, List<ComponentVector> k, ComponentVector state,
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
        List<ComponentVector> k = stages.stages(out, s, h);
        if (tableau.stages() > 1) {
            SolveState.Statistics.increment(out, s.stats().fEvals(), tableau.stages() - 1);
        }
        out.comment("the new state");
        ComponentVector yNew = components.vector(out, "yNew");
        components.forEach(out, (b, j) -> yNew.set(b, j, StageLowering.combination(s.y(), h, tableau.b(), k, j)));
        return new RungeKuttaTrial(h, k, yNew,
                tableau.adaptive() ? Optional.of(stages.errorWeights()) : Optional.empty());
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
