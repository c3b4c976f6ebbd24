package io.github.odec.ir;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.spi.Slot;
import java.util.List;
import java.util.Optional;

/**
 * The whole solve of one instance for one (system, tableau, controller, precision, output mode).
 * Printers wrap it in their instance loop: a Java for over [from, to), a CUDA thread index later.
 *
 * @param instance the INT local that holds the instance index, bound by the printer's wrapper
 * @param dynamics f(t, y) as a function of its own, present when the state lives in local arrays
 *                 (large systems), so that the solve stays small enough for the JIT or the GPU compiler
 * @param slots    the slots the body loads and stores ({@link Slot#of} its spec), in parameter order
 */
public record SolverFunction(String name, Precision precision, Local instance, List<Stmt> body,
                             Optional<DynamicsFunction> dynamics, List<Slot> slots) {

    public SolverFunction {
        body = List.copyOf(body);
        slots = List.copyOf(slots);
    }
}
