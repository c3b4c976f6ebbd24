package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.and;
import static io.github.odec.ir.Ir.bool;
import static io.github.odec.ir.Ir.ge;
import static io.github.odec.ir.Ir.integer;
import static io.github.odec.ir.Ir.isFinite;
import static io.github.odec.ir.Ir.le;
import static io.github.odec.ir.Ir.lt;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.not;
import static io.github.odec.ir.Ir.or;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.select;
import static io.github.odec.ir.Ir.sub;
import static io.github.odec.ir.Ir.toReal;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Optional;

/**
 * The step loop, shared by every method family: attempt (the {@link Stepper}), check, estimate (the
 * {@link ErrorNorm}), accept or reject, write evaluation points (the step's {@link Interpolant}),
 * update the observes ({@link ObserveLowering}), adapt (the {@link StepController}; fixed steps
 * without one).
 */
final class StepLoopLowering<T extends Trial> {

    private final Stepper<T> stepper;
    private final SolverSpec spec;
    private final DynamicsLowering dynamics;
    private final Components components;
    private final Optional<StepController> controller;
    private final ErrorNorm norm;
    private final ObserveLowering observes;

    StepLoopLowering(Stepper<T> stepper, SolverSpec spec, DynamicsLowering dynamics, Components components,
                     Optional<StepController> controller, ErrorNorm norm, ObserveLowering observes) {
        this.observes = observes;
        this.stepper = stepper;
        this.spec = spec;
        this.dynamics = dynamics;
        this.components = components;
        this.controller = controller;
        this.norm = norm;
    }

    /** @param dt the signed step to attempt next (updated by the controller) */
    void emit(StatementBuilder body, SolveState s, Local dt, Local maxSteps) {
        SolveState.Statistics stats = s.stats();
        Optional<StepController.Declared> declared = controller.map(c -> c.declare(body));
        Optional<Local> rejectedLast = declared.map(c -> body.bool("rejectedLast", bool(false)));
        body.whileLoop(bool(true), loop -> {
            loop.ifThen(ge(read(stats.steps()), read(maxSteps)), stop -> stop(stop, stats, Status.REACHED_MAX_STEPS));
            // The last step lands on t1 exactly. A step that would end within 64 ulps of t1 (measured
            // on the scale of t, where the rounding of t lives) is stretched to it rather than leaving
            // a sliver of a step behind.
            double slack = 64 * (spec.precision() == Precision.F64 ? 0x1p-52 : 0x1p-23);
            Local last = loop.bool("last", le(mul(sub(read(s.t1()), read(s.t())), read(s.dir())),
                    add(mul(read(dt), read(s.dir())), mul(real(slack), max(abs(read(s.t())), abs(read(s.t1())))))));
            Local h = loop.real("h", select(read(last), sub(read(s.t1()), read(s.t())), read(dt)));
            SolveState.Statistics.increment(loop, stats.steps(), 1);
            T trial = stepper.attempt(loop, s, h);
            ComponentVector yNew = trial.state();
            IrExpr finite = components.all(loop, "finite", (b, j) -> isFinite(yNew.get(j)));
            if (declared.isEmpty()) {
                loop.ifThen(not(finite), stop -> stop(stop, stats, Status.INFINITE_NORM));
                acceptStep(loop, s, trial, last, Optional.empty());
                return;
            }
            StepController.Declared control = declared.orElseThrow();
            SolveState.ErrorControl bounds = s.control().orElseThrow();
            Local ratio = norm.ratio(loop, s, components, trial);
            // A trial that overflowed is rejected and shrunk like any other (by factorMin): it ends the
            // instance with INFINITE_NORM only when the shrunk step is below dtMin or no longer moves t.
            Local trialFinite = loop.bool("trialFinite", and(isFinite(read(ratio)), finite));
            Local accept = loop.bool("accept", and(read(trialFinite), le(read(ratio), real(1.0))));
            Local rejected = rejectedLast.orElseThrow();
            Local factor = control.factor(loop, ratio, accept, read(trialFinite), rejected);
            loop.ifThen(read(accept), acc -> acceptStep(acc, s, trial, last, Optional.of(new Adapted(control, ratio))));
            loop.assign(rejected, not(read(accept)));
            Local rejections = stats.rejected().orElseThrow();
            loop.assign(rejections, add(read(rejections), select(read(accept), integer(0), integer(1))));
            Local next = loop.real("dtNext", min(mul(abs(read(h)), read(factor)), read(bounds.dtMax())));
            // not(next >= dtMin) rather than next < dtMin: a NaN step (f(t0) not finite) stops too.
            loop.ifThen(and(not(read(trialFinite)), or(not(ge(read(next), read(bounds.dtMin()))),
                            Ir.eq(add(read(s.t()), mul(read(s.dir()), read(next))), read(s.t())))),
                    stop -> stop(stop, stats, Status.INFINITE_NORM));
            loop.ifThen(lt(read(next), read(bounds.dtMin())), stop -> stop(stop, stats, Status.REACHED_DT_MIN));
            loop.assign(dt, mul(read(s.dir()), read(next)));
        });
    }

    /** An accepted step under a controller: the ratio it moves its history on with. */
    private record Adapted(StepController.Declared control, Local ratio) {}

    private void acceptStep(StatementBuilder acc, SolveState s, T trial, Local last, Optional<Adapted> adapted) {
        SolveState.Statistics stats = s.stats();
        Local h = trial.h();
        // Fixed steps sit at t0 + n dt: accumulating t += dt would drift by n roundings and leave
        // a sliver step before t1.
        IrExpr next = adapted.isPresent()
                ? add(read(s.t()), read(h))
                : add(read(s.t0()), mul(toReal(add(read(stats.accepted()), integer(1))), read(h)));
        Local tNew = acc.real("tNew", select(read(last), read(s.t1()), next));
        SolveState.Statistics.increment(acc, stats.accepted(), 1);
        stats.onAccept(acc, h);
        Stepper.Accepted accepted = stepper.onAccept(acc, s, trial, tNew, s.cursor().isPresent());
        Optional<ComponentVector> fNew = accepted.endDerivative();
        s.cursor().ifPresent(cursor -> {
            acc.comment("evaluation points in (t, tNew]");
            new EvaluationPoints(components).emit(acc, s, tNew, h, trial.state(), accepted.interpolant().orElseThrow(),
                    cursor, stats.filled());
        });
        observes.onAccept(acc, stepper, s, trial, tNew);
        components.copy(acc, trial.state(), s.y());
        acc.assign(s.t(), read(tNew));
        fNew.ifPresent(f -> components.copy(acc, f, s.k1()));
        adapted.ifPresent(a -> a.control().onAccept(acc, a.ratio()));
        acc.ifThen(read(last), StatementBuilder::breakLoop);
        if (fNew.isEmpty()) {
            acc.comment("f at the new point: the next step's first stage");
            components.evaluate(acc, dynamics, "f1", read(s.t()), s.y(), s.params(), s.k1());
            SolveState.Statistics.increment(acc, stats.fEvals(), 1);
        }
    }

    private static void stop(StatementBuilder out, SolveState.Statistics stats, Status status) {
        out.assign(stats.status(), integer(status.code()));
        out.breakLoop();
    }
}
