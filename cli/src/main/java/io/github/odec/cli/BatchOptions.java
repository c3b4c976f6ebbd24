package io.github.odec.cli;

import io.github.odec.cli.csv.BatchColumns;
import io.github.odec.cli.csv.EvaluationTimesFile;
import io.github.odec.cli.csv.InputTable;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.BatchMemory;
import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.spi.SystemLayout;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options that make a batch, shared by {@code solve} and {@code bench}: instances, span, evaluation times, tolerances. */
final class BatchOptions {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Instances instances;

    static final class Instances {
        @Option(names = "--y0", paramLabel = "INPUT.csv", required = true,
                description = "One instance per row: initial states, parameters, t0, t1, atol, rtol.")
        Path csv;

        @Option(names = "--batch", paramLabel = "N", required = true,
                description = "N instances from the defaults of the file and of the options.")
        Integer count;
    }

    @Option(names = "--t0", paramLabel = "T0", defaultValue = "0", description = "Start time (default ${DEFAULT-VALUE}).")
    double t0;

    @Option(names = "--t1", paramLabel = "T1", defaultValue = "10", description = "End time (default ${DEFAULT-VALUE}); may be below t0.")
    double t1;

    @Option(names = "--eval", paramLabel = "K",
            description = "K evenly spaced evaluation times from each instance's t0 to its t1, both included. "
                    + "Without it (or --eval-times, --eval-times-file), only the state at t1.")
    Integer eval;

    @Option(names = "--eval-times", paramLabel = "T,T,...", split = ",",
            description = "The same evaluation times for every instance, e.g. 0,0.5,2: inside the span, "
                    + "in the direction of integration.")
    List<Double> evalTimes;

    @Option(names = "--eval-times-file", paramLabel = "TIMES.csv",
            description = "Evaluation times per instance: a header instance,t and one row per point; "
                    + "instances may have different numbers of points.")
    Path evalTimesFile;

    @Option(names = "--rtol", paramLabel = "R", description = "Relative tolerance (default 1e-3).")
    Double rtol;

    @Option(names = "--atol", paramLabel = "A", description = "Absolute tolerance (default 1e-6).")
    Double atol;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value for every instance (repeatable).")
    Map<String, Double> params = new LinkedHashMap<>();

    /** Whether any of --eval, --eval-times, --eval-times-file asks for points besides the final state. */
    boolean hasEvalTimes() {
        return eval != null || evalTimes != null || evalTimesFile != null;
    }

    /**
     * The shared values first, then the CSV's columns per instance, then the evaluation times; checked
     * here, so that a bad value is named by its option ({@code --eval-times}, {@code --rtol}).
     */
    Batch build(SystemLayout layout) {
        int alternatives = (eval != null ? 1 : 0) + (evalTimes != null ? 1 : 0) + (evalTimesFile != null ? 1 : 0);
        if (alternatives > 1) {
            throw new UserError("--eval, --eval-times and --eval-times-file are alternatives; give one of them");
        }
        Optional<InputTable> table = instances.csv == null ? Optional.empty() : Optional.of(readTable(instances.csv));
        int n = table.map(InputTable::rowCount).orElse(instances.count);
        if (n < 1) {
            throw new UserError(table.isPresent() ? instances.csv + " has a header but no rows; one row per instance"
                    : "--batch must be at least 1, not " + n);
        }
        requireFits(layout, n, table.isPresent());
        Batch batch = new Batch(layout, n).span(t0, t1);
        params.forEach(batch::param);
        if (rtol != null) batch.rtol(rtol);
        if (atol != null) batch.atol(atol);
        table.ifPresent(t -> BatchColumns.fill(t, batch, params.keySet()));
        String evalOption = "--eval-times";
        if (eval != null) {
            if (eval < 2) {
                throw new UserError("--eval must be at least 2 (t0 and t1), not " + eval);
            }
            batch.evalTimesEvenlySpaced(eval);
        } else if (evalTimes != null) {
            batch.evalTimes(evalTimes.stream().mapToDouble(Double::doubleValue).toArray());
        } else if (evalTimesFile != null) {
            batch.evalTimes(EvaluationTimesFile.read(readTable(evalTimesFile), n));
            evalOption = "--eval-times-file " + evalTimesFile.getFileName();
        }
        try {
            batch.validate();
        } catch (InvalidInputException e) {
            throw new UserError(OptionNames.message(e, evalOption));
        }
        return batch;
    }

    /**
     * Refuses, before anything is allocated, a batch whose arrays pass what one Java array holds or this
     * JVM's heap: the numbers, and how many instances would fit.
     */
    private void requireFits(SystemLayout layout, int n, boolean fromTable) {
        int points = eval == null || eval < 2 ? 0 : eval;
        BatchMemory memory = new BatchMemory(n, layout.stateCount(), layout.paramCount(), points);
        long heap = BatchMemory.maxHeap();
        memory.excess(heap).ifPresent(excess -> {
            long fits = memory.maxInstances(heap);
            boolean heapBound = memory.largestArray() <= BatchMemory.MAX_ARRAY;
            throw new UserError((fromTable ? instances.csv + "'s " + n + " rows" : "--batch " + n)
                    + (points > 0 ? " × --eval " + points : "") + " × " + layout.stateCount()
                    + (layout.stateCount() == 1 ? " state " : " states ") + excess + ": solve "
                    + (fits > 0 ? "at most " + fits + " instances per run" : "fewer --eval points")
                    + (fromTable ? " (split " + instances.csv + ")" : "")
                    + (heapBound ? ", or give Java more heap (JAVA_TOOL_OPTIONS=-Xmx...)" : ""));
        });
    }

    private static InputTable readTable(Path csv) {
        try {
            return InputTable.read(csv);
        } catch (NoSuchFileException e) {
            throw new UserError("cannot read " + csv + ": no such file");
        } catch (IOException e) {
            throw new UserError("cannot read " + csv + ": " + e.getMessage());
        }
    }
}
