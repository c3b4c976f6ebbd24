package io.github.odec.cli;

import io.github.odec.cli.csv.EvaluationTimesFile;
import io.github.odec.cli.csv.InputTable;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.BatchMemory;
import io.github.odec.runtime.spi.SystemLayout;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
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
                description = "N instances from the defaults of the file and of the options (up to 9.2e18: "
                        + "they are solved and written a chunk at a time).")
        Long count;
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

    @Option(names = "--chunk", paramLabel = "C",
            description = "Instances solved and written at a time, which bounds the memory a run takes "
                    + "(default: up to " + DEFAULT_CHUNK + ", fewer where a quarter of the heap would not hold them).")
    Integer chunk;

    /** Large enough that the threads of a chunk stay busy, small enough that a chunk is a few MB for small systems. */
    static final int DEFAULT_CHUNK = 1 << 16;

    /** Whether any of --eval, --eval-times, --eval-times-file asks for points besides the final state. */
    boolean hasEvalTimes() {
        return eval != null || evalTimes != null || evalTimesFile != null;
    }

    /** The whole batch at once, for commands that need it in memory (bench); refused when it takes several chunks. */
    Batch build(SystemLayout layout) {
        BatchPlan plan = plan(layout);
        if (plan.chunks() > 1) {
            throw new UserError("this command solves the batch in one piece, and " + plan.size() + " instances of this "
                    + "shape do not fit this JVM's heap at once: at most " + plan.chunk());
        }
        return plan.chunk(0);
    }

    /**
     * The batch in chunks: the shared values first, then the CSV's columns per instance, then the
     * evaluation times; checked here, so that a bad value is named by its option ({@code --eval-times},
     * {@code --rtol}) and sizes that cannot run are refused before anything is solved.
     */
    BatchPlan plan(SystemLayout layout) {
        int alternatives = (eval != null ? 1 : 0) + (evalTimes != null ? 1 : 0) + (evalTimesFile != null ? 1 : 0);
        if (alternatives > 1) {
            throw new UserError("--eval, --eval-times and --eval-times-file are alternatives; give one of them");
        }
        Optional<InputTable> table = instances.csv == null ? Optional.empty() : Optional.of(readTable(instances.csv));
        long n = table.map(t -> (long) t.rowCount()).orElse(instances.count);
        if (n < 1) {
            throw new UserError(table.isPresent() ? instances.csv + " has a header but no rows; one row per instance"
                    : "--batch must be at least 1, not " + n);
        }
        if (evalTimesFile != null && n > BatchMemory.MAX_ARRAY) {
            throw new UserError("--eval-times-file is read whole: at most " + BatchMemory.MAX_ARRAY
                    + " instances with it, not --batch " + n);
        }
        BatchPlan.Evaluation evaluation;
        if (eval != null) {
            if (eval < 2) {
                throw new UserError("--eval must be at least 2 (t0 and t1), not " + eval);
            }
            evaluation = new BatchPlan.Evaluation.EvenlySpaced(eval);
        } else if (evalTimes != null) {
            evaluation = new BatchPlan.Evaluation.Same(evalTimes.stream().mapToDouble(Double::doubleValue).toArray());
        } else if (evalTimesFile != null) {
            evaluation = new BatchPlan.Evaluation.PerInstance(EvaluationTimesFile.read(readTable(evalTimesFile), (int) n),
                    "--eval-times-file " + evalTimesFile.getFileName());
        } else {
            evaluation = new BatchPlan.Evaluation.FinalOnly();
        }
        int points = switch (evaluation) {
            case BatchPlan.Evaluation.FinalOnly() -> 0;
            case BatchPlan.Evaluation.EvenlySpaced(int k) -> k;
            case BatchPlan.Evaluation.Same(double[] times) -> times.length;
            case BatchPlan.Evaluation.PerInstance(double[][] times, String option) ->
                    Arrays.stream(times).mapToInt(t -> t.length).max().orElse(0);
        };
        BatchPlan plan = new BatchPlan(layout, n, chunkSize(layout, n, points),
                new BatchPlan.Shared(t0, t1, params, rtol, atol), table, evaluation);
        try {
            plan.valueRows();
        } catch (ArithmeticException e) {
            throw new UserError("--batch " + n + " × --eval " + points + " = more than 9.2e18 rows of values; "
                    + "solve fewer instances or points per run");
        }
        return plan;
    }

    /**
     * Instances per chunk: --chunk, or the default; refused, before anything is allocated, when a chunk
     * passes what one Java array holds or this JVM's heap, with the numbers and how many would fit.
     */
    private int chunkSize(SystemLayout layout, long n, int points) {
        long heap = BatchMemory.maxHeap();
        String pointsText = points > 0 ? " × --eval " + points : "";
        String statesText = " × " + layout.stateCount() + (layout.stateCount() == 1 ? " state " : " states ");
        BatchMemory one = new BatchMemory(1, layout.stateCount(), layout.paramCount(), points);
        long fits = one.maxInstances(heap);
        if (fits < 1) {
            throw new UserError("one instance" + pointsText + statesText + one.excess(heap).orElseThrow()
                    + ": solve fewer --eval points"
                    + (one.largestArray() <= BatchMemory.MAX_ARRAY ? ", or give Java more heap (JAVA_TOOL_OPTIONS=-Xmx...)" : ""));
        }
        if (chunk == null) {
            // A quarter of the heap: the rest is the writers' buffers, the input table and the JVM's own.
            long byHeap = Math.max(1, one.maxInstances(heap / 4));
            return (int) Math.min(n, Math.min(DEFAULT_CHUNK, Math.min(byHeap, fits)));
        }
        if (chunk < 1) {
            throw new UserError("--chunk must be at least 1, not " + chunk);
        }
        BatchMemory memory = new BatchMemory(Math.min(chunk, n), layout.stateCount(), layout.paramCount(), points);
        memory.excess(heap).ifPresent(excess -> {
            boolean heapBound = memory.largestArray() <= BatchMemory.MAX_ARRAY;
            throw new UserError("--chunk " + chunk + pointsText + statesText + excess + ": give --chunk at most " + fits
                    + (heapBound ? ", or give Java more heap (JAVA_TOOL_OPTIONS=-Xmx...)" : ""));
        });
        return (int) Math.min(chunk, n);
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
