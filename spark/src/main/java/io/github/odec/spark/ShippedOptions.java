package io.github.odec.spark;

import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.ControllerCoefficients;
import java.io.Serializable;

/**
 * {@link SolverOptions} as a value Spark can serialize (the runtime's records are not
 * {@code Serializable}: the runtime does not know of Spark). The thread count is not shipped: each
 * task uses the cores Spark gave it.
 */
record ShippedOptions(String method, StepControllerKind controller, double safety, double factorMin,
                      double factorMax, double pcoeff, double icoeff, double dcoeff, Precision precision,
                      double dt0, double dtMin, double dtMax, int maxSteps) implements Serializable {

    static ShippedOptions of(SolverOptions o) {
        ControllerCoefficients c = o.coefficients();
        return new ShippedOptions(o.method().name(), o.controller(), c.safety(), c.factorMin(), c.factorMax(),
                c.pcoeff(), c.icoeff(), c.dcoeff(), o.precision(), o.dt0(), o.dtMin(), o.dtMax(), o.maxSteps());
    }

    SolverOptions options(int threads) {
        return new SolverOptions(Method.named(method), controller,
                new ControllerCoefficients(safety, factorMin, factorMax, pcoeff, icoeff, dcoeff), precision,
                dt0, dtMin, dtMax, maxSteps, threads);
    }
}
