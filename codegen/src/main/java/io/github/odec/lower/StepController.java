package io.github.odec.lower;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;

/**
 * An adaptive step-size controller: from an attempt's error ratio, the factor for the next step.
 * The shared step loop applies it (|h| * factor clipped to dtMax, the dtMin and non-finite stops),
 * so a controller decides the factor and keeps its own history, nothing else. FIXED steps have none.
 */
interface StepController {

    /** Emits, before the step loop, the controller's loop invariants and history for one solve. */
    Declared declare(StatementBuilder out);

    /** The controller over the locals it declared for one solve. */
    interface Declared {

        /**
         * The factor for the next step after the attempt with error ratio {@code ratio}, emitted after
         * the ratio and before {@link #onAccept}.
         *
         * @param accept        whether the attempt is accepted (finite and ratio <= 1)
         * @param finite        whether the trial state and its ratio are finite
         * @param rejectedLast  whether the attempt before this one was rejected
         */
        Local factor(StatementBuilder out, Local ratio, Local accept, IrExpr finite, Local rejectedLast);

        /** In the accept branch, after the factor: moves the history on. */
        void onAccept(StatementBuilder out, Local ratio);
    }
}
