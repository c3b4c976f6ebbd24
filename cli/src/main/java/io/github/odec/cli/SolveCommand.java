package io.github.odec.cli;

import io.github.odec.cli.output.OutputFiles;
import io.github.odec.cli.output.StreamedOutputs;
import io.github.odec.cli.results.CsvTableWriter;
import io.github.odec.cli.results.ResultFormat;
import io.github.odec.cli.results.StatisticsRows;
import io.github.odec.cli.results.Table;
import io.github.odec.cli.results.TableWriter;
import io.github.odec.cli.results.ValueRows;
import io.github.odec.cli.plot.SolutionPlot;
import io.github.odec.cli.progress.ProgressBar;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.spi.SolverFactory;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code odec solve}: compile a system for the CPU and solve a batch of it. */
@Command(name = "solve",
        mixinStandardHelpOptions = true,
        description = "Solves a batch of initial value problems of one system, a chunk at a time, and writes the values "
                + "as CSV, npy or Parquet.",
        footer = {"", "Examples:",
                "  odec solve samples/vanderpol.ode --batch 256 --eval 200",
                "  odec solve samples/vanderpol.ode --batch 8 --param mu=5 --t1 20 \\",
                "      --eval 400 --out vdp.csv --plot vdp.svg",
                "  odec solve samples/lorenz.ode --y0 starts.csv --t1 5 --eval 11 \\",
                "      --rtol 1e-8 --atol 1e-10 --out lorenz.csv --stats stats.csv",
                "  odec solve samples/sir.ode --batch 100000000 --out sir.parquet",
                "  odec solve samples/pendulum.ode --batch 1 --method rk4 \\",
                "      --controller fixed --dt0 0.01 --eval 101",
                "",
                "INPUT.csv has a header row and one row per instance. A column named after a",
                "state (x, u[0], ...) gives its y0, one named after a parameter its value;",
                "t0, t1, atol and rtol give the instance's span and tolerances. Columns left",
                "out, and empty or NaN/NA cells, take the options' values, then the file's",
                "defaults. TIMES.csv (--eval-times-file) has a header instance,t and one row",
                "per evaluation point.",
                "",
                "Exit codes: 0 all instances succeeded; 1 user error (no file written);",
                "2 usage error; 3 some instances failed (files written, --stats says which);",
                "4 internal error.", ""})
final class SolveCommand implements Callable<Integer> {

    /** Solves shorter than this show no progress bar: it would only flicker. */
    private static final long PROGRESS_DELAY_MILLIS = 1000;

    @Spec
    CommandSpec spec;

    @Mixin
    OdeFileArgument source;

    @Mixin
    SystemChoice system;

    @Mixin
    BatchOptions batchOptions;

    @Mixin
    StepOptions stepOptions;

    @Mixin
    PrecisionOption precision;

    @Option(names = "--backend", paramLabel = "B", defaultValue = "cpu",
            completionCandidates = OptionValues.Backends.class,
            description = "cpu, cuda (the GPU), cuda-host (the exact CUDA source built for this CPU by nvcc, "
                    + "for checking kernels without a GPU) or auto (the GPU where there is one, else cpu; "
                    + "it names its choice on stderr); "
                    + "default ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads (default: all cores).")
    Integer threads;

    @Option(names = "--simd", description = "CPU backend: solve every instance as Vector API lanes (same results bit for bit).")
    boolean simd;

    @Option(names = "--scalar", description = "CPU backend: solve every instance with the scalar loop. Default: both, "
            + "raced piece by piece on this machine, the faster one solving (same results bit for bit).")
    boolean scalar;

    @Option(names = "--out", paramLabel = "OUT.csv", description = "Values: instance,t,<states>, as CSV, .npy or .parquet (by the extension or --format). "
                    + "Default: standard output.")
    Path out;

    @Option(names = "--format", paramLabel = "F", completionCandidates = OptionValues.Formats.class,
            description = "csv, npy or parquet, for --out and --stats (default: each file's extension, else csv).")
    String format;

    /** The bar over all chunks of a run on a terminal; started by the first chunk that runs long enough. */
    private ProgressBar progress;

    @Option(names = "--stats", paramLabel = "STATS.csv", description = "Status and statistics per instance.")
    Path stats;

