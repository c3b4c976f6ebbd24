package io.github.odec.cli.bench;

import java.util.Arrays;

/** Wall-clock times of repeated runs, in nanoseconds: median (the figure quoted), min and max. */
record Timings(long[] nanos) {

    Timings {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no runs timed");
        }
        nanos = nanos.clone();
        Arrays.sort(nanos);
    }

    double median() {
        int n = nanos.length;
        return n % 2 == 1 ? nanos[n / 2] : (nanos[n / 2 - 1] + (double) nanos[n / 2]) / 2;
    }

    long min() {
        return nanos[0];
    }

    long max() {
        return nanos[nanos.length - 1];
    }
}
