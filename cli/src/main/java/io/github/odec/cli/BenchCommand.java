package io.github.odec.cli;

import io.github.odec.cli.bench.Benchmark;
import io.github.odec.cli.bench.CpuPath;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.model.OdeModel;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.SolverOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

    @Mixin
    OdeFileArgument source;

    @Mixin
    SystemChoice system;

    @Mixin
    BatchOptions batchOptions;

    @Mixin
    StepOptions stepOptions;

    @Option(names = "--precision", paramLabel = "P", split = ",", defaultValue = "f64",
            completionCandidates = OptionValues.Precisions.class,
            description = "f64, f32, or both as f64,f32: one row each (default ${DEFAULT-VALUE}).")
    List<String> precisions = new ArrayList<>();

    @Option(names = "--threads", paramLabel = "N", description = "CPU threads: rows on 1 and on N (default: all cores).")
    Integer threads;

    @Option(names = "--compare", paramLabel = "OTHER", description = "hipparchus: also time Hipparchus's DormandPrince54, sequential and parallel.")
    String compare;

    @Option(names = "--simd", description = "Also time the SIMD path alone (instances as Vector API lanes) next to the scalar "
            + "loop and the default race of the two (which is timed whenever the Vector API is in this JVM).")
    private boolean simd;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "30", description = "Timed runs per solver; the median is quoted (default ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--warmup", paramLabel = "W", defaultValue = "100", description = "Untimed runs first, for the JIT (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--reference-tol", paramLabel = "TOL", defaultValue = "1e-12",
            description = "atol = rtol of the Hipparchus DormandPrince853 reference for the error column (default ${DEFAULT-VALUE}).")
    double referenceTolerance;

    private List<CpuPath> paths() {
        List<CpuPath> paths = new ArrayList<>(List.of(CpuPath.SCALAR));
        if (CompiledSystem.vectorApiAvailable()) {
            paths.add(CpuPath.RACED);
        }
        if (simd) {
            paths.add(CpuPath.LANES);
        }
        return paths;
    }

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
        if (simd) {
            VectorApiRequirement.check();
        }
        OdeModel model = source.load(spec.commandLine().getErr());
        OdeSystem chosen = system.of(model, source);
        CompiledSystem compiled = new CompiledSystem(model, chosen.name());
        SolverOptions options = stepOptions.resolve(model);
        List<Precision> chosenPrecisions = precisions.stream().map(p -> EnumChoice.parse("--precision", p, Precision.class))
                .distinct().toList();
        PrintWriter out = spec.commandLine().getOut();
        new Benchmark(new Benchmark.Plan(compiled, batchOptions.build(compiled.layout()), options, chosenPrecisions, threadCount,
                compare != null, runs, warmup, referenceTolerance, paths()), out).run();
        return ExitCode.OK;
    }
}
