package io.github.odec.cli;

import io.github.odec.check.CheckResult;
import io.github.odec.check.Frontend;
import io.github.odec.check.MethodLookup;
import io.github.odec.cli.bench.Benchmark;
import io.github.odec.cli.csv.BatchColumns;
import io.github.odec.cli.csv.InputTable;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.model.Tableau;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code odec bench}: solve one batch repeatedly in this JVM and print timings, steps and errors (BENCHMARKS.md). */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Times repeated solves of one batch on the CPU, optionally against Hipparchus's DormandPrince54.",
        footer = {"", "Example (the torchode Van der Pol batch, see bench/README.md):",
                "  odec bench samples/vanderpol.ode --y0 bench/vdp-torchode-y0.csv \\",
                "      --t1 7.629874479674498 --eval 200 --atol 1e-5 --rtol 1e-5 \\",
                "      --precision f64,f32 --threads 2 --compare hipparchus", ""})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.ode", description = "The .ode file.")
    Path file;

    @Option(names = "--system", paramLabel = "NAME", description = "The system to solve (default: the file's only system).")
    String system;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Instances instances;

    static final class Instances {
        @Option(names = "--y0", paramLabel = "INPUT.csv", required = true,
                description = "One instance per row: initial states, parameters, t0, t1, atol, rtol (as odec solve).")
        Path csv;

        @Option(names = "--batch", paramLabel = "N", required = true, description = "N instances from the defaults.")
        Integer count;
    }

    @Option(names = "--t0", paramLabel = "T0", defaultValue = "0", description = "Start time (default ${DEFAULT-VALUE}).")
    double t0;

    @Option(names = "--t1", paramLabel = "T1", defaultValue = "10", description = "End time (default ${DEFAULT-VALUE}).")
    double t1;

    @Option(names = "--eval", paramLabel = "K", description = "K evenly spaced evaluation times; without it, the final state only.")
    Integer eval;

    @Option(names = "--method", paramLabel = "M", defaultValue = SolverOptions.DEFAULT_METHOD, description = "Tableau (default ${DEFAULT-VALUE}).")
    String method;

    @Option(names = "--controller", paramLabel = "C", defaultValue = "integral", description = "integral, pi, pid or fixed (default ${DEFAULT-VALUE}).")
    String controller;

    @Option(names = "--dt0", paramLabel = "DT", description = "Initial step (fixed: the step).")
    Double dt0;

    @Option(names = "--dt-min", paramLabel = "DT", description = "Smallest adaptive step.")
    Double dtMin;

    @Option(names = "--dt-max", paramLabel = "DT", description = "Largest step.")
    Double dtMax;

    @Option(names = "--rtol", paramLabel = "R", description = "Relative tolerance (default 1e-3).")
    Double rtol;

    @Option(names = "--atol", paramLabel = "A", description = "Absolute tolerance (default 1e-6).")
    Double atol;

    @Option(names = "--max-steps", paramLabel = "N", description = "Attempted steps per instance (default 100000).")
    Integer maxSteps;

    @Option(names = "--precision", paramLabel = "P", split = ",", defaultValue = "f64",
            description = "f64, f32, or both as f64,f32: one row each (default ${DEFAULT-VALUE}).")
    List<String> precisions = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value for every instance (repeatable).")
    Map<String, Double> params = new LinkedHashMap<>();

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads: rows on 1 and on N (default: all cores).")
    Integer threads;

    @Option(names = "--compare", paramLabel = "OTHER", description = "hipparchus: also time Hipparchus's DormandPrince54, sequential and parallel.")
    String compare;

    @Option(names = "--simd", description = "Also time the SIMD path (instances as Vector API lanes) next to the scalar one.")
    private boolean simd;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "30", description = "Timed runs per solver; the median is quoted (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "100", description = "Untimed runs first, for the JIT (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--reference-tol", paramLabel = "TOL", defaultValue = "1e-12",
            description = "atol = rtol of the Hipparchus DormandPrince853 reference for the error column (default ${DEFAULT-VALUE}).")
    double referenceTolerance;

    @Override
    public Integer call() throws IOException {
        if (runs < 1 || warmup < 0) {
            throw new UserError("--runs must be at least 1 and --warmup at least 0");
        }
        if (compare != null && !compare.equalsIgnoreCase("hipparchus")) {
            throw new UserError("--compare knows only 'hipparchus', not '" + compare + "'");
        }
        if (!(referenceTolerance > 0)) {
            throw new UserError("--reference-tol must be > 0");
        }
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) {
            throw new UserError("--threads must be at least 1, not " + threadCount);
        }
        if (simd && !CompiledSystem.vectorApiAvailable()) {
            throw new UserError("--simd needs the Vector API: run Java with --add-modules jdk.incubator.vector "
                    + "(the ./odec launcher does)");
        }
        OdeModel model = load();
        OdeSystem chosen = chooseSystem(model);
        CompiledSystem compiled = new CompiledSystem(model, chosen.name());
        SolverOptions options = options();
        Tableau tableau = MethodLookup.find(model, options.method());
        if (options.controller() != StepControllerKind.FIXED && !tableau.adaptive()) {
            throw new UserError("method '" + tableau.name() + "' has no embedded error estimate; use --controller fixed with --dt0");
        }
        List<Precision> chosenPrecisions = precisions.stream().map(p -> choice("--precision", p.strip(), Precision.class))
                .distinct().toList();
        PrintWriter out = spec.commandLine().getOut();
        new Benchmark(new Benchmark.Plan(compiled, batch(compiled), options, chosenPrecisions, threadCount, compare != null,
                runs, warmup, referenceTolerance, simd), out).run();
        return ExitCode.OK;
    }

    private OdeModel load() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new UserError("cannot read " + file + ": no such file");
        }
        CheckResult result = Frontend.checkFile(file);
        if (result.model().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            err.print(result.render());
            err.flush();
            throw new UserError(file + ": " + result.errorCount() + (result.errorCount() == 1 ? " error" : " errors"));
        }
        return result.model().get();
    }

    private OdeSystem chooseSystem(OdeModel model) {
        String names = model.systems().stream().map(OdeSystem::name).collect(Collectors.joining(", "));
        if (system != null) {
            return model.system(system).orElseThrow(() -> new UserError("no system '" + system + "' in " + file + "; it defines: " + names));
        }
        if (model.systems().size() != 1) {
            throw new UserError(file + " defines " + (model.systems().isEmpty() ? "no system" : "several systems: " + names + "; choose one with --system"));
        }
        return model.systems().getFirst();
    }

    private SolverOptions options() {
        SolverOptions o = SolverOptions.defaults().withMethod(method)
                .withController(choice("--controller", controller, StepControllerKind.class));
        if (dt0 != null) o = o.withDt0(dt0);
        if (dtMin != null) o = o.withDtMin(dtMin);
        if (dtMax != null) o = o.withDtMax(dtMax);
        if (maxSteps != null) o = o.withMaxSteps(maxSteps);
        return o;
    }

    private Batch batch(CompiledSystem compiled) throws IOException {
        InputTable table = instances.csv == null ? null : readTable(instances.csv);
        int n = table != null ? table.rowCount() : instances.count;
        if (n < 1) {
            throw new UserError("--batch must be at least 1, not " + n);
        }
        Batch batch = new Batch(compiled.layout(), n).span(t0, t1);
        params.forEach(batch::param);
        if (rtol != null) batch.rtol(rtol);
        if (atol != null) batch.atol(atol);
        if (table != null) BatchColumns.fill(table, batch);
        if (eval != null) {
            if (eval < 1) {
                throw new UserError("--eval must be at least 1, not " + eval);
            }
            batch.evalTimesEvenlySpaced(eval);
        }
        return batch;
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

    private static <E extends Enum<E>> E choice(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new UserError(option + " must be one of " + allowed + ", not '" + value + "'");
        }
    }
}
