package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.and;
import static io.github.odec.ir.Ir.bool;
import static io.github.odec.ir.Ir.ge;
import static io.github.odec.ir.Ir.gt;
import static io.github.odec.ir.Ir.integer;
import static io.github.odec.ir.Ir.isFinite;
import static io.github.odec.ir.Ir.le;
import static io.github.odec.ir.Ir.load;
import static io.github.odec.ir.Ir.lt;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.ne;
import static io.github.odec.ir.Ir.not;
import static io.github.odec.ir.Ir.or;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.select;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.Buffer;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.SolverFunction;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers (system, tableau, spec) to the per-instance solver function: the numerics contract of
 * DESIGN.md written once as IR. The order of the solve is in {@link #lower}; each concern (stages,
 * initial step, error ratio, controller, dense output, dynamics) has its own class.
 */
public final class SolverLowering {

    private final OdeSystem system;
    private final Tableau tableau;
    private final SolverSpec spec;
    private final boolean adaptive;
    private final List<String> names;
    private final List<String> paramNames;
    private final DynamicsLowering dynamics;
    private final Local instance = new Local("instance", ScalarType.INT);

    private SolverLowering(OdeSystem system, Tableau tableau, SolverSpec spec) {
        this.system = system;
        this.tableau = tableau;
        this.spec = spec;
        this.adaptive = spec.controller() != StepControllerKind.FIXED;
        if (adaptive && !tableau.adaptive()) {
            throw new IllegalArgumentException("method '" + tableau.name() + "' has no embedded weights (bhat), so it "
                    + "cannot adapt its step with the " + spec.controller() + " controller; use FIXED");
        }
        this.names = ComponentNames.of(system.stateNames());
        this.paramNames = ComponentNames.of(system.paramNames());
        this.dynamics = new DynamicsLowering(system);
    }

    /** k of the controller: 1 + the lower of the two orders; for a fixed step, the method's order. */
    public static int errorOrder(Tableau t, StepControllerKind controller) {
        if (controller == StepControllerKind.FIXED || t.embeddedOrder().isEmpty()) {
            return t.order();
        }
        return 1 + Math.min(t.order(), t.embeddedOrder().getAsInt());
    }

    public static SolverFunction lower(OdeSystem system, Tableau tableau, SolverSpec spec) {
        return new SolverLowering(system, tableau, spec).build();
    }

    private SolverFunction build() {
        int n = system.stateCount();
        int np = system.paramCount();
        StatementBuilder b = new StatementBuilder();
        b.comment("inputs of this instance");
        Local t0 = b.real("t0", load(Buffer.T0, integer(0)));
        Local t1 = b.real("t1", load(Buffer.T1, integer(0)));
        List<Local> y = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            y.add(b.real("y_" + names.get(j), load(Buffer.Y0, integer(j))));
        }
        List<IrExpr> params = new ArrayList<>();
        for (int p = 0; p < np; p++) {
            params.add(read(b.real("p_" + paramNames.get(p), load(Buffer.PARAMS, integer(p)))));
        }
        Local maxSteps = b.integer("maxSteps", load(Buffer.MAX_STEPS, integer(0)));
        Optional<SolveLocals.Tolerances> tol = Optional.empty();
        Local dtMin = null;
        Local dtMax = null;
        if (adaptive) {
            tol = Optional.of(new SolveLocals.Tolerances(b.real("atol", load(Buffer.ATOL, integer(0))),
                    b.real("rtol", load(Buffer.RTOL, integer(0)))));
            dtMin = b.real("dtMin", load(Buffer.DT_MIN, integer(0)));
            dtMax = b.real("dtMax", load(Buffer.DT_MAX, integer(0)));
        }
        Local steps = b.integer("steps", integer(0));
        Local accepted = b.integer("accepted", integer(0));
        Local fEvals = b.integer("fEvals", integer(0));
        Local filled = b.integer("filled", integer(0));
        Local status = b.integer("status", integer(Status.SUCCESS.code()));
        Local t = b.real("t", read(t0));

        Local ev = null;
        if (spec.denseOutput()) {
            b.comment("evaluation points not reached stay NaN; those at t0 take y0");
            Local fill = b.integer("nanFill", integer(0));
            b.whileLoop(lt(read(fill), mul(new IrExpr.EvalCount(), integer(n))), loop -> {
                loop.store(Buffer.YS, read(fill), real(Double.NaN));
                loop.assign(fill, add(read(fill), integer(1)));
            });
            ev = b.integer("ev", integer(0));
            Local evLocal = ev;
            b.whileLoop(lt(read(ev), new IrExpr.EvalCount()), loop -> {
                loop.ifThen(ne(load(Buffer.EVAL_TIMES, read(evLocal)), read(t0)), StatementBuilder::breakLoop);
                Local row = loop.integer("row0", mul(read(evLocal), integer(n)));
                for (int j = 0; j < n; j++) {
                    loop.store(Buffer.YS, DenseOutputLowering.offset(row, j), read(y.get(j)));
                }
                loop.assign(evLocal, add(read(evLocal), integer(1)));
                loop.assign(filled, add(read(filled), integer(1)));
            });
        }

