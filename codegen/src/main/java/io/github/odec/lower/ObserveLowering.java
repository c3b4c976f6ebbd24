package io.github.odec.lower;

import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.gt;
import static io.github.odec.ir.Ir.integer;
import static io.github.odec.ir.Ir.lt;
import static io.github.odec.ir.Ir.read;
import static io.github.odec.ir.Ir.real;
import static io.github.odec.ir.Ir.select;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.model.Observe;
import io.github.odec.runtime.spi.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The step observer of the system's observes, kept in locals and stored once when the solve ends
 * (never a stored trajectory). max, min and their arg forms see the accepted points: t0 and every
 * accepted step end (not the evaluation points in between, so a result does not depend on which
 * evaluation times were asked for); a strict comparison keeps the first time a value is reached,
 * and a NaN value never replaces one. integral sums the stepper's own quadrature over each
 * accepted step ({@link Stepper#quadrature}). An instance that stops early keeps what it had
 * reached at its last accepted point.
 */
final class ObserveLowering {

    private final List<Observe> observes;
    private final List<Observe> integrals;
    private final DynamicsLowering dynamics;
    private final Components components;
    private final Components.Params params;
    /** Per observe: its running value (the best value for the arg forms). */
    private final List<Local> values = new ArrayList<>();
    /** Per observe: the time of the best value, for argmax and argmin. */
    private final List<Optional<Local>> times = new ArrayList<>();

    /** Declares the accumulators and takes the point (t0, y0). */
    ObserveLowering(StatementBuilder out, List<Observe> observes, DynamicsLowering dynamics, Components components,
                    Components.Params params, Local t0, ComponentVector y0) {
        this.observes = List.copyOf(observes);
        this.integrals = observes.stream().filter(o -> o.reduction() == Observe.Reduction.INTEGRAL).toList();
        this.dynamics = dynamics;
        this.components = components;
        this.params = params;
        if (observes.isEmpty()) {
            return;
        }
        out.comment("observes: the point t0");
        List<IrExpr> g = extremaArguments(out, "g0", read(t0), y0);
        int e = 0;
        for (Observe o : observes) {
            boolean integral = o.reduction() == Observe.Reduction.INTEGRAL;
            values.add(out.real("obs_" + o.name(), integral ? real(0.0) : g.get(e)));
            times.add(located(o) ? Optional.of(out.real("obsAt_" + o.name(), read(t0))) : Optional.empty());
            e += integral ? 0 : 1;
        }
    }

    /** In the accept branch, before the state moves from (s.t(), s.y()) to (tNew, trial.state()). */
    <T extends Trial> void onAccept(StatementBuilder acc, Stepper<T> stepper, SolveState s, T trial, Local tNew) {
        if (observes.isEmpty()) {
            return;
        }
        acc.comment("observes: the accepted step");
        if (!integrals.isEmpty()) {
            List<IrExpr> increments = stepper.quadrature(acc, s, trial,
                    (out, prefix, time, state) -> dynamics.observes(out, prefix, time, stateValues(state),
                            paramValues(), integrals));
            int q = 0;
            for (int i = 0; i < observes.size(); i++) {
                if (observes.get(i).reduction() == Observe.Reduction.INTEGRAL) {
                    acc.assign(values.get(i), add(read(values.get(i)), increments.get(q++)));
                }
            }
        }
        List<IrExpr> g = extremaArguments(acc, "gEnd", read(tNew), trial.state());
        int e = 0;
        for (int i = 0; i < observes.size(); i++) {
            Observe o = observes.get(i);
            if (o.reduction() == Observe.Reduction.INTEGRAL) {
                continue;
            }
            Local v = acc.real("obsNew_" + o.name(), g.get(e++));
            Local best = values.get(i);
            IrExpr better = switch (o.reduction()) {
                case MAX, ARGMAX -> gt(read(v), read(best));
                case MIN, ARGMIN -> lt(read(v), read(best));
                case INTEGRAL -> throw new AssertionError("handled above");
            };
            Local take = acc.bool("obsTake_" + o.name(), better);
            times.get(i).ifPresent(at -> acc.assign(at, select(read(take), read(tNew), read(at))));
            acc.assign(best, select(read(take), read(v), read(best)));
        }
    }

    /** Stores each observe's result: the value, or the time for argmax and argmin. */
    void store(StatementBuilder out) {
        for (int i = 0; i < observes.size(); i++) {
            out.store(Slot.OBSERVES, integer(i), read(times.get(i).orElse(values.get(i))));
        }
    }

    private static boolean located(Observe o) {
        return o.reduction() == Observe.Reduction.ARGMAX || o.reduction() == Observe.Reduction.ARGMIN;
    }

    /** The arguments of the observes other than integrals at one point, in observe order. */
    private List<IrExpr> extremaArguments(StatementBuilder out, String prefix, IrExpr time, ComponentVector state) {
        List<Observe> extrema = observes.stream().filter(o -> o.reduction() != Observe.Reduction.INTEGRAL).toList();
        return extrema.isEmpty() ? List.of()
                : dynamics.observes(out, prefix, time, stateValues(state), paramValues(), extrema);
    }

    private List<IrExpr> stateValues(ComponentVector state) {
        List<IrExpr> in = new ArrayList<>();
        components.forEachConstant(j -> in.add(state.get(j)));
        return in;
    }

    private List<IrExpr> paramValues() {
        return switch (params) {
            case Components.Params.Scalars s -> s.values();
            case Components.Params.Array a -> {
                List<IrExpr> in = new ArrayList<>();
                for (int k = 0; k < a.array().length(); k++) {
                    in.add(new IrExpr.ArrayElement(a.array(), integer(k)));
                }
                yield in;
            }
        };
    }
}
