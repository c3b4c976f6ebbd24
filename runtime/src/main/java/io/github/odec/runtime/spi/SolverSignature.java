package io.github.odec.runtime.spi;

/**
 * What a compiled solver was compiled for, so the runtime can check a batch against it.
 *
 * @param errorOrder k = 1 + the lower of the method's two orders (the controller's exponent
 *                   denominator); for a fixed-step method, its order
 */
public record SolverSignature(SystemLayout layout, SolverSpec spec, int errorOrder) {}
