package io.github.odec.ir;

import io.github.odec.runtime.Precision;
import java.util.List;

/**
 * The whole solve of one instance for one (system, tableau, controller, precision, output mode).
 * Printers wrap it in their instance loop: a Java for over [from, to), a CUDA thread index later.
 *
 * @param instance the INT local that holds the instance index, bound by the printer's wrapper
 * @param procedures the functions the body calls, each printed once before it: today f(t, y) as a
 *                   function of its own when the state lives in local arrays (large systems), so that
 *                   the solve stays small enough for the JIT or the GPU compiler
 */
public record SolverFunction(String name, Precision precision, Local instance, List<Stmt> body,
                             List<Procedure> procedures) {

    public SolverFunction {
        body = List.copyOf(body);
        procedures = List.copyOf(procedures);
    }
}
