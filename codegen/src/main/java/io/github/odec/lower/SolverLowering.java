package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.gt;
import static io.github.odec.ir.Ir.integer;
import static io.github.odec.ir.Ir.le;
import static io.github.odec.ir.Ir.load;
import static io.github.odec.ir.Ir.lt;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.mul;
import static io.github.odec.ir.Ir.ne;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.select;
import static io.github.odec.ir.Ir.sub;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrSize;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.SolverFunction;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Method;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lowers (system, method, spec) to the per-instance solver function: the numerics contract of
 * docs/solver-loop.md ("Numerics decisions") written once as IR. The order of the solve is here (inputs, evaluation times at t0,
 * f at t0, initial step, {@link StepLoopLowering}, outputs); the method-specific step, the controller
 * and the error norm are {@link SolverSeams}, and each other concern (initial step, evaluation
 * points, dynamics) has its own class.
 */
public final class SolverLowering {

    private final OdeSystem system;
    private final SolverSpec spec;
    private final SolverSeams seams;
    private final boolean adaptive;
    private final Components components;
    private final List<String> paramNames;
    private final DynamicsLowering dynamics;
    private final Stepper<?> stepper;
    private final Local instance = new Local("instance", ScalarType.INT);

    private SolverLowering(OdeSystem system, SolverSpec spec, StateLayout layout, SolverSeams seams) {
        this.system = system;
        this.spec = spec;
        this.seams = seams;
        this.adaptive = seams.controller().isPresent();
        this.components = new Components(ComponentNames.of(system.stateNames()), layout);
        this.paramNames = ComponentNames.of(system.paramNames());
        this.dynamics = new DynamicsLowering(system);
        this.stepper = seams.stepper().create(dynamics, components);
    }

    /** k of the controller: 1 + the lower of the two orders; for a fixed step, the method's order. */
    public static int errorOrder(Method method, StepControllerKind controller) {
        if (controller == StepControllerKind.FIXED || method.embeddedOrder().isEmpty()) {
            return method.order();
        }
        return 1 + Math.min(method.order(), method.embeddedOrder().getAsInt());
    }

    /** Lowers unrolled where that stays small enough for the JIT, else in arrays ({@link StateLayout}). */
    public static SolverFunction lower(OdeSystem system, Method method, SolverSpec spec) {
        SolverFunction unrolled = lower(system, method, spec, StateLayout.LOCALS);
        return StateLayout.forUnrolledSize(IrSize.of(unrolled.body())) == StateLayout.LOCALS
                ? unrolled : lower(system, method, spec, StateLayout.ARRAYS);
    }

    public static SolverFunction lower(OdeSystem system, Method method, SolverSpec spec, StateLayout layout) {
        return lower(system, spec, layout, SolverSeams.standard(method, spec));
    }

    /** With seams of the caller's choosing: tests plug second implementations in here. */
    static SolverFunction lower(OdeSystem system, SolverSpec spec, StateLayout layout, SolverSeams seams) {
        return new SolverLowering(system, spec, layout, seams).build();
    }

    private SolverFunction build() {
        int n = system.stateCount();
        StatementBuilder b = new StatementBuilder();
        b.comment("inputs of this instance");
        Local t0 = b.real("t0", load(Slot.T0, integer(0)));
        Local t1 = b.real("t1", load(Slot.T1, integer(0)));
        ComponentVector y = components.vector(b, "y");
        components.forEach(b, (body, j) -> y.set(body, j, load(Slot.Y0, j.expr())));
        Components.Params params = loadParams(b, system.paramCount());
        Local maxSteps = b.integer("maxSteps", load(Slot.MAX_STEPS, integer(0)));
        Optional<SolveState.ErrorControl> control = adaptive
                ? Optional.of(new SolveState.ErrorControl(b.real("atol", load(Slot.ATOL, integer(0))),
                        b.real("rtol", load(Slot.RTOL, integer(0))),
                        b.real("dtMin", load(Slot.DT_MIN, integer(0))),
                        b.real("dtMax", load(Slot.DT_MAX, integer(0)))))
                : Optional.empty();
        SolveState.Statistics stats = new SolveState.Statistics(b.integer("steps", integer(0)),
                b.integer("accepted", integer(0)), b.integer("fEvals", integer(0)), b.integer("filled", integer(0)),
                b.integer("status", integer(Status.SUCCESS.code())),
                adaptive ? Optional.of(b.integer("rejected", integer(0))) : Optional.empty(),
                b.real("hLast", real(Double.NaN)), b.real("hMin", real(Double.POSITIVE_INFINITY)),
                b.real("hMax", real(0.0)));
        Local t = b.real("t", read(t0));
        ObserveLowering observes = new ObserveLowering(b, system.observes(), dynamics, components, params, t0, y);
        Optional<SolveState.EvalCursor> cursor = spec.denseOutput()
                ? Optional.of(evaluationTimesAtStart(b, t0, y, stats)) : Optional.empty();

        b.ifThen(ne(read(t0), read(t1)), body -> {
            Local dir = body.real("dir", select(gt(read(t1), read(t0)), real(1.0), real(-1.0)));
            Local span = body.real("span", abs(sub(read(t1), read(t0))));
            body.comment("f at t0: the first stage of the first step");
            ComponentVector k1 = components.vector(body, "k1");
            components.evaluate(body, dynamics, "k1", read(t), y, params, k1);
            body.assign(stats.fEvals(), integer(1));
            SolveState s = new SolveState(instance, t0, t, t1, dir, y, k1, params, control, stats, cursor);
            Local dt = initialStep(body, s, span);
            stepLoop(stepper, observes).emit(body, s, dt, maxSteps);
        });

        b.comment("outputs: the last accepted point and the statistics");
        b.store(Slot.T_FINAL, integer(0), read(t));
        components.forEach(b, (body, j) -> body.store(Slot.Y_FINAL, j.expr(), y.get(j)));
        b.store(Slot.STATUS, integer(0), read(stats.status()));
        b.store(Slot.F_EVALS, integer(0), read(stats.fEvals()));
        b.store(Slot.STEPS, integer(0), read(stats.steps()));
        b.store(Slot.ACCEPTED, integer(0), read(stats.accepted()));
        b.store(Slot.INITIALIZED, integer(0), read(stats.filled()));
        stats.rejected().ifPresent(r -> b.store(Slot.REJECTED, integer(0), read(r)));
        IrExpr none = Ir.eq(read(stats.accepted()), integer(0));
        b.store(Slot.H_LAST, integer(0), read(stats.hLast()));
        b.store(Slot.H_MIN, integer(0), select(none, real(Double.NaN), read(stats.hMin())));
        b.store(Slot.H_MAX, integer(0), select(none, real(Double.NaN), read(stats.hMax())));
        observes.store(b);
        return new SolverFunction(functionName(), spec.precision(), instance, b.build(),
                components.arrays() ? List.of(dynamics.function()) : List.of(), slots());
    }