        Local dtMinF = dtMin;
        Local dtMaxF = dtMax;
        Local evF = ev;
        Optional<SolveLocals.Tolerances> tolF = tol;
        b.ifThen(ne(read(t0), read(t1)), body -> {
            Local dir = body.real("dir", select(gt(read(t1), read(t0)), real(1.0), real(-1.0)));
            Local span = body.real("span", abs(sub(read(t1), read(t0))));
            body.comment("f at t0: the first stage of the first step");
            List<Local> k1 = dynamics.emit(body, "k1", read(t), y.stream().map(l -> (IrExpr) read(l)).toList(), params,
                    names.stream().map(x -> "k1_" + x).toList());
            body.assign(fEvals, integer(1));
            SolveLocals s = new SolveLocals(instance, t, t1, dir, y, k1, params, tolF);
            Local dt = initialStep(body, s, span, dtMaxF, fEvals);
            new StepLoop(s, dt, dtMinF, dtMaxF, maxSteps, steps, accepted, fEvals, filled, status, evF)
                    .emit(body);
        });

        b.comment("outputs: the last accepted point and the statistics");
        b.store(Buffer.T_FINAL, integer(0), read(t));
        for (int j = 0; j < n; j++) {
            b.store(Buffer.Y_FINAL, integer(j), read(y.get(j)));
        }
        b.store(Buffer.STATUS, integer(0), read(status));
        b.store(Buffer.F_EVALS, integer(0), read(fEvals));
        b.store(Buffer.STEPS, integer(0), read(steps));
        b.store(Buffer.ACCEPTED, integer(0), read(accepted));
        b.store(Buffer.INITIALIZED, integer(0), read(filled));
        return new SolverFunction(functionName(), spec.precision(), instance, b.build());
    }

    private Local initialStep(StatementBuilder body, SolveLocals s, Local span, Local dtMax, Local fEvals) {
        Local dt = body.real("dt", load(Buffer.DT0, integer(0)));
        if (!adaptive) {
            body.assign(dt, mul(read(s.dir()), read(dt)));
            return dt;
        }
        body.ifThen(le(read(dt), real(0.0)), hairer -> {
            hairer.comment("no dt0: Hairer's initial step, one more f evaluation");
            Local h = new InitialStepLowering(dynamics, names, tableau.order()).emit(hairer, s, span);
            hairer.assign(dt, read(h));
            hairer.assign(fEvals, add(read(fEvals), integer(1)));
        });
        body.assign(dt, mul(read(s.dir()), min(min(read(dt), read(dtMax)), read(span))));
        return dt;
    }

    /** The step loop: attempt, estimate, accept or reject, fill evaluation points, adapt. */
    private final class StepLoop {
        final SolveLocals s;
        final Local dt;
        final Local dtMin;
        final Local dtMax;
        final Local maxSteps;
        final Local steps;
        final Local accepted;
        final Local fEvals;
        final Local filled;
        final Local status;
        final Local ev;
        final Optional<ControllerLowering> controller;
        final StageLowering stages;

        StepLoop(SolveLocals s, Local dt, Local dtMin, Local dtMax, Local maxSteps, Local steps, Local accepted,
                 Local fEvals, Local filled, Local status, Local ev) {
            this.s = s;
            this.dt = dt;
            this.dtMin = dtMin;
            this.dtMax = dtMax;
            this.maxSteps = maxSteps;
            this.steps = steps;
            this.accepted = accepted;
            this.fEvals = fEvals;
            this.filled = filled;
            this.status = status;
            this.ev = ev;
            this.controller = adaptive
                    ? Optional.of(new ControllerLowering(spec.controller(), errorOrder(tableau, spec.controller())))
                    : Optional.empty();
            this.stages = new StageLowering(tableau, dynamics, names);
        }

        void emit(StatementBuilder body) {
            controller.ifPresent(c -> c.declare(body));
            Local rejectedLast = adaptive ? body.bool("rejectedLast", bool(false)) : null;
            body.whileLoop(bool(true), loop -> {
                loop.ifThen(ge(read(steps), read(maxSteps)), stop -> {
                    stop.assign(status, integer(Status.REACHED_MAX_STEPS.code()));
                    stop.breakLoop();
                });
                // The last step lands on t1 exactly; a step within a few ulps of t1 is stretched to it
                // rather than leaving a sliver of a step behind.
                double slack = 64 * (spec.precision() == Precision.F64 ? 0x1p-52 : 0x1p-23);
                Local last = loop.bool("last", le(mul(sub(read(s.t1()), read(s.t())), read(s.dir())),
                        mul(mul(read(dt), read(s.dir())), real(1.0 + slack))));
                Local h = loop.real("h", select(read(last), sub(read(s.t1()), read(s.t())), read(dt)));
                loop.assign(steps, add(read(steps), integer(1)));
                List<List<Local>> k = stages.stages(loop, s, h);
                if (tableau.stages() > 1) {
                    loop.assign(fEvals, add(read(fEvals), integer(tableau.stages() - 1)));
                }
                loop.comment("the new state");
                List<Local> yNew = new ArrayList<>();
                for (int j = 0; j < names.size(); j++) {
                    yNew.add(loop.real("yNew_" + names.get(j),
                            StageLowering.combination(s.y().get(j), h, tableau.b(), k, j)));
                }
                IrExpr finite = isFinite(read(yNew.getFirst()));
                for (int j = 1; j < yNew.size(); j++) {
                    finite = and(finite, isFinite(read(yNew.get(j))));
                }
                Local ratio = null;
                if (adaptive) {
                    loop.comment("error ratio: RMS of the scaled error estimate");
                    ratio = ErrorRatioLowering.emit(loop, s, names, stages.errorWeights(), k, h, yNew);
                    finite = and(isFinite(read(ratio)), finite);
                }
                loop.ifThen(not(finite), stop -> {
                    stop.assign(status, integer(Status.INFINITE_NORM.code()));
                    stop.breakLoop();
                });
                if (adaptive) {
                    Local factor = controller.orElseThrow().factor(loop, ratio);
                    Local accept = loop.bool("accept", le(read(ratio), real(1.0)));
                    Local ratioF = ratio;
                    loop.ifThen(read(accept), acc -> acceptStep(acc, k, h, yNew, last, ratioF));
                    loop.comment("no growth on or right after a rejection");
                    loop.ifThen(or(not(read(accept)), read(rejectedLast)),
                            cap -> cap.assign(factor, min(read(factor), real(1.0))));
                    loop.assign(rejectedLast, not(read(accept)));
                    Local mag = loop.real("dtNext", min(mul(abs(read(h)), read(factor)), read(dtMax)));
                    loop.ifThen(lt(read(mag), read(dtMin)), stop -> {
                        stop.assign(status, integer(Status.REACHED_DT_MIN.code()));
                        stop.breakLoop();
                    });
                    loop.assign(dt, mul(read(s.dir()), read(mag)));
                } else {
                    acceptStep(loop, k, h, yNew, last, null);
                }
            });
        }

        private void acceptStep(StatementBuilder acc, List<List<Local>> k, Local h, List<Local> yNew, Local last,
                                Local ratio) {
            Local tNew = acc.real("tNew", select(read(last), read(s.t1()), add(read(s.t()), read(h))));
            acc.assign(accepted, add(read(accepted), integer(1)));
            DenseOutputLowering dense = new DenseOutputLowering(tableau, names);
            boolean withDense = spec.denseOutput();
            List<Local> f1 = tableau.fsal() ? k.getLast() : null;
            if (!tableau.fsal() && withDense && dense.needsEndDerivative()) {
                acc.comment("f at the step end: Hermite's f1 and the next step's first stage");
                f1 = dynamics.emit(acc, "f1", read(tNew), yNew.stream().map(l -> (IrExpr) read(l)).toList(),
                        s.params(), names.stream().map(x -> "f1_" + x).toList());
                acc.assign(fEvals, add(read(fEvals), integer(1)));
            }
            if (withDense) {
                acc.comment("evaluation points in (t, tNew]");
                dense.emit(acc, s, tNew, h, yNew, k, f1, ev, filled);
            }
            for (int j = 0; j < names.size(); j++) {
                acc.assign(s.y().get(j), read(yNew.get(j)));
            }
            acc.assign(s.t(), read(tNew));
            if (f1 != null) {
                for (int j = 0; j < names.size(); j++) {
                    acc.assign(s.k1().get(j), read(f1.get(j)));
                }
            }
            if (ratio != null) {
                controller.orElseThrow().advanceHistory(acc, ratio);
            }
            acc.ifThen(read(last), StatementBuilder::breakLoop);
            if (f1 == null) {
                acc.comment("f at the new point: the next step's first stage");
                List<Local> fn = dynamics.emit(acc, "f1", read(s.t()),
                        s.y().stream().map(l -> (IrExpr) read(l)).toList(), s.params(),
                        names.stream().map(x -> "f1_" + x).toList());
                for (int j = 0; j < names.size(); j++) {
                    acc.assign(s.k1().get(j), read(fn.get(j)));
                }
                acc.assign(fEvals, add(read(fEvals), integer(1)));
            }
        }
    }

    private String functionName() {
        return "solve_" + system.name() + "_" + tableau.name() + "_" + spec.controller().name().toLowerCase()
                + "_" + spec.precision().name().toLowerCase() + (spec.denseOutput() ? "_dense" : "_final");
    }
}
