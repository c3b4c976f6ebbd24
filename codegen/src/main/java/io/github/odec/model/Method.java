package io.github.odec.model;

import java.util.OptionalInt;

/**
 * A checked integration method: what lowering picks a stepper for. Explicit Runge-Kutta is the one
 * family today; implicit families (Rosenbrock) join here, each with its own stepper in lowering.
 */
public sealed interface Method permits ExplicitRungeKutta, Rosenbrock {

    String name();

    /** The order p of the propagated solution. */
    int order();

    /** The order of the embedded error estimate; empty when the method cannot estimate its error. */
    OptionalInt embeddedOrder();

    /** Whether it estimates its local error, so that an adaptive controller can drive it. */
    boolean adaptive();

    /** The method a checked tableau defines. */
    static Method of(Tableau tableau) {
        return new ExplicitRungeKutta(tableau);
    }
}
