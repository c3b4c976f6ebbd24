package io.github.odec.spark;

import java.io.Serializable;

/** What one column of the instances' Dataset sets on a batch (the command line's CSV conventions). */
sealed interface InputColumn extends Serializable {

    /** An initial-state component by its flat name ({@code x}, {@code u[0]}). */
    record State(String name) implements InputColumn {}

    record Parameter(String name) implements InputColumn {}

    record StartTime() implements InputColumn {}

    record EndTime() implements InputColumn {}

    record AbsoluteTolerance() implements InputColumn {}

    record RelativeTolerance() implements InputColumn {}

    /** Not an input, only copied into the result row as it is (an id, a label). */
    record Kept(String name) implements InputColumn {}
}
