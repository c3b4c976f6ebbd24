package io.github.odec.runtime;

import io.github.odec.runtime.spi.SystemLayout;
import java.io.Serializable;
import java.util.Optional;

/**
 * What a named input column sets on a {@link Batch}: the naming that the command line's CSV and the
 * Spark module share (a state or parameter by its flat name, {@code t0}, {@code t1}, {@code atol},
 * {@code rtol}).
 */
public sealed interface InputColumn extends Serializable {

    /** An initial-state component, by its flat name ({@code x}, {@code u[0]}). */
    record State(String name) implements InputColumn {}

    /** A per-instance parameter value. */
    record Parameter(String name) implements InputColumn {}

    record StartTime() implements InputColumn {}

    record EndTime() implements InputColumn {}

    record AbsoluteTolerance() implements InputColumn {}

    record RelativeTolerance() implements InputColumn {}

    /** The role of a column name in a system's inputs; empty when the system has no such input. */
    static Optional<InputColumn> named(String name, SystemLayout layout) {
        if (layout.stateNames().contains(name)) {
            return Optional.of(new State(name));
        }
        if (layout.paramNames().contains(name)) {
            return Optional.of(new Parameter(name));
        }
        return Optional.ofNullable(switch (name) {
            case "t0" -> new StartTime();
            case "t1" -> new EndTime();
            case "atol" -> new AbsoluteTolerance();
            case "rtol" -> new RelativeTolerance();
            default -> null;
        });
    }

    /** Whether the column is a tolerance (which must be positive). */
    default boolean isTolerance() {
        return this instanceof AbsoluteTolerance || this instanceof RelativeTolerance;
    }

    /** Sets this column's value for one instance of the batch. */
    default void set(Batch batch, int instance, double value) {
        switch (this) {
            case State s -> batch.state(s.name(), instance, value);
            case Parameter p -> batch.param(p.name(), instance, value);
            case StartTime _ -> batch.t0(instance, value);
            case EndTime _ -> batch.t1(instance, value);
            case AbsoluteTolerance _ -> batch.atol(instance, value);
            case RelativeTolerance _ -> batch.rtol(instance, value);
        }
    }
}
