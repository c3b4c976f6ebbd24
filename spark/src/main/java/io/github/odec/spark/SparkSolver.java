package io.github.odec.spark;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.InputColumn;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Solves a {@code Dataset<Row>} of instances of one system, one row per instance, into a
 * {@code Dataset<Row>} of results, each partition on odec's CPU backend on the cores of the task.
 * Immutable: start from {@link #fromOde} or {@link #fromBindings}, then the withers.
 *
 * <p>Input columns are named as in {@code odec solve}'s CSV: state components and parameters by
 * their names, and {@code t0}, {@code t1}, {@code atol}, {@code rtol}; any numeric type; a null cell
 * keeps the shared value (the span of {@link #withSpan}, the tolerances of {@link #withTolerances},
 * the {@code .ode} file's defaults). Columns to carry over unchanged (an id) are named with
 * {@link #keeping}; any other column is an error. The results' columns: see {@link #resultSchema}.
 *
 * <p>A row's results are bit for bit those of {@code Solver.cpu()} on the same instance, whatever
 * the partitioning. An instance that fails (REACHED_MAX_STEPS, ...) is a row with that status; an
 * invalid input (a NaN, a null {@code t1} without a shared span) fails the task with the runtime's
 * {@code InvalidInputException}.
 */
public final class SparkSolver {

    /** Rows solved at once per task: 2^16 instances of a few states with a few hundred points stay far below 1 GB. */
    public static final int DEFAULT_CHUNK = 1 << 16;

    private final SolverSource source;
    private final SolverOptions options;
    private final EvaluationPoints points;
    private final SharedSpan span;
    private final double atol;
    private final double rtol;
    private final Set<String> kept;
    private final int chunk;

    private SparkSolver(SolverSource source, SolverOptions options, EvaluationPoints points, SharedSpan span,
                        double atol, double rtol, Set<String> kept, int chunk) {
        this.source = source;
        this.options = options;
        this.points = points;
        this.span = span;
        this.atol = atol;
        this.rtol = rtol;
        this.kept = kept;
        this.chunk = chunk;
    }

    /** A system of {@code .ode} text, checked on the driver now and compiled once per executor JVM. */
    public static SparkSolver fromOde(String sourceName, String text, String systemName) {
        SolverSource.OdeText source = new SolverSource.OdeText(sourceName, text, systemName);
        source.factory(); // a file that does not check fails here, on the driver, with its diagnostics
        return of(source);
    }

    /** Generated bindings in the job's jar, e.g. {@code fromBindings(SIR::factory)}. */
    public static SparkSolver fromBindings(FactorySupplier factory) {
        return of(new SolverSource.Generated(factory));
    }

    private static SparkSolver of(SolverSource source) {
        return new SparkSolver(source, SolverOptions.defaults(), new EvaluationPoints.FinalOnly(),
                new SharedSpan.None(), Batch.DEFAULT_ATOL, Batch.DEFAULT_RTOL, Set.of(), DEFAULT_CHUNK);
    }

    /** Method, controller, precision, steps; the thread count is ignored (each task uses its Spark cores). */
    public SparkSolver withOptions(SolverOptions options) {
        options.validate();
        return new SparkSolver(source, options, points, span, atol, rtol, kept, chunk);
    }

    /** The same evaluation times for every row; none (the default) gives the final state only. */
    public SparkSolver withEvalTimes(double... times) {
        return new SparkSolver(source, options, new EvaluationPoints.Shared(times), span, atol, rtol, kept, chunk);
    }

    /** {@code count} evaluation times from each row's t0 to its t1, both included. */
    public SparkSolver withEvalTimesEvenlySpaced(int count) {
        if (count < 2) {
            throw new IllegalArgumentException("withEvalTimesEvenlySpaced needs at least 2 points (t0 and t1), got " + count);
        }
        return new SparkSolver(source, options, new EvaluationPoints.EvenlySpaced(count), span, atol, rtol, kept, chunk);
    }

    /** The span of rows without {@code t0}/{@code t1} (columns absent or null). */
    public SparkSolver withSpan(double t0, double t1) {
        return new SparkSolver(source, options, points, new SharedSpan.Given(t0, t1), atol, rtol, kept, chunk);
    }

    /** The tolerances of rows without {@code atol}/{@code rtol}; by default the runtime's 1e-6 and 1e-3. */
    public SparkSolver withTolerances(double atol, double rtol) {
        return new SparkSolver(source, options, points, span, atol, rtol, kept, chunk);
    }

    /** Input columns copied unchanged into the results, first, in the input's order; a kept input is still solved with. */
    public SparkSolver keeping(String... columns) {
        return new SparkSolver(source, options, points, span, atol, rtol,
                Set.copyOf(new LinkedHashSet<>(Arrays.asList(columns))), chunk);
    }

    /** Rows a task solves at once (memory per task is about chunk × (states × points + inputs) doubles). */
    public SparkSolver withChunk(int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("chunk must be >= 1 rows, got " + rows);
        }
        return new SparkSolver(source, options, points, span, atol, rtol, kept, rows);
    }

    /**
     * The kept columns, then {@code status} (the name of a {@code Status}), {@code final} (a struct
     * of the final state), with evaluation times {@code t} and {@code values} (a struct of arrays,
     * one per state component, aligned with {@code t}), and the statistics {@code n_f_evals},
     * {@code n_steps}, {@code n_accepted}, {@code n_initialized}, {@code n_rejected}, {@code h_last},
     * {@code h_min}, {@code h_max}, {@code t_stop}.
     *
     * @throws IllegalArgumentException for an unknown or non-numeric input column, or rows without a span
     */
    public StructType resultSchema(StructType instances) {
        return plan(instances).results().schema();
    }

    /** The results, lazily: nothing is solved until an action (a write, a count) runs. */
    public Dataset<Row> solve(Dataset<Row> instances) {
        PartitionSolver solver = plan(instances.schema());
        return instances.mapPartitions(solver, Encoders.row(solver.results().schema()));
    }

    private PartitionSolver plan(StructType instances) {
        SystemLayout layout = source.factory().layout();
        List<SourceColumn> columns = InputColumns.of(instances, layout, kept);
        boolean spanGiven = span instanceof SharedSpan.Given
                || (columns.contains(new SourceColumn.Input(new InputColumn.StartTime()))
                        && columns.contains(new SourceColumn.Input(new InputColumn.EndTime())));
        if (!spanGiven) {
            throw new IllegalArgumentException("the instances have no span: give columns t0 and t1, or withSpan(t0, t1)");
        }
        List<StructField> keptFields = Arrays.stream(instances.fields()).filter(f -> kept.contains(f.name())).toList();
        ResultSchema results = ResultSchema.of(layout, keptFields, points.any());
        return new PartitionSolver(source, ShippedOptions.of(options), points, columns,
                InputColumns.keptPositions(instances, kept), span, atol, rtol, results, chunk);
    }

    @Override
    public String toString() {
        return "SparkSolver[" + source + ", " + options + ", " + points + "]";
    }
}
