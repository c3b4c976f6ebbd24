package io.github.odec.cli;

import io.github.odec.cli.csv.BatchColumns;
import io.github.odec.cli.csv.InputTable;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The batch the options describe, built a chunk at a time: only a chunk's arrays are ever allocated, so
 * a run of 10^8 instances takes the memory of one chunk. Chunks are numbered within the whole batch
 * ({@link Batch#numberedFrom}), so messages and output rows name an instance by its place in the batch.
 *
 * @param table      the --y0 rows, when the instances come from a file (read whole: the file is the larger)
 * @param evaluation the evaluation times, shared by every chunk (per-instance times are sliced per chunk)
 * @param chunk      instances per chunk, already checked to fit one array and the heap
 */
record BatchPlan(SystemLayout layout, long size, int chunk, Shared shared, Optional<InputTable> table,
                 Evaluation evaluation) {

    /** What the command line gives every instance. */
    record Shared(double t0, double t1, Map<String, Double> params, Double rtol, Double atol) {}

    /** The evaluation times of the options: at most one of them. */
    sealed interface Evaluation {
        record FinalOnly() implements Evaluation {}

        record EvenlySpaced(int points) implements Evaluation {}

        record Same(double[] times) implements Evaluation {}

        /** {@code times[instance]}, from --eval-times-file; {@code option} names the file in messages. */
        record PerInstance(double[][] times, String option) implements Evaluation {}
    }

    /** How many chunks the batch takes. */
    long chunks() {
        return (size + chunk - 1) / chunk;
    }

    /** Instances of chunk {@code c}: {@link #chunk} but for the last. */
    int chunkSize(long c) {
        return (int) Math.min(chunk, size - c * chunk);
    }

    /** Rows of the values table: one per evaluation point of an instance, or one for its final state. */
    long valueRows() {
        return switch (evaluation) {
            case Evaluation.FinalOnly() -> size;
            case Evaluation.EvenlySpaced(int points) -> Math.multiplyExact(size, points);
            case Evaluation.Same(double[] times) -> Math.multiplyExact(size, Math.max(times.length, 1));
            case Evaluation.PerInstance(double[][] times, String option) ->
                    Arrays.stream(times).mapToLong(t -> Math.max(t.length, 1)).sum();
        };
    }

    /**
     * Builds and validates chunks 1 onwards where their values differ per instance (a --y0 file,
     * --eval-times-file), so that a bad row far down the file is reported before anything is written.
     * A generated batch's chunks hold the same values as the first.
     */
    void checkLaterChunks() {
        if (table.isPresent() || evaluation instanceof Evaluation.PerInstance) {
            for (long c = 1; c < chunks(); c++) {
                chunk(c);
            }
        }
    }

    /** Chunk {@code c}, filled and validated; a bad value is named by its option and its instance in the batch. */
    Batch chunk(long c) {
        long first = c * chunk;
        int n = chunkSize(c);
        Batch batch = new Batch(layout, n).numberedFrom(first, size).span(shared.t0(), shared.t1());
        shared.params().forEach(batch::param);
        if (shared.rtol() != null) batch.rtol(shared.rtol());
        if (shared.atol() != null) batch.atol(shared.atol());
        table.ifPresent(t -> BatchColumns.fill(t.rows((int) first, (int) first + n), batch, shared.params().keySet()));
        String evalOption = "--eval-times";
        switch (evaluation) {
            case Evaluation.FinalOnly() -> { }
            case Evaluation.EvenlySpaced(int points) -> batch.evalTimesEvenlySpaced(points);
            case Evaluation.Same(double[] times) -> batch.evalTimes(times);
            case Evaluation.PerInstance(double[][] times, String option) -> {
                batch.evalTimes(Arrays.copyOfRange(times, (int) first, (int) first + n));
                evalOption = option;
            }
        }
        try {
            batch.validate();
        } catch (InvalidInputException e) {
            throw new UserError(OptionNames.message(e, evalOption));
        }
        return batch;
    }
}
