package io.github.odec.lower;

import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;

/**
 * The error ratio of a trial step: the norm of its error estimate scaled by the tolerances. The
 * step is accepted iff the ratio is at most 1, and the controller adapts the step from it.
 */
interface ErrorNorm {

    /** Emits the ratio of {@code trial}, attempted from {@code s}, into a local. */
    Local ratio(StatementBuilder out, SolveState s, Components components, Trial trial);
}
