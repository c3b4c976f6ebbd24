package io.github.odec.lower;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;

/**
 * Dense output over one accepted step as a value: y(t + theta h) for theta in [0, 1], built by the
 * stepper from the step's data and valid until the state moves on. Writing evaluation points
 * ({@link EvaluationPoints}) is one user; event location is the next.
 */
interface Interpolant {

    /** The components y(theta) has (and their layout). */
    Components components();

    /**
     * Emits what all components share at {@code theta} (the weights b_i(theta), Hermite's basis) and
     * returns y(theta) component by component, for a caller that consumes each component at once.
     */
    Evaluation evaluate(StatementBuilder out, Local theta);

    /** y(theta) into locals {@code name_j}: for users that read the components more than once. */
    default ComponentVector evaluateAt(StatementBuilder out, Local theta, String name) {
        Evaluation y = evaluate(out, theta);
        ComponentVector v = components().vector(out, name);
        components().forEach(out, (b, j) -> v.set(b, j, y.component(b, j)));
        return v;
    }

    /** y(theta) of one component, emitted into the caller's body (a component loop in the array layout). */
    @FunctionalInterface
    interface Evaluation {
        IrExpr component(StatementBuilder body, ComponentIndex j);
    }
}
