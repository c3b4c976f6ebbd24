package io.github.odec.model;

/**
 * A per-instance reduction, {@code observe name = reduction(argument);}: computed inside the step
 * loop from the accepted points (and, for {@link Reduction#INTEGRAL}, the stages), never from a
 * stored trajectory. The argument is an expression of t, the states, the parameters and the lets.
 */
public record Observe(String name, Reduction reduction, Expr argument) {

    /** What the solver accumulates. */
    public enum Reduction {
        MAX, MIN, ARGMAX, ARGMIN, INTEGRAL;

        /** The word users write: {@code max}, {@code argmax}, {@code integral}, ... */
        public String keyword() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
