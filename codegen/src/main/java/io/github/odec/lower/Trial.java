package io.github.odec.lower;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;

/**
 * One attempted step as a stepper leaves it: what the shared loop, error norm and controller read.
 * A family's trial also carries what its interpolant is built from (stages, for Runge-Kutta).
 */
interface Trial {

    /** The signed step attempted. */
    Local h();

    /** The state at t + h the trial proposes. */
    ComponentVector state();

    /**
     * The local error estimate of component j, an expression over the trial's locals: the norm emits
     * it where it reads it, so no error vector is stored. Only asked for under an adaptive controller.
     */
    IrExpr error(ComponentIndex j);
}
