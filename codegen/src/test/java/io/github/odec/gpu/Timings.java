package io.github.odec.gpu;

import java.util.Arrays;
import java.util.function.LongSupplier;

/**
 * Wall-clock times of repeated solves, in ms, and the kernel's own time where the backend reports one (NaN for
 * the CPU). The caller warms up first (compile, class loading); these are the measured runs only.
 */
record Timings(double[] wallMs, double[] kernelMs) {

    /**
     * Runs {@code solve} up to {@code runs} times, stopping early once the runs so far took {@code budgetMs}
     * (always at least one run), so that one slow case cannot eat the device time of the whole check.
     * {@code solve} returns the kernel's nanoseconds, or a negative number when it has none.
     */
    static Timings measure(int runs, double budgetMs, LongSupplier solve) {
        double[] wall = new double[runs];
        double[] kernel = new double[runs];
        double spent = 0;
        int done = 0;
        while (done < runs && (done == 0 || spent < budgetMs)) {
            long t0 = System.nanoTime();
            long k = solve.getAsLong();
            wall[done] = (System.nanoTime() - t0) / 1e6;
            kernel[done] = k < 0 ? Double.NaN : k / 1e6;
            spent += wall[done];
            done++;
        }
        return new Timings(Arrays.copyOf(wall, done), Arrays.copyOf(kernel, done));
    }

    int runs() {
        return wallMs.length;
    }

    double median() {
        return median(wallMs);
    }

    double min() {
        return Arrays.stream(wallMs).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(wallMs).max().orElse(Double.NaN);
    }

    double kernelMedian() {
        return median(kernelMs);
    }

    /** The median (the mean of the middle two for an even count). */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
