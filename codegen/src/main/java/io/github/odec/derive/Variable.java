package io.github.odec.derive;

import io.github.odec.model.OdeSystem;

/** What a derivative is taken with respect to: a flat state component, a flat parameter, or time. */
public sealed interface Variable {

    record State(int index) implements Variable {}

    record Param(int index) implements Variable {}

    /** The explicit {@code t} of the dynamics (a partial derivative: states are held fixed). */
    record Time() implements Variable {}

    /** For messages and derived let names: {@code x[3]}, {@code k}, {@code t}. */
    default String name(OdeSystem system) {
        return switch (this) {
            case State s -> system.stateNames().get(s.index());
            case Param p -> system.paramNames().get(p.index());
            case Time t -> "t";
        };
    }

    /** For messages: {@code the state 'x[3]'}. */
    default String describe(OdeSystem system) {
        String kind = switch (this) {
            case State s -> "the state";
            case Param p -> "the parameter";
            case Time t -> "the time";
        };
        return kind + " '" + name(system) + "'";
    }
}
