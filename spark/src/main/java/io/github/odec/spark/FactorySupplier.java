package io.github.odec.spark;

import io.github.odec.runtime.spi.SolverFactory;
import java.io.Serializable;
import java.util.function.Supplier;

/**
 * A solver factory that Spark can ship to executors: typically a method reference to generated
 * bindings in the job's jar, {@code SIR::factory}, which each executor JVM calls on its own.
 */
@FunctionalInterface
public interface FactorySupplier extends Supplier<SolverFactory>, Serializable {}
