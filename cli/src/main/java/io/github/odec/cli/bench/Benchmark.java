package io.github.odec.cli.bench;

import io.github.odec.compile.CompiledSystem;
import io.github.odec.compile.DynamicsKernel;
import io.github.odec.runtime.Batch;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;

/**
 * {@code odec bench}'s measurement: the same batch solved repeatedly in this JVM by odec's CPU backend
 * (per precision, on one thread and on {@code threads}) and optionally by Hipparchus's DP54 (sequential
 * and in parallel), each checked against a tight Hipparchus DP853 reference at the evaluation times.
 */
public final class Benchmark {

    /** What to measure; {@code options} carries method, controller and step limits (its precision and threads are overridden). */
    public record Plan(CompiledSystem system, Batch batch, SolverOptions options, List<Precision> precisions, int threads,
                       boolean compareHipparchus, int runs, int warmup, double referenceTolerance,
                       List<CpuPath> paths) {}

    private final Plan plan;
    private final PrintWriter out;

    public Benchmark(Plan plan, PrintWriter out) {
        this.plan = plan;
        this.out = out;
    }

    public void run() {
        Batch batch = plan.batch();
        int k = batch.evalCount();
        SolveBuffers in = Solver.inputBuffers(batch, plan.options());
        DynamicsKernel kernel = plan.system().dynamics();
        ForkJoinPool pool = new ForkJoinPool(plan.threads());
        try {
            header(in);
            HipparchusBatch.Result reference = new HipparchusBatch(kernel, in,
                    HipparchusBatch.Integrator.DORMAND_PRINCE_853, plan.referenceTolerance()).solve(pool);
            double[] expected = k > 0 ? reference.ys() : reference.yFinal();
            DynamicsTimer timer = timer(kernel, in, reference);

            List<Integer> threadCounts = plan.threads() == 1 ? List.of(1) : List.of(1, plan.threads());
            List<BenchRow> odec = new ArrayList<>();
            for (Precision p : plan.precisions()) {
                for (int t : threadCounts) {
                    for (CpuPath path : plan.paths()) {
                        odec.add(odecRow(p, t, expected, timer, path));
                    }
                }
            }
            List<BenchRow> hipparchus = new ArrayList<>();
            boolean compare = plan.compareHipparchus() && plan.options().controller() != StepControllerKind.FIXED;
            if (compare) {
                HipparchusBatch dp54 = new HipparchusBatch(kernel, in, HipparchusBatch.Integrator.DORMAND_PRINCE_54, Double.NaN);
                for (int t : threadCounts) {
                    hipparchus.add(hipparchusRow(dp54, t == 1 ? null : pool, t, expected, timer, in));
                }
            }
            List<BenchRow> rows = new ArrayList<>(odec);
            rows.addAll(hipparchus);
            BenchTable.print(out, rows);
            if (plan.compareHipparchus() && !compare) {
                out.println("no Hipparchus comparison: it needs an adaptive controller (Hipparchus's DP54 adapts its step)");
            }
            for (int i = 0; i < hipparchus.size(); i++) {
                BenchRow h = hipparchus.get(i);
                odec.stream().filter(o -> o.threads() == h.threads()).forEach(o -> BenchTable.ratio(out, h, o));
            }
            out.flush();
        } finally {
            pool.shutdown();
        }
    }

    private void header(SolveBuffers in) {
        SolverOptions o = plan.options();
        out.printf(Locale.ROOT, "odec bench: system %s, %d instances, %s, %s, %s controller%s, atol %s, rtol %s%n",
                plan.batch().layout().systemName(), in.instances,
                in.evalCount > 0 ? in.evalCount + " evaluation times" : "final state only", o.method(),
                o.controller().name().toLowerCase(Locale.ROOT),
                o.controller() == StepControllerKind.FIXED ? " with dt " + o.dt0() : "", range(in.reals(Slot.ATOL)), range(in.reals(Slot.RTOL)));
        out.println(Machine.describe());
        out.printf(Locale.ROOT, "runs: %d timed after %d warm-up, whole batch per run (inputs checked, buffers allocated, "
                + "solved, results returned); reference: Hipparchus DormandPrince853 at atol = rtol = %s%n",
                plan.runs(), plan.warmup(), plan.referenceTolerance());
        out.flush();
    }

    private static String range(double[] values) {
        double lo = Arrays.stream(values).min().orElse(Double.NaN);
        double hi = Arrays.stream(values).max().orElse(Double.NaN);
        return lo == hi ? Double.toString(lo) : lo + ".." + hi;
    }

