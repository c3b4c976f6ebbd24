package io.github.odec.samples;

import io.github.odec.runtime.Status;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A parameter sweep of the SIR epidemic (sir.ode) over a grid of (beta, gamma) pairs: the peak of
 * the infected fraction I, taken as the largest of its values at evenly spaced evaluation times,
 * checked against the closed form of the peak.
 */
public final class SirSweep {

    /** Days simulated; every epidemic in the default grid has peaked well before. */
    static final double DAYS = 365;
    static final int EVAL_POINTS = 200;
    /** Solved this many at a time: the values of 10^5 instances at 200 points would take 480 MB at once. */
    static final int CHUNK = 10_000;

    /** The peak of one (beta, gamma) pair: sampled from the solve, and the closed form. */
    public record Peak(double beta, double gamma, double sampled, double analytic) {
    }

    /** Every pair's peak, in grid order (beta-major), and how many instances did not succeed. */
    public record Sweep(List<Peak> peaks, int failed) {
    }

    private SirSweep() {
    }

    /** A betaSteps x gammaSteps grid: beta in [0.15, 1.0], gamma in [0.05, 0.15] (per day). */
    public static Sweep run(int betaSteps, int gammaSteps) {
        int n = betaSteps * gammaSteps;
        double[] betas = new double[n];
        double[] gammas = new double[n];
        for (int i = 0; i < n; i++) {
            betas[i] = between(0.15, 1.0, i / gammaSteps, betaSteps);
            gammas[i] = between(0.05, 0.15, i % gammaSteps, gammaSteps);
        }
        Peak[] peaks = new Peak[n];
        int failed = 0;
        for (int from = 0; from < n; from += CHUNK) {
            int size = Math.min(CHUNK, n - from);
            SIR.Batch batch = SIR.batch(size).span(0, DAYS).evalTimesEvenlySpaced(EVAL_POINTS).rtol(1e-8).atol(1e-10);
            for (int i = 0; i < size; i++) {
                batch.beta(i, betas[from + i]).gamma(i, gammas[from + i]);
            }
            SIR.Result r = batch.solve();
            failed += size - r.count(Status.SUCCESS);
            for (int i = 0; i < size; i++) {
                double peak = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < r.evalCount(); k++) {
                    peak = Math.max(peak, r.I(i, k));
                }
                double beta = betas[from + i];
                double gamma = gammas[from + i];
                peaks[from + i] = new Peak(beta, gamma, peak, analyticPeak(beta, gamma, 0.99, 0.01));
            }
        }
        return new Sweep(List.of(peaks), failed);
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
        double[] sorted = sweep.peaks().stream().mapToDouble(Peak::sampled).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElseThrow();
        double worst = sweep.peaks().stream().mapToDouble(p -> Math.abs(p.sampled() - p.analytic())).max().orElseThrow();
        System.out.printf("SIR sweep: %d (beta, gamma) pairs, %d evaluation times over %.0f days, solved in %.2f s (%d failed)%n",
                sorted.length, EVAL_POINTS, DAYS, seconds, sweep.failed());
        System.out.printf("peak infected fraction: min %.4f, median %.4f, mean %.4f, max %.4f%n",
                sorted[0], sorted[sorted.length / 2], mean, sorted[sorted.length - 1]);
        System.out.printf("pairs with a peak above 0.3: %d; largest |sampled - closed form| peak: %.2e%n",
                IntStream.range(0, sorted.length).filter(i -> sorted[i] > 0.3).count(), worst);
        System.out.println("highest peaks:");
        sweep.peaks().stream().sorted(Comparator.comparingDouble(Peak::sampled).reversed()).limit(5)
                .forEach(p -> System.out.printf("  beta %.4f  gamma %.4f  R0 %5.2f  peak I %.4f (closed form %.4f)%n",
                        p.beta(), p.gamma(), p.beta() / p.gamma(), p.sampled(), p.analytic()));
    }
}
