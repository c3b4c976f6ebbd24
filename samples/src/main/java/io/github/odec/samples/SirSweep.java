package io.github.odec.samples;

import io.github.odec.runtime.Status;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A parameter sweep of the SIR epidemic (sir.ode) over a grid of (beta, gamma) pairs: the peak of
 * the infected fraction I, observed by the solver loop itself ({@code observe peakI = max(I)}, over
 * the accepted step ends), so no trajectory is stored; checked against the closed form of the peak.
 */
public final class SirSweep {

    /** Days simulated; every epidemic in the default grid has peaked well before. */
    static final double DAYS = 365;

    /** The peak of one (beta, gamma) pair: observed by the solver, when, its largest step, and the closed form. */
    public record Peak(double beta, double gamma, double observed, double tPeak, double hMax, double analytic) {
    }

    /** Every pair's peak, in grid order (beta-major), and how many instances did not succeed. */
    public record Sweep(List<Peak> peaks, int failed) {
    }

    private SirSweep() {
    }

    /** A betaSteps x gammaSteps grid: beta in [0.15, 1.0], gamma in [0.05, 0.15] (per day). */
    public static Sweep run(int betaSteps, int gammaSteps) {
        int n = betaSteps * gammaSteps;
        // Final states and observes only: a few dozen bytes per instance, so 10^5 instances fit in one batch.
        SIR.Batch batch = SIR.batch(n).span(0, DAYS).rtol(1e-8).atol(1e-10);
        for (int i = 0; i < n; i++) {
            batch.beta(i, between(0.15, 1.0, i / gammaSteps, betaSteps)).gamma(i, between(0.05, 0.15, i % gammaSteps, gammaSteps));
        }
        SIR.Result r = batch.solve();
        Peak[] peaks = new Peak[n];
        for (int i = 0; i < n; i++) {
            double beta = between(0.15, 1.0, i / gammaSteps, betaSteps);
            double gamma = between(0.05, 0.15, i % gammaSteps, gammaSteps);
            peaks[i] = new Peak(beta, gamma, r.peakI(i), r.tPeak(i), r.statistics(i).hMax(),
                    analyticPeak(beta, gamma, 0.99, 0.01));
        }
        return new Sweep(List.of(peaks), n - r.count(Status.SUCCESS));
    }

    /**
     * The largest I on the trajectory from (s0, i0, 0): while S > gamma/beta, I grows; and
     * I + S - (gamma/beta) ln S is conserved, which gives I at S = gamma/beta.
     */
    public static double analyticPeak(double beta, double gamma, double s0, double i0) {
        double threshold = gamma / beta;
        if (s0 <= threshold) {
            return i0;  // no outbreak: I only falls
        }
        return i0 + s0 - threshold - threshold * Math.log(s0 / threshold);
    }

    private static double between(double lo, double hi, int index, int steps) {
        return steps == 1 ? lo : lo + (hi - lo) * index / (steps - 1);
    }

    /** Prints summary statistics of the peaks and the pairs with the highest ones. */
    public static void main(String[] args) {
        long start = System.nanoTime();
        Sweep sweep = run(500, 200);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] sorted = sweep.peaks().stream().mapToDouble(Peak::observed).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double worst = sweep.peaks().stream().mapToDouble(p -> Math.abs(p.observed() - p.analytic())).max().orElseThrow();
        System.out.printf("SIR sweep: %d (beta, gamma) pairs over %.0f days, peaks observed by the solver, solved in %.2f s (%d failed)%n",
                sorted.length, DAYS, seconds, sweep.failed());
        System.out.printf("peak infected fraction: min %.4f, median %.4f, mean %.4f, max %.4f%n",
                sorted[0], sorted[sorted.length / 2], mean, sorted[sorted.length - 1]);
        System.out.printf("pairs with a peak above 0.3: %d; largest |observed - closed form| peak: %.2e%n",
                IntStream.range(0, sorted.length).filter(i -> sorted[i] > 0.3).count(), worst);
        System.out.println("highest peaks:");
        sweep.peaks().stream().sorted(Comparator.comparingDouble(Peak::observed).reversed()).limit(5)
                .forEach(p -> System.out.printf("  beta %.4f  gamma %.4f  R0 %5.2f  peak I %.4f on day %.1f (closed form %.4f)%n",
                        p.beta(), p.gamma(), p.beta() / p.gamma(), p.observed(), p.tPeak(), p.analytic()));
    }
}