    private BenchRow odecRow(Precision precision, int threads, double[] expected, DynamicsTimer timer, CpuPath path) {
        SolverFactory factory = path.factory(plan.system());
        SolverOptions options = plan.options().withPrecision(precision).withThreads(threads);
        Solver solver = Solver.cpu();
        Solution last = null;
        long[] times = new long[plan.runs()];
        for (int r = 0; r < plan.warmup() + plan.runs(); r++) {
            long start = System.nanoTime();
            last = solver.solve(factory, plan.batch(), options);
            long elapsed = System.nanoTime() - start;
            if (r >= plan.warmup()) {
                times[r - plan.warmup()] = elapsed;
            }
        }
        int n = last.instances();
        int[] attempted = new int[n];
        int[] accepted = new int[n];
        long fEvals = 0;
        for (int i = 0; i < n; i++) {
            attempted[i] = last.statistics(i).steps();
            accepted[i] = last.statistics(i).accepted();
            fEvals += last.statistics(i).fEvals();
        }
        StepCounts steps = StepCounts.of(attempted, accepted, fEvals);
        String name = "odec " + plan.options().method() + " " + precision.name().toLowerCase(Locale.ROOT)
                + path.suffix();
        return new BenchRow(name, threads, new Timings(times), steps, timer.odecNanos(precision, fEvals),
                maxError(values(last), expected));
    }

    private BenchRow hipparchusRow(HipparchusBatch dp54, ForkJoinPool pool, int threads, double[] expected,
                                   DynamicsTimer timer, SolveBuffers in) {
        HipparchusBatch.Result last = null;
        long[] times = new long[plan.runs()];
        for (int r = 0; r < plan.warmup() + plan.runs(); r++) {
            long start = System.nanoTime();
            last = dp54.solve(pool);
            long elapsed = System.nanoTime() - start;
            if (r >= plan.warmup()) {
                times[r - plan.warmup()] = elapsed;
            }
        }
        int[] attempted = new int[in.instances];
        for (int i = 0; i < in.instances; i++) {
            attempted[i] = dp54.attempted(last, i);
        }
        StepCounts steps = StepCounts.of(attempted, last.accepted(), last.totalEvaluations());
        String name = "hipparchus DP54 " + (pool == null ? "sequential" : "parallel");
        return new BenchRow(name, threads, new Timings(times), steps, timer.hipparchusNanos(last.totalEvaluations()),
                maxError(in.evalCount > 0 ? last.ys() : last.yFinal(), expected));
    }

    /** odec's values in the same flat layout as the reference's. */
    private static double[] values(Solution s) {
        int n = s.instances();
        int k = s.evalCount();
        int d = s.layout().stateCount();
        double[] out = new double[n * Math.max(k, 1) * d];
        for (int i = 0; i < n; i++) {
            if (k == 0) {
                System.arraycopy(s.finalState(i), 0, out, i * d, d);
            }
            for (int p = 0; p < k; p++) {
                for (int j = 0; j < d; j++) {
                    out[(i * k + p) * d + j] = s.value(i, p, j);
                }
            }
        }
        return out;
    }

    /** Max absolute difference; NaN where any value is NaN (a point an instance never reached). */
    static double maxError(double[] actual, double[] expected) {
        double max = 0;
        for (int m = 0; m < expected.length; m++) {
            double e = Math.abs(actual[m] - expected[m]);
            if (Double.isNaN(e)) {
                return Double.NaN;
            }
            max = Math.max(max, e);
        }
        return max;
    }

    /** Samples for timing f: the reference's states at the evaluation times, or y0 and the final state. */
    private static DynamicsTimer timer(DynamicsKernel kernel, SolveBuffers in, HipparchusBatch.Result reference) {
        int n = in.instances;
        int d = in.stateCount;
        int perInstance = in.evalCount > 0 ? in.evalCount : 2;
        double[][] states = new double[n * perInstance][];
        double[][] params = new double[n * perInstance][];
        double[] times = new double[n * perInstance];
        for (int i = 0; i < n; i++) {
            double[] p = Arrays.copyOfRange(in.reals(Slot.PARAMS), i * in.paramCount, (i + 1) * in.paramCount);
            for (int q = 0; q < perInstance; q++) {
                int m = i * perInstance + q;
                params[m] = p;
                if (in.evalCount > 0) {
                    states[m] = Arrays.copyOfRange(reference.ys(), m * d, (m + 1) * d);
                    times[m] = in.reals(Slot.EVAL_TIMES)[m];
                } else {
                    double[] source = q == 0 ? in.reals(Slot.Y0) : reference.yFinal();
                    states[m] = Arrays.copyOfRange(source, i * d, (i + 1) * d);
                    times[m] = q == 0 ? in.reals(Slot.T0)[i] : in.reals(Slot.T1)[i];
                }
            }
        }
        return new DynamicsTimer(kernel, states, params, times);
    }
}
