package io.github.odec.spark;

import io.github.odec.runtime.InputColumn;
import java.io.Serializable;

/** What one column of the instances' Dataset is: an input of the batch, or only copied to the results. */
sealed interface SourceColumn extends Serializable {

    /** An input, named as in the command line's CSV (a state, a parameter, t0, t1, atol, rtol). */
    record Input(InputColumn role) implements SourceColumn {}

    /** Not an input, only copied into the result row as it is (an id, a label). */
    record Kept(String name) implements SourceColumn {}
}