    /** The spec's slots, and {@link Slot#OBSERVES} where the system has observes (in declaration order). */
    private List<Slot> slots() {
        return java.util.Arrays.stream(Slot.values())
                .filter(slot -> slot == Slot.OBSERVES ? !system.observes().isEmpty() : slot.usedBy(spec)).toList();
    }

    /** Every evaluation slot starts as NaN (unreached); the times equal to t0 take y0. */
    private SolveState.EvalCursor evaluationTimesAtStart(StatementBuilder b, Local t0, ComponentVector y,
                                                          SolveState.Statistics stats) {
        int n = system.stateCount();
        b.comment("evaluation points not reached stay NaN; those at t0 take y0");
        Local fill = b.integer("nanFill", integer(0));
        b.whileLoop(lt(read(fill), mul(new IrExpr.EvalCount(), integer(n))), loop -> {
            loop.store(Slot.YS, read(fill), real(Double.NaN));
            loop.assign(fill, add(read(fill), integer(1)));
        });
        Local ev = b.integer("ev", integer(0));
        b.whileLoop(lt(read(ev), new IrExpr.EvalCount()), loop -> {
            loop.ifThen(ne(load(Slot.EVAL_TIMES, read(ev)), read(t0)), StatementBuilder::breakLoop);
            Local row = loop.integer("row0", mul(read(ev), integer(n)));
            components.forEach(loop, (body, j) -> body.store(Slot.YS, j.offset(read(row)), y.get(j)));
            loop.assign(ev, add(read(ev), integer(1)));
            loop.assign(stats.filled(), add(read(stats.filled()), integer(1)));
        });
        return new SolveState.EvalCursor(ev);
    }

    /** dt0 when given (FIXED: always), else Hairer's estimate; clipped to dtMax and the span, signed. */
    private Local initialStep(StatementBuilder body, SolveState s, Local span) {
        Local dt = body.real("dt", load(Slot.DT0, integer(0)));
        if (!adaptive) {
            body.assign(dt, mul(read(s.dir()), read(dt)));
            return dt;
        }
        body.ifThen(le(read(dt), real(0.0)), hairer -> {
            hairer.comment("no dt0: Hairer's initial step, one more f evaluation");
            Local h = new InitialStepLowering(dynamics, components, stepper.order(), seams.norm()).emit(hairer, s, span);
            hairer.assign(dt, read(h));
            SolveState.Statistics.increment(hairer, s.stats().fEvals(), 1);
        });
        body.assign(dt, mul(read(s.dir()), min(min(read(dt), read(s.control().orElseThrow().dtMax())), read(span))));
        return dt;
    }

    /** The parameters in locals (unrolled) or in an array the dynamics function reads. */
    private Components.Params loadParams(StatementBuilder b, int np) {
        if (components.arrays()) {
            LocalArray p = b.array("p", Math.max(1, np));
            if (np > 0) {
                b.forRange("q", 0, np, (loop, q) -> loop.storeElement(p, read(q),
                        load(Slot.PARAMS, read(q))));
            }
            return new Components.Params.Array(p);
        }
        List<IrExpr> params = new ArrayList<>();
        for (int q = 0; q < np; q++) {
            params.add(read(b.real("p_" + paramNames.get(q), load(Slot.PARAMS, integer(q)))));
        }
        return new Components.Params.Scalars(params);
    }

    private <T extends Trial> StepLoopLowering<T> stepLoop(Stepper<T> stepper, ObserveLowering observes) {
        return new StepLoopLowering<>(stepper, spec, dynamics, components, seams.controller(), seams.norm(), observes);
    }

    private String functionName() {
        return "solve_" + system.name() + "_" + spec.method().name() + "_" + spec.controller().name().toLowerCase()
                + "_" + spec.precision().name().toLowerCase() + (spec.denseOutput() ? "_dense" : "_final");
    }
}
