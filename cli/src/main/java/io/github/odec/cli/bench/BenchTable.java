package io.github.odec.cli.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints the rows as an aligned table, then the Hipparchus/odec ratios. Columns are explained in BENCHMARKS.md. */
final class BenchTable {

    private static final String HEADER = "%-26s %7s %10s %10s %10s %10s %9s %10s %9s %12s %10s %12s %10s%n";
    private static final String ROW = "%-26s %7d %10.3f %10.3f %10.3f %10.1f %9d %10.1f %9d %12d %10.1f %12.1f %10.3e%n";

    private BenchTable() {}

    static void print(PrintWriter out, List<BenchRow> rows) {
        out.printf(Locale.ROOT, HEADER, "solver", "threads", "median_ms", "min_ms", "max_ms", "steps_mean", "steps_max",
                "accept_mean", "accept_max", "f_evals", "loop_ns", "ns/inst-step", "max_error");
        for (BenchRow r : rows) {
            StepCounts s = r.steps();
            out.printf(Locale.ROOT, ROW, r.solver(), r.threads(), r.time().median() / 1e6, r.time().min() / 1e6,
                    r.time().max() / 1e6, s.attemptedMean(), s.attemptedMax(), s.acceptedMean(), s.acceptedMax(),
                    s.fEvalsTotal(), r.loopNanosPerStep(), r.nanosPerInstanceStep(), r.maxError());
        }
    }

    /** One line per pair: how many times faster odec is than Hipparchus, in batch time and per instance-step. */
    static void ratio(PrintWriter out, BenchRow hipparchus, BenchRow odec) {
        out.printf(Locale.ROOT, "ratio %s / %s: batch time %.2fx, ns per instance-step %.2fx, loop time %.2fx%n",
                hipparchus.solver() + " (" + hipparchus.threads() + "t)", odec.solver() + " (" + odec.threads() + "t)",
                hipparchus.time().median() / odec.time().median(),
                hipparchus.nanosPerInstanceStep() / odec.nanosPerInstanceStep(),
                hipparchus.loopNanosPerStep() / odec.loopNanosPerStep());
    }
}
