package io.github.odec.spark;

import io.github.odec.runtime.spi.SolverFactory;
import java.io.Serializable;
import java.util.Objects;

/** Where the executors get the solver of a job from. Both kinds are small values that Spark serializes. */
public sealed interface SolverSource extends Serializable {

    /** The factory on this JVM: the driver asks it for the layout, each executor for the solvers. */
    SolverFactory factory();

    /**
     * {@code .ode} text, checked and compiled once per executor JVM (the first task that needs it
     * compiles, the others wait and share it; see {@link ExecutorSystems}).
     *
     * @param sourceName what diagnostics call the file
     * @param systemName the system of the file to solve
     */
    record OdeText(String sourceName, String text, String systemName) implements SolverSource {
        public OdeText {
            Objects.requireNonNull(sourceName, "sourceName");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(systemName, "systemName");
        }

        @Override
        public SolverFactory factory() {
            return ExecutorSystems.compiled(this);
        }
    }

    /** Solver classes already in the job's jar: the bindings the Maven plugin or {@code odec compile} generated. */
    record Generated(FactorySupplier supplier) implements SolverSource {
        public Generated {
            Objects.requireNonNull(supplier, "supplier");
        }

        @Override
        public SolverFactory factory() {
            return supplier.get();
        }
    }
}
