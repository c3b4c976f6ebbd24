package io.github.odec.cli;

import io.github.odec.cli.csv.ResultWriter;
import io.github.odec.cli.output.OutputTransaction;
import io.github.odec.cli.plot.SolutionPlot;
import io.github.odec.cli.progress.ProgressBar;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.spi.SolverFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code odec solve}: compile a system for the CPU and solve a batch of it. */
@Command(name = "solve",
        mixinStandardHelpOptions = true,
        description = "Solves a batch of initial value problems of one system and writes the values as CSV.",
        footer = {"", "Examples:",
                "  odec solve samples/vanderpol.ode --batch 256 --eval 200",
                "  odec solve samples/vanderpol.ode --batch 8 --param mu=5 --t1 20 \\",
                "      --eval 400 --out vdp.csv --plot vdp.svg",
                "  odec solve samples/lorenz.ode --y0 starts.csv --t1 5 --eval 11 \\",
                "      --rtol 1e-8 --atol 1e-10 --out lorenz.csv --stats stats.csv",
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

    @Option(names = "--simd", description = "CPU backend: solve instances as Vector API lanes (same results bit for bit).")
    boolean simd;

    @Option(names = "--out", paramLabel = "OUT.csv", description = "Values: instance,t,<states>. Default: standard output.")
    Path out;

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
                    + " MiB): solve fewer instances per run (a smaller --batch, fewer --y0 rows or --eval points), "
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
        checkOutputs();
        OdeModel model = source.load(spec.commandLine().getErr());
        OdeSystem chosen = system.of(model, source);
        SolverOptions options = stepOptions.resolve(model)
                .withPrecision(precision.value());
        if (threads != null) {
            options = options.withThreads(threads);
        }
        CompiledSystem compiled = new CompiledSystem(model, chosen.name());
        Batch batch = batchOptions.build(compiled.layout());
        List<Integer> drawn = plot == null ? List.of() : instancesToPlot(batch.size());

        long started = System.nanoTime();
        Solution solution = solve(compiled, batch, options);
        double seconds = (System.nanoTime() - started) / 1e9;

        writeResults(solution, chosen.name() + ": " + options.method() + ", " + solution.instances()
                + (solution.instances() == 1 ? " instance" : " instances"), drawn);
        PrintWriter err = spec.commandLine().getErr();
        err.println(summary(solution, seconds));
        err.flush();
        return solution.allSucceeded() ? ExitCode.OK : ExitCode.FAILED_INSTANCES;
    }

    /** Values to --out or stdout, the statistics and the plot when asked for: all of them, or no file changed. */
    private void writeResults(Solution solution, String plotTitle, List<Integer> drawn) {
        OutputTransaction outputs = new OutputTransaction(spec.commandLine().getOut());
        OutputTransaction.Content values = w -> ResultWriter.writeValues(solution, w);
        if (out != null) {
            outputs.add(out, values);
        } else {
            outputs.addStandardOutput(values);
        }
        if (stats != null) {
            outputs.add(stats, w -> ResultWriter.writeStatistics(solution, w));
        }
        if (plot != null) {
            String svg = SolutionPlot.svg(solution, plotTitle, drawn);
            outputs.add(plot, w -> w.write(svg));
        }
        try {
            outputs.commit();
        } catch (IOException e) {
            throw new UserError(e.getMessage()); // a file that cannot be written is the user's to fix, not a crash
        }
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

    /** Solves, with a progress bar on a terminal once a CPU solve has taken a second. */
    private Solution solve(CompiledSystem compiled, Batch batch, SolverOptions options) {
        if (simd && !backend.equals("cpu")) {
            throw new UserError("--simd is a CPU option; use it with --backend cpu");
        }
        Solver solver = solver();
        if (simd) {
            VectorApiRequirement.check();
        }
        SolverFactory factory = simd ? compiled.simd() : compiled;
        if (solver != Solver.cpu() || !ProgressBar.terminalAttached()) {
            return solver.solve(factory, batch, options);
        }
        try (ProgressBar bar = ProgressBar.start(spec.commandLine().getErr(), batch.size(), PROGRESS_DELAY_MILLIS)) {
            return Solver.cpu(bar).solve(factory, batch, options);
        }
    }

    private List<Integer> instancesToPlot(int size) {
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
            OutputTransaction.checkBeforehand(named);
        } catch (IOException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** One line for stderr: what happened to the batch, and how long it took. */
    static String summary(Solution s, double seconds) {
        long steps = 0;
        for (int i = 0; i < s.instances(); i++) {
            steps += s.statistics(i).steps();
        }
        int failed = s.instances() - s.count(Status.SUCCESS);
        StringBuilder line = new StringBuilder().append(s.instances()).append(s.instances() == 1 ? " instance: " : " instances: ")
                .append(s.count(Status.SUCCESS)).append(" succeeded");
        if (failed > 0) {
            List<String> byStatus = new ArrayList<>();
            for (Status status : Status.values()) {
                if (status != Status.SUCCESS && s.count(status) > 0) {
                    byStatus.add(s.count(status) + " " + status.name());
                }
            }
            line.append(", ").append(failed).append(" failed (").append(String.join(", ", byStatus)).append(')');
        }
        return line.append("; ").append(steps).append(steps == 1 ? " step in " : " steps in ")
                .append(String.format(Locale.ROOT, "%.3f s", seconds)).toString();
    }
}
