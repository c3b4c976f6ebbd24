package io.github.odec.gpu;

import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.check.Frontend;
import io.github.odec.compile.CompiledSystem;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.cpu.CpuBackend;
import io.github.odec.runtime.cuda.CudaBackend;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;

/**
 * The timed part of the GPU check: the DiffEqGPU Lorenz ensemble and torchode's Van der Pol batch on a CUDA
 * backend and, for reference, on the CPU backend, printed and written as {@link ComparisonCsv} rows beside
 * scripts/gpu/torchdiffeq_bench.py and diffrax_bench.py. GpuCheck runs it on the GPU; GpuComparisonHostTest
 * runs a small plan with the cuda-host backend, so that the logic is tested without a GPU.
 */
final class GpuComparison {

    /**
     * How much to measure. Lorenz: N = 2^10 .. 2^maxLog on the CUDA backend, up to 2^cpuMaxLog on the CPU
     * (the reference, not the subject); a size stops repeating once its runs took budgetMs.
     */
    record Plan(int maxLog, int cpuMaxLog, int lorenzRuns, int vdpWarmup, int vdpRuns, double budgetMs) {

        /** The GPU machine's plan: sized so the whole of scripts/gpu-check.sh fits in about 8 minutes. */
        static Plan device(int maxLog) {
            return new Plan(maxLog, Math.min(maxLog, 16), 3, 3, 20, 10_000);
        }
    }

    private static final int THREADS = Runtime.getRuntime().availableProcessors();

    private final CudaBackend gpu;
    /** The last solve's kernel time in ns, or a negative number when the backend has none. */
    private final LongSupplier kernelNanos;
    private final Plan plan;
    private final ComparisonCsv csv;

    GpuComparison(CudaBackend gpu, LongSupplier kernelNanos, Plan plan, ComparisonCsv csv) {
        this.gpu = gpu;
        this.kernelNanos = kernelNanos;
        this.plan = plan;
        this.csv = csv;
    }

    void lorenzEnsemble() {
        System.out.printf("== DiffEqGPU Lorenz ensemble, f32, tsit5, end state only (median ms per solve of %d, incl."
                + " transfers; kernel: launch to synchronize)%n", plan.lorenzRuns());
        CompiledSystem lorenz = new CompiledSystem(TestSystems.lorenz(), Frontend.standardTableaus());
        record Variant(String caseName, SolverSpec spec, boolean fixed) {}
        Variant[] variants = {
                new Variant("lorenz-tsit5-fixed-1e-3",
                        new SolverSpec(Method.TSIT5, StepControllerKind.FIXED, Precision.F32, false), true),
                new Variant("lorenz-tsit5-adaptive-1e-8",
                        new SolverSpec(Method.TSIT5, StepControllerKind.INTEGRAL, Precision.F32, false), false)};
        for (Variant v : variants) {
            gpu.solve(lorenz.cudaSource(v.spec()), ensemble(1024, v.fixed()));
            CpuBackend.shared().run(lorenz.solver(v.spec()), ensemble(1024, v.fixed()), THREADS);
        }
        System.out.printf("%-27s %9s %12s %10s %12s %10s%n", "case", "N", "cuda ms", "(kernel)", "cpu ms", "steps");
        for (int log = 10; log <= plan.maxLog(); log++) {
            int n = 1 << log;
            for (Variant v : variants) {
                var kernel = lorenz.cudaSource(v.spec());
                SolveBuffers b = ensemble(n, v.fixed());
                Timings cuda = Timings.measure(plan.lorenzRuns(), plan.budgetMs(), () -> {
                    gpu.solve(kernel, b);
                    return kernelNanos.getAsLong();
                });
                double steps = Arrays.stream(b.ints(Slot.STEPS)).average().orElse(0);
                long failed = Arrays.stream(b.ints(Slot.STATUS)).filter(c -> c != Status.SUCCESS.code()).count();
                String notes = String.format(Locale.ROOT, "kernel_ms=%.3f;steps=%.1f;failed=%d;runs=%d",
                        cuda.kernelMedian(), steps, failed, cuda.runs());
                csv.row("odec-cuda", v.caseName(), n, "f32", cuda, notes);
                String cpuMs = "-";
                if (log <= plan.cpuMaxLog()) {
                    var solver = lorenz.solver(v.spec());
                    SolveBuffers c = ensemble(n, v.fixed());
                    Timings cpu = Timings.measure(plan.lorenzRuns(), plan.budgetMs(), () -> {
                        CpuBackend.shared().run(solver, c, THREADS);
                        return -1;
                    });
                    csv.row("odec-cpu", v.caseName(), n, "f32", cpu,
                            String.format(Locale.ROOT, "threads=%d;runs=%d", THREADS, cpu.runs()));
                    cpuMs = String.format(Locale.ROOT, "%.2f", cpu.median());
                }
                System.out.printf(Locale.ROOT, "%-27s %9d %12.2f %10.2f %12s %10.1f%s%n", v.caseName(), n,
                        cuda.median(), cuda.kernelMedian(), cpuMs, steps,
                        failed == 0 ? "" : "  (" + failed + " instances failed)");
            }
        }
    }

