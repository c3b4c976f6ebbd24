package io.github.odec.runtime.spi;

/**
 * Where the runtime gets solvers for one system: from the compiler at run time (codegen compiles
 * and caches on demand), or from classes generated at build time (bindings, Maven plugin).
 */
public interface SolverFactory {

    SystemLayout layout();

    /**
     * The solver for this spec, compiled once and reused.
     *
     * @throws IllegalArgumentException naming the method when it is unknown or cannot serve the
     *                                  controller (an adaptive controller needs embedded weights)
     */
    CompiledSolver solver(SolverSpec spec);
}
