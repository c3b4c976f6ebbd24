package io.github.odec.lower;

import io.github.odec.ir.Argument;
import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.StatementBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/** Per-component code in the chosen {@link StateLayout}: unrolled over locals, or loops over arrays. */
final class Components {

    private final List<String> names;
    private final boolean arrays;

    Components(List<String> names, StateLayout layout) {
        this.names = List.copyOf(names);
        this.arrays = layout == StateLayout.ARRAYS;
    }

    int count() {
        return names.size();
    }

    boolean arrays() {
        return arrays;
    }

    /** A new vector named {@code prefix}: scalars declared where first set, or an array declared here. */
    ComponentVector vector(StatementBuilder out, String prefix) {
        return arrays ? new ComponentVector.Array(out.array(prefix, names.size()))
                : new ComponentVector.Scalars(prefix, names.size());
    }

    /** Runs {@code body} for every component: unrolled, or once inside a loop. */
    void forEach(StatementBuilder out, BiConsumer<StatementBuilder, ComponentIndex> body) {
        if (arrays) {
            out.forRange("j", 0, names.size(), (loop, j) -> body.accept(loop, new ComponentIndex.Loop(j)));
        } else {
            for (int j = 0; j < names.size(); j++) {
                body.accept(out, new ComponentIndex.Constant(j, names.get(j)));
            }
        }
    }

    /** Runs {@code body} for every component by its constant index, unrolled in either layout. */
    void forEachConstant(java.util.function.Consumer<ComponentIndex> body) {
        for (int j = 0; j < names.size(); j++) {
            body.accept(new ComponentIndex.Constant(j, names.get(j)));
        }
    }

    /** Sum over components of {@code term}, left to right; the term may declare locals in the builder it gets. */
    IrExpr sum(StatementBuilder out, String name, BiFunction<StatementBuilder, ComponentIndex, IrExpr> term) {
        if (!arrays) {
            List<IrExpr> terms = new ArrayList<>();
            forEach(out, (b, j) -> terms.add(term.apply(b, j)));
            return Ir.sum(terms);
        }
        Local acc = out.real(name, Ir.real(0.0));
        forEach(out, (b, j) -> b.assign(acc, Ir.add(Ir.read(acc), term.apply(b, j))));
        return Ir.read(acc);
    }

    /** Whether {@code test} holds for every component. */
    IrExpr all(StatementBuilder out, String name, BiFunction<StatementBuilder, ComponentIndex, IrExpr> test) {
        if (!arrays) {
            List<IrExpr> tests = new ArrayList<>();
            forEach(out, (b, j) -> tests.add(test.apply(b, j)));
            IrExpr all = tests.getFirst();
            for (int i = 1; i < tests.size(); i++) {
                all = Ir.and(all, tests.get(i));
            }
            return all;
        }
        Local acc = out.bool(name, Ir.bool(true));
        forEach(out, (b, j) -> b.assign(acc, Ir.and(Ir.read(acc), test.apply(b, j))));
        return Ir.read(acc);
    }

    /** Copies {@code from} into {@code to}. */
    void copy(StatementBuilder out, ComponentVector from, ComponentVector to) {
        forEach(out, (b, j) -> to.set(b, j, from.get(j)));
    }

    /** The parameters: one expression each (unrolled layout), or the array the dynamics function reads. */
    sealed interface Params {
        record Scalars(List<IrExpr> values) implements Params {}

        record Array(LocalArray array) implements Params {}
    }

    /**
     * One evaluation of f into {@code result}: the dynamics inlined (unrolled mode) or a call of the
     * dynamics function (array mode).
     */
    void evaluate(StatementBuilder out, DynamicsLowering dynamics, String prefix, IrExpr time, ComponentVector state,
                  Params params, ComponentVector result) {
        if (arrays) {
            out.add(dynamics.function().call(new Argument.Value(time),
                    new Argument.Array(((ComponentVector.Array) state).array()),
                    new Argument.Array(((Params.Array) params).array()),
                    new Argument.Array(((ComponentVector.Array) result).array())));
            return;
        }
        List<IrExpr> in = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            in.add(state.get(new ComponentIndex.Constant(j, names.get(j))));
        }
        List<IrExpr> f = dynamics.lower(out, prefix, time, in, ((Params.Scalars) params).values());
        for (int j = 0; j < names.size(); j++) {
            result.set(out, new ComponentIndex.Constant(j, names.get(j)), f.get(j));
        }
    }
}
