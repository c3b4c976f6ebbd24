package io.github.odec.lower;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import java.util.List;
import io.github.odec.ir.StatementBuilder;
import java.util.Optional;

/**
 * A method family's step, in the spirit of diffrax's {@code AbstractSolver.step}: attempt a step of
 * size h from the accepted point, giving the new state, its error estimate and what dense output
 * needs (a {@link Trial}); on acceptance, f at the new point where the stepper has it and the
 * interpolant over the step. {@link StepLoopLowering} drives any stepper; the controller, the error
 * norm and the writing of evaluation points are shared by all of them.
 *
 * <p>The state the loop keeps for every stepper is {@link SolveState}: t, y and f(t, y) in
 * {@code k1} (Runge-Kutta's first stage, Hermite's start slope, Hairer's initial-step probe). A
 * rejected trial leaves nothing to undo: the loop only shrinks h and attempts again from the same
 * state, so there is no reject hook until a family keeps more (a Jacobian to refresh).
 *
 * @param <T> the family's trial, which carries its stages to {@link #onAccept}
 */
interface Stepper<T extends Trial> {

    /** The order p of the propagated solution: the exponent 1/p of Hairer's initial step. */
    int order();

    /**
     * Emits the attempt of a step of size {@code h} (signed) from (s.t(), s.y(), s.k1()), counting
     * its f evaluations in {@code s.stats()}.
     */
    T attempt(StatementBuilder out, SolveState s, Local h);

    /**
     * Emits, in the accept branch and before the state moves to the trial, what acceptance needs:
     * f at the step end where the stepper has it (FSAL) or the interpolant needs it, and, when
     * {@code interpolate}, the interpolant over [t, tNew] (valid until the state moves on).
     */
    Accepted onAccept(StatementBuilder acc, SolveState s, T trial, Local tNew, boolean interpolate);

    /** The integrands of the integral observes at one point (time, state) of a step, one value each. */
    @FunctionalInterface
    interface Integrands {
        List<IrExpr> at(StatementBuilder out, String prefix, IrExpr time, ComponentVector state);
    }

    /**
     * Emits, in the accept branch and before the state moves, the increments of the integral
     * observes over the trial's step by the stepper's own quadrature: what it would give components
     * q' = g(t, y) appended to the system (q feeds nothing back and is kept out of the error norm).
     */
    List<IrExpr> quadrature(StatementBuilder acc, SolveState s, T trial, Integrands g);

    /**
     * @param endDerivative f(tNew, yNew) when the stepper computed it: the next step's first stage;
     *                      when empty the loop evaluates f after the state has moved
     * @param interpolant   present iff asked for
     */
    record Accepted(Optional<ComponentVector> endDerivative, Optional<Interpolant> interpolant) {}
}
