package io.github.odec.model;

import java.util.List;

/**
 * A checked event, {@code event name when A crosses B [rising|falling] [action];}: a root of
 * {@code g = A - B} in the given direction, located on the dense output of an accepted step. Every
 * occurrence is recorded; the action says what else happens. {@code g} is an expression of t, the
 * states, the parameters, the lets and constants.
 */
public record Event(String name, Expr g, Crossing crossing, Action action) {

    /** Which sign changes of g count. */
    public enum Crossing {
        /** g goes from below zero to zero or above. */
        RISING,
        /** g goes from above zero to zero or below. */
        FALLING,
        EITHER
    }

    /** What an occurrence does besides being recorded. */
    public sealed interface Action {

        /** Recorded only: the integration goes on. */
        record Record() implements Action {}

        /** The states assigned, all right-hand sides evaluated at the pre-event point. */
        record Reset(List<Assignment> assignments) implements Action {
            public Reset {
                assignments = List.copyOf(assignments);
            }
        }

        /** The instance ends at the event, with its own status. */
        record Terminate() implements Action {}
    }

    /** {@code state[index] = value} in a reset; the flat state index. */
    public record Assignment(int state, Expr value) {}
}
