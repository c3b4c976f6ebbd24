package io.github.odec.cli.bench;

import io.github.odec.compile.DynamicsKernel;
import io.github.odec.runtime.Precision;

/**
 * Times the dynamics alone, as the torchode paper does for its loop time: the compiled f is called in a
 * tight loop, on one thread, as many times as the solver evaluated it, on states taken from the solution
 * (so the arithmetic sees realistic values). Long counts are timed on a prefix and scaled.
 */
final class DynamicsTimer {

    /** Enough calls to time reliably; beyond it the time is scaled linearly. */
    private static final long MAX_TIMED_CALLS = 2_000_000;
    /** Untimed calls first, so f is compiled by C2 (inlined into the loop) before any rep is timed. */
    private static final long WARMUP_CALLS = 1_000_000;
    private static final int REPEATS = 9;

    private final DynamicsKernel kernel;
    private final double[][] states;
    private final double[][] params;
    private final double[] times;

    /** Sample points: {@code states[m]} at {@code times[m]} with {@code params[m]}. */
    DynamicsTimer(DynamicsKernel kernel, double[][] states, double[][] params, double[] times) {
        this.kernel = kernel;
        this.states = states;
        this.params = params;
        this.times = times;
    }

    /** Nanoseconds for {@code evaluations} calls of f in {@code precision}, as odec's solvers call it. */
    double odecNanos(Precision precision, long evaluations) {
        long calls = Math.min(evaluations, MAX_TIMED_CALLS);
        if (calls == 0) {
            return 0;
        }
        long[] t = new long[REPEATS];
        int warmup = warmupReps(calls);
        if (precision == Precision.F64) {
            double[] dy = new double[kernel.dimension()];
            for (int r = 0; r < warmup + REPEATS; r++) {
                long start = System.nanoTime();
                double sink = 0;
                for (long e = 0; e < calls; e++) {
                    int m = (int) (e % states.length);
                    kernel.f(times[m], states[m], params[m], dy);
                    sink += dy[0];
                }
                keep(sink);
                if (r >= warmup) {
                    t[r - warmup] = System.nanoTime() - start;
                }
            }
        } else {
            float[][] ys = narrow(states);
            float[][] ps = narrow(params);
            float[] dy = new float[kernel.dimension()];
            for (int r = 0; r < warmup + REPEATS; r++) {
                long start = System.nanoTime();
                float sink = 0;
                for (long e = 0; e < calls; e++) {
                    int m = (int) (e % ys.length);
                    kernel.f((float) times[m], ys[m], ps[m], dy);
                    sink += dy[0];
                }
                keep(sink);
                if (r >= warmup) {
                    t[r - warmup] = System.nanoTime() - start;
                }
            }
        }
        return new Timings(t).median() * ((double) evaluations / calls);
    }

    /** Nanoseconds for {@code evaluations} calls through Hipparchus's interface (a new array per call). */
    double hipparchusNanos(long evaluations) {
        long calls = Math.min(evaluations, MAX_TIMED_CALLS);
        if (calls == 0) {
            return 0;
        }
        KernelOde[] odes = new KernelOde[states.length];
        for (int m = 0; m < odes.length; m++) {
            odes[m] = new KernelOde(kernel, params[m]);
        }
        long[] t = new long[REPEATS];
        int warmup = warmupReps(calls);
        for (int r = 0; r < warmup + REPEATS; r++) {
            long start = System.nanoTime();
            double sink = 0;
            for (long e = 0; e < calls; e++) {
                int m = (int) (e % states.length);
                sink += odes[m].computeDerivatives(times[m], states[m])[0];
            }
            keep(sink);
            if (r >= warmup) {
                t[r - warmup] = System.nanoTime() - start;
            }
        }
        return new Timings(t).median() * ((double) evaluations / calls);
    }

    private static int warmupReps(long calls) {
        return (int) Math.max(3, (WARMUP_CALLS + calls - 1) / calls);
    }

    private static float[][] narrow(double[][] a) {
        float[][] out = new float[a.length][];
        for (int m = 0; m < a.length; m++) {
            out[m] = new float[a[m].length];
            for (int j = 0; j < a[m].length; j++) {
                out[m][j] = (float) a[m][j];
            }
        }
        return out;
    }

    /** A sink the JIT cannot prove unused, so the loop is not removed. */
    static volatile double blackhole;

    private static void keep(double v) {
        blackhole = v;
    }
}
