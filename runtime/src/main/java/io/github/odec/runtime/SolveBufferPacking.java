package io.github.odec.runtime;

import io.github.odec.runtime.spi.SolveBuffers;
import java.util.Arrays;

/**
 * The one crossing between the user's terms and the SPI's memory: packs a checked batch and its
 * options into {@link SolveBuffers}, and wraps the buffers a backend has written as a
 * {@link Solution}. Package-private, so that {@code Batch}, {@code SolverOptions} and
 * {@code Solution} show users nothing of the buffers.
 */
final class SolveBufferPacking {

    private SolveBufferPacking() {}

    /** Buffers shaped for {@code batch}, its inputs and the options' step limits written. Validate both first. */
    static SolveBuffers inputs(Batch batch, SolverOptions options) {
        SolveBuffers buffers = new SolveBuffers(batch.size(), batch.layout().stateCount(), batch.layout().paramCount(),
                batch.evalCount(), batch.layout().observeCount(), options.coefficients());
        batch.copyInputs(buffers);
        // The step limits are per instance in the buffers and shared in the options.
        Arrays.fill(buffers.dt0, options.dt0());
        Arrays.fill(buffers.dtMin, options.dtMin());
        Arrays.fill(buffers.dtMax, options.dtMax());
        Arrays.fill(buffers.maxSteps, options.maxSteps());
        return buffers;
    }

    /** What a backend wrote into {@code buffers} (packed by {@link #inputs}), as the user reads it. */
    static Solution solution(Batch batch, SolverOptions options, SolveBuffers buffers) {
        int[] evalCounts = new int[batch.size()];
        for (int i = 0; i < evalCounts.length; i++) {
            evalCounts[i] = batch.evalCount(i);
        }
        return new Solution(batch.layout(), buffers, evalCounts, options.precision());
    }
}