    @Option(names = "--plot", paramLabel = "PLOT.svg",
            description = "Also draw the solution as SVG: each state over t and, for two states, the phase portrait. "
                    + "Needs --eval.")
    Path plot;

    @Option(names = "--plot-instances", paramLabel = "I", split = ",",
            description = "Instances to draw, e.g. 0,1,5 (default: up to 5 spread over the batch).")
    List<Integer> plotInstances;

    @Override
    public Integer call() {
        try {
            return solveAndWrite();
        } catch (OutOfMemoryError e) {
            // The sizes are checked up front (BatchOptions); this is the heap the rest of the JVM left.
            throw new UserError("out of memory (this JVM's heap is " + Runtime.getRuntime().maxMemory() / (1 << 20)
                    + " MiB): solve fewer instances at a time (a smaller --chunk, fewer --y0 rows or --eval points), "
                    + "or give Java more heap (JAVA_TOOL_OPTIONS=-Xmx...)");
        }
    }

    private Integer solveAndWrite() {
        if (plot == null && plotInstances != null) {
            throw new UserError("--plot-instances only makes sense with --plot");
        }
        if (plot != null && !batchOptions.hasEvalTimes()) {
            throw new UserError("--plot needs --eval K (or --eval-times, --eval-times-file): a line through "
                    + "K points per instance (the final state alone is one point)");
        }
        ResultFormat valuesFormat = formatOf(out);
        if (out == null && !valuesFormat.text()) {
            throw new UserError("--format " + valuesFormat.extension() + " is binary: give --out FILE."
                    + valuesFormat.extension() + " (standard output takes CSV)");
        }
        checkOutputs();
        OdeModel model = source.load(spec.commandLine().getErr());
        OdeSystem chosen = system.of(model, source);
        SolverOptions options = stepOptions.resolve(model)
                .withPrecision(precision.value());
        if (threads != null) {
            options = options.withThreads(threads);
        }
        CompiledSystem compiled = new CompiledSystem(model, chosen.name());
        BatchPlan plan = batchOptions.plan(compiled.layout());
        if (plot != null && plan.chunks() > 1) {
            throw new UserError("--plot draws from the whole batch in memory, and " + plan.size() + " instances take "
                    + plan.chunks() + " chunks of " + plan.chunk() + ": plot a smaller batch (or a larger --chunk)");
        }
        List<Integer> drawn = plot == null ? List.of() : instancesToPlot(plan.size());
        if ((simd || scalar) && !backend.equals("cpu")) {
            throw new UserError((simd ? "--simd" : "--scalar") + " is a CPU option; use it with --backend cpu");
        }
        if (simd && scalar) {
            throw new UserError("--simd and --scalar each choose one CPU path; give one of them, or neither for the race");
        }
        Solver solver = solver();
        if (simd) {
            VectorApiRequirement.check();
        }
        SolverFactory factory = simd ? compiled.simd()
                : scalar || solver != Solver.cpu() ? compiled
                : compiled.racing();

        // Every bad value is found before any output is opened (standard output cannot be taken back).
        Batch firstChunk = plan.chunk(0);
        plan.checkLaterChunks();
        long started = System.nanoTime();
        SolveTally tally = new SolveTally();
        try (StreamedOutputs outputs = new StreamedOutputs(spec.commandLine().getOut())) {
            Precision p = options.precision();
            TableWriter values = open(outputs, out, valuesFormat, ValueRows.table(compiled.layout(), p, plan.valueRows()));
            Optional<TableWriter> statistics = stats == null ? Optional.empty()
                    : Optional.of(open(outputs, stats, formatOf(stats), StatisticsRows.table(p, plan.size())));
            Solution last = null;
            for (long c = 0; c < plan.chunks(); c++) {
                long first = c * plan.chunk();
                last = solve(solver, factory, c == 0 ? firstChunk : plan.chunk(c), options, first, plan.size());
                tally.add(last);
                values.write(new ValueRows(last, first));
                if (statistics.isPresent()) {
                    statistics.get().write(new StatisticsRows(last, first));
                }
            }
            values.finish();
            if (statistics.isPresent()) {
                statistics.get().finish();
            }
            if (plot != null) {
                String svg = SolutionPlot.svg(last, chosen.name() + ": " + options.method() + ", " + plan.size()
                        + (plan.size() == 1 ? " instance" : " instances"), drawn);
                Writer w = new OutputStreamWriter(outputs.open(plot), StandardCharsets.UTF_8);
                w.write(svg);
                w.flush(); // not closed: the commit forces and closes what it staged
            }
            outputs.commit();
        } catch (IOException e) {
            throw new UserError(e.getMessage()); // a file that cannot be written is the user's to fix, not a crash
        } finally {
            if (progress != null) {
                progress.close(); // before any message: the bar's line is cleared first
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter err = spec.commandLine().getErr();
        err.println(tally.summary(seconds));
        if (explicitMethod(compiled, options)) {
            tally.stiffnessHint().ifPresent(err::println);
        }
        err.flush();
        return tally.allSucceeded() ? ExitCode.OK : ExitCode.FAILED_INSTANCES;
    }

    /** Whether the method of the solve is explicit, so that a collapsed step suggests an implicit one. */
    private static boolean explicitMethod(CompiledSystem compiled, SolverOptions options) {
        return compiled.method(options.method()) instanceof io.github.odec.model.ExplicitRungeKutta;
    }

    /** --format where given, else the file's extension, else CSV. */
    private ResultFormat formatOf(Path file) {
        if (format != null) {
            return EnumChoice.parse("--format", format, ResultFormat.class);
        }
        return file == null ? ResultFormat.CSV : ResultFormat.ofExtension(file).orElse(ResultFormat.CSV);
    }

    /** A writer to {@code file}, or to standard output where there is none (CSV only: checked before). */
    private static TableWriter open(StreamedOutputs outputs, Path file, ResultFormat format, Table table)
            throws IOException {
        if (file == null) {
            return new CsvTableWriter(table, outputs.standardOutput());
        }
        return format.open(table, outputs.open(file));
    }

    private Solver solver() {
        return switch (backend) {
            case "cpu" -> Solver.cpu();
            case "auto" -> AutoBackend.choose(spec.commandLine().getErr());
            case "cuda" -> Solver.cuda();
            case "cuda-host" -> Solver.cudaHost();
            default -> throw new UserError("--backend must be one of " + String.join(", ", OptionValues.Backends.NAMES)
                    + ", not '" + backend + "'");
        };
    }

    /**
     * Solves one chunk, with a progress bar over the whole batch on a terminal once a CPU solve has
     * taken a second.
     */
    private Solution solve(Solver solver, SolverFactory factory, Batch chunk, SolverOptions options, long first,
                           long total) {
        if (solver != Solver.cpu() || !ProgressBar.terminalAttached() || total > Integer.MAX_VALUE) {
            return solver.solve(factory, chunk, options);
        }
        if (progress == null) {
            progress = ProgressBar.start(spec.commandLine().getErr(), (int) total, PROGRESS_DELAY_MILLIS);
        }
        ProgressBar bar = progress;
        return Solver.cpu((done, n) -> bar.instancesDone((int) first + done, (int) total)).solve(factory, chunk, options);
    }

    private List<Integer> instancesToPlot(long batchSize) {
        int size = (int) batchSize; // a plotted batch is one chunk
        if (plotInstances == null) {
            return SolutionPlot.defaultInstances(size);
        }
        for (int i : plotInstances) {
            if (i < 0 || i >= size) {
                throw new UserError("--plot-instances: instance " + i + " is not in the batch (0 to " + (size - 1) + ")");
            }
        }
        if (plotInstances.size() > SolutionPlot.MAX_INSTANCES) {
            throw new UserError("--plot-instances: at most " + SolutionPlot.MAX_INSTANCES + " instances, so their colours differ");
        }
        return plotInstances.stream().distinct().toList();
    }

    /** Checked before solving, so a typo in a folder name does not cost a solve or leave some files written. */
    private void checkOutputs() {
        Map<String, Path> named = new LinkedHashMap<>();
        if (out != null) named.put("--out", out);
        if (stats != null) named.put("--stats", stats);
        if (plot != null) named.put("--plot", plot);
        try {
            OutputFiles.checkBeforehand(named);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** One line for stderr: what happened to the batch, and how long it took. */
    static String summary(Solution s, double seconds) {
        SolveTally tally = new SolveTally();
        tally.add(s);
        return tally.summary(seconds);
    }
}
