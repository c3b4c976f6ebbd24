package io.github.odec.cli.csv;

/** What an input column sets on a batch. */
sealed interface ColumnRole {

    /** An initial-state component, by its flat name ({@code x}, {@code u[0]}). */
    record State(String name) implements ColumnRole {}

    /** A per-instance parameter value. */
    record Parameter(String name) implements ColumnRole {}

    record StartTime() implements ColumnRole {}

    record EndTime() implements ColumnRole {}

    record AbsoluteTolerance() implements ColumnRole {}

    record RelativeTolerance() implements ColumnRole {}
}
