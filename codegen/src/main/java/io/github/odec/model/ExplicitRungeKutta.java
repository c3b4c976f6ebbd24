package io.github.odec.model;

import java.util.Objects;
import java.util.OptionalInt;

/** An explicit Runge-Kutta method: its checked tableau (embedded weights and dense output optional). */
public record ExplicitRungeKutta(Tableau tableau) implements Method {

    public ExplicitRungeKutta {
        Objects.requireNonNull(tableau);
    }

    @Override
    public String name() {
        return tableau.name();
    }

    @Override
    public int order() {
        return tableau.order();
    }

    @Override
    public OptionalInt embeddedOrder() {
        return tableau.embeddedOrder();
    }

    @Override
    public boolean adaptive() {
        return tableau.adaptive();
    }
}
