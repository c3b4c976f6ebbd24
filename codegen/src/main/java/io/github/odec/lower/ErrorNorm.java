package io.github.odec.lower;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.StatementBuilder;
import java.util.function.BiFunction;

/**
 * The error ratio of a trial step: the norm of its error estimate scaled by the tolerances. The
 * step is accepted iff the ratio is at most 1, and the controller adapts the step from it. The same
 * norm measures the vectors of Hairer's initial step ({@link InitialStepLowering}), as in his codes.
 */
interface ErrorNorm {

    /** Emits the ratio of {@code trial}, attempted from {@code s}, into a local. */
    Local ratio(StatementBuilder out, SolveState s, Components components, Trial trial);

    /**
     * The norm of a vector whose components, already divided by their scale, {@code scaled} emits;
     * {@code sum} and {@code term} name the locals it needs (an accumulator, one per component).
     */
    IrExpr norm(StatementBuilder out, Components components, String sum, String term,
            BiFunction<StatementBuilder, ComponentIndex, IrExpr> scaled);
}