    /**
     * torchode's Van der Pol batch on both backends, f64 and f32. Passes when every instance succeeds on both
     * and the outputs agree to 1e-9 (f64) or 1e-3 (f32) of max(|y|, 1), the bounds of
     * the agreement part (rounding-level separation through pow, see docs/backends.md). Step counts may differ in
     * f32, where an accept/reject decision can flip; the count of such instances is reported.
     */
    boolean vanDerPolBatch() {
        System.out.printf("== torchode Van der Pol batch: 256 instances, one limit cycle, 200 evaluation times, dopri5,"
                + " integral, atol = rtol = 1e-5 (median ms of %d solves after %d warm-up)%n",
                plan.vdpRuns(), plan.vdpWarmup());
        double[][] y0 = TorchodeVanDerPol.initialStates(TorchodeVanDerPol.INSTANCES);
        CompiledSystem vdp = new CompiledSystem(TestSystems.vanDerPol(), Frontend.standardTableaus());
        boolean ok = true;
        for (Precision p : new Precision[] {Precision.F64, Precision.F32}) {
            SolverSpec spec = new SolverSpec(Method.DOPRI5, StepControllerKind.INTEGRAL, p, true);
            var kernel = vdp.cudaSource(spec);
            var solver = vdp.solver(spec);
            SolveBuffers dev = TorchodeVanDerPol.batch(y0);
            SolveBuffers cpu = TorchodeVanDerPol.batch(y0);
            for (int w = 0; w < plan.vdpWarmup(); w++) {
                gpu.solve(kernel, dev);
                CpuBackend.shared().run(solver, cpu, THREADS);
            }
            Timings cudaTimes = Timings.measure(plan.vdpRuns(), plan.budgetMs(), () -> {
                gpu.solve(kernel, dev);
                return kernelNanos.getAsLong();
            });
            Timings cpuTimes = Timings.measure(plan.vdpRuns(), plan.budgetMs(), () -> {
                CpuBackend.shared().run(solver, cpu, THREADS);
                return -1;
            });
            double worst = 0;
            for (double[][] pair : new double[][][] {{cpu.reals(Slot.YS), dev.reals(Slot.YS)}, {cpu.reals(Slot.Y_FINAL), dev.reals(Slot.Y_FINAL)}}) {
                for (int k = 0; k < pair[0].length; k++) {
                    worst = Math.max(worst, Math.abs(pair[0][k] - pair[1][k]) / Math.max(1, Math.abs(pair[0][k])));
                }
            }
            boolean allSucceeded = Arrays.stream(dev.ints(Slot.STATUS)).allMatch(c -> c == Status.SUCCESS.code())
                    && Arrays.stream(cpu.ints(Slot.STATUS)).allMatch(c -> c == Status.SUCCESS.code());
            double steps = Arrays.stream(dev.ints(Slot.STEPS)).average().orElse(0);
            double cpuSteps = Arrays.stream(cpu.ints(Slot.STEPS)).average().orElse(0);
            int maxSteps = Arrays.stream(dev.ints(Slot.STEPS)).max().orElse(0);
            long stepsDiffer = IntStream.range(0, dev.instances).filter(i -> dev.ints(Slot.STEPS)[i] != cpu.ints(Slot.STEPS)[i]).count();
            boolean pass = allSucceeded && worst <= (p == Precision.F64 ? 1e-9 : 1e-3);
            ok &= pass;
            String precision = p == Precision.F64 ? "f64" : "f32";
            csv.row("odec-cuda", "vdp-dopri5-1e-5", y0.length, precision, cudaTimes, String.format(Locale.ROOT,
                    "kernel_ms=%.3f;steps=%.1f;max_steps=%d;max_diff_vs_cpu=%.3g;steps_differ=%d;runs=%d",
                    cudaTimes.kernelMedian(), steps, maxSteps, worst, stepsDiffer, cudaTimes.runs()));
            csv.row("odec-cpu", "vdp-dopri5-1e-5", y0.length, precision, cpuTimes,
                    String.format(Locale.ROOT, "steps=%.1f;threads=%d;runs=%d", cpuSteps, THREADS, cpuTimes.runs()));
            System.out.printf(Locale.ROOT, "%-4s %s: cuda %.3f ms (kernel %.3f, min %.3f), cpu %.3f ms (%d threads);"
                            + " steps per instance %.1f (max %d; cpu %.1f, %d instances differ); max scaled difference"
                            + " to cpu %.3g%s%n",
                    pass ? "ok" : "FAIL", precision, cudaTimes.median(), cudaTimes.kernelMedian(), cudaTimes.min(),
                    cpuTimes.median(), THREADS, steps, maxSteps, cpuSteps, stepsDiffer, worst,
                    allSucceeded ? "" : ", FAILED INSTANCES");
        }
        return ok;
    }

    private static SolveBuffers ensemble(int n, boolean fixed) {
        SolveBuffers b = TestBatch.create(n, 3, 3, 0);
        for (int i = 0; i < n; i++) {
            double rho = n == 1 ? 0 : 21.0 * i / (n - 1);
            TestBatch.set(b, i, new double[] {1, 0, 0}, 0.0, 1.0, 10.0, rho, 8.0 / 3.0);
            b.reals(Slot.DT0)[i] = fixed ? 0.001 : 0.0;
            b.reals(Slot.ATOL)[i] = 1e-8;
            b.reals(Slot.RTOL)[i] = 1e-8;
            b.ints(Slot.MAX_STEPS)[i] = 1_000_000;
        }
        return b;
    }
}
