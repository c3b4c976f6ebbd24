package io.github.odec.lower;

import static io.github.odec.ir.Ir.abs;
import static io.github.odec.ir.Ir.add;
import static io.github.odec.ir.Ir.integer;
import static io.github.odec.ir.Ir.max;
import static io.github.odec.ir.Ir.min;
import static io.github.odec.ir.Ir.read;

import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import java.util.Optional;

/**
 * The values of one instance's solve that several lowering steps share.
 *
 * @param y       the state at the last accepted point
 * @param t0      the start of the span: fixed steps are placed at t0 + n dt, not accumulated
 * @param k1      f(t, y): the first stage of the next attempt (FSAL or re-evaluated after acceptance)
 * @param params  the instance's parameters, loaded once
 * @param dir     +1 or -1, the direction of integration
 * @param control tolerances and step bounds; absent for FIXED
 * @param cursor  the next pending evaluation time; absent in final-state-only mode
 */
record SolveState(Local instance, Local t0, Local t, Local t1, Local dir, ComponentVector y, ComponentVector k1,
                  Components.Params params, Optional<ErrorControl> control, Statistics stats,
                  Optional<EvalCursor> cursor) {

    record ErrorControl(Local atol, Local rtol, Local dtMin, Local dtMax) {}

    /**
     * Per-instance statistics and status, kept in locals and stored once when the solve ends.
     *
     * @param rejected present when the controller can reject (not FIXED)
     * @param hLast    magnitudes of the accepted steps: the last, the smallest, the largest
     */
    record Statistics(Local steps, Local accepted, Local fEvals, Local filled, Local status, Optional<Local> rejected,
                      Local hLast, Local hMin, Local hMax) {

        static void increment(StatementBuilder out, Local counter, int by) {
            out.assign(counter, add(read(counter), integer(by)));
        }

        /** Records an accepted step of (signed) size h. */
        void onAccept(StatementBuilder out, Local h) {
            out.assign(hLast, abs(read(h)));
            out.assign(hMin, min(read(hMin), read(hLast)));
            out.assign(hMax, max(read(hMax), read(hLast)));
        }
    }

    /** @param next the next evaluation index to fill (buffers are indexed within the instance's block) */
    record EvalCursor(Local next) {}
}
