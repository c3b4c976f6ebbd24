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
import io.github.odec.runtime.spi.Slot;

/**
 * The step observer that writes evaluation points: after an accepted step, every pending evaluation
 * time the step passed (in the direction of integration) takes the step's interpolant at its theta;
 * a time equal to the step end takes the step-end state exactly. Whatever the stepper.
 */
final class EvaluationPoints {

    private final Components components;

    EvaluationPoints(Components components) {
        this.components = components;
    }

    /**
     * @param yNew   the accepted state at {@code tNew}
     * @param h      the accepted step: theta = (te - t) / h
     * @param cursor the next pending evaluation time (advanced here)
     * @param filled statistics counter (advanced here)
     */
    void emit(StatementBuilder out, SolveState s, Local tNew, Local h, ComponentVector yNew, Interpolant interpolant,
              SolveState.EvalCursor cursor, Local filled) {
        Local ev = cursor.next();
        out.whileLoop(lt(read(ev), new IrExpr.EvalCount()), loop -> {
            Local te = loop.real("te", load(Slot.EVAL_TIMES, read(ev)));
            loop.ifThen(gt(mul(sub(read(te), read(tNew)), read(s.dir())), real(0.0)), StatementBuilder::breakLoop);
            Local row = loop.integer("ysRow", mul(read(ev), integer(components.count())));
            loop.ifThenElse(Ir.eq(read(te), read(tNew)),
                    exact -> components.forEach(exact, (b, j) -> b.store(Slot.YS, j.offset(read(row)), yNew.get(j))),
                    interp -> {
                        Local theta = interp.real("theta", div(sub(read(te), read(s.t())), read(h)));
                        Interpolant.Evaluation y = interpolant.evaluate(interp, theta);
                        components.forEach(interp, (b, j) -> b.store(Slot.YS, j.offset(read(row)), y.component(b, j)));
                    });
            loop.assign(ev, add(read(ev), integer(1)));
            loop.assign(filled, add(read(filled), integer(1)));
        });
    }
}
