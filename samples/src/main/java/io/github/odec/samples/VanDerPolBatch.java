package io.github.odec.samples;

import io.github.odec.runtime.Status;

/**
 * A batch of Van der Pol oscillators (vanderpol.ode), one per damping mu: after the transient every
 * instance settles on its limit cycle, whose amplitude is close to 2 for every mu (2 exactly as mu -> 0).
 */
public final class VanDerPolBatch {

    /** The amplitude is read over the second half of the span, after the transient. */
    static final double T_END = 60;
    static final int EVAL_POINTS = 1201;

    /** Per instance: mu and the largest |x| over the second half of the span. */
    public record Amplitudes(double[] mu, double[] amplitude, int failed) {
    }

    private VanDerPolBatch() {
    }

    /** n oscillators with mu evenly in [muMin, muMax], from the file's initial state (2, 0). */
    public static Amplitudes run(int n, double muMin, double muMax) {
        double[] mu = new double[n];
        VanDerPol.Batch batch = VanDerPol.batch(n).span(0, T_END).evalTimesEvenlySpaced(EVAL_POINTS).rtol(1e-8).atol(1e-10);
        for (int i = 0; i < n; i++) {
            mu[i] = n == 1 ? muMin : muMin + (muMax - muMin) * i / (n - 1);
            batch.mu(i, mu[i]);
        }
        VanDerPol.Result r = batch.solve();
        double[] amplitude = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = r.evalCount() / 2; k < r.evalCount(); k++) {
                amplitude[i] = Math.max(amplitude[i], Math.abs(r.x(i, k)));
            }
        }
        return new Amplitudes(mu, amplitude, n - r.count(Status.SUCCESS));
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        Amplitudes a = run(10_000, 0.1, 10.0);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("Van der Pol batch: %d oscillators, mu in [0.1, 10], t in [0, %.0f], solved in %.2f s (%d failed)%n",
                a.mu().length, T_END, seconds, a.failed());
        for (double wanted : new double[] {0.1, 1.0, 2.0, 5.0, 10.0}) {
            int i = nearest(a.mu(), wanted);
            System.out.printf("  mu %5.2f  limit-cycle amplitude %.4f%n", a.mu()[i], a.amplitude()[i]);
        }
    }

    private static int nearest(double[] values, double wanted) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (Math.abs(values[i] - wanted) < Math.abs(values[best] - wanted)) {
                best = i;
            }
        }
        return best;
    }
}
