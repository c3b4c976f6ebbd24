package io.github.odec.lower;

import io.github.odec.ir.Local;
import java.util.Optional;

/**
 * The values of one instance's solve that several lowering steps share.
 *
 * @param y      the state at the last accepted point
 * @param k1     f(t, y): the first stage of the next attempt (FSAL or re-evaluated after acceptance)
 * @param params the instance's parameters, loaded once
 * @param dir    +1 or -1, the direction of integration
 * @param tol    atol and rtol, absent for FIXED
 */
record SolveState(Local instance, Local t, Local t1, Local dir, ComponentVector y, ComponentVector k1,
                  Components.Params params, Optional<Tolerances> tol) {

    record Tolerances(Local atol, Local rtol) {}
}
