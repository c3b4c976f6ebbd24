package io.github.odec.cli.bench;

/** Attempted and accepted steps per instance (mean, max) and the batch's totals of steps and f evaluations. */
record StepCounts(double attemptedMean, int attemptedMax, double acceptedMean, int acceptedMax, long attemptedTotal,
                  long fEvalsTotal) {

    static StepCounts of(int[] attempted, int[] accepted, long fEvalsTotal) {
        long a = 0;
        long c = 0;
        int aMax = 0;
        int cMax = 0;
        for (int i = 0; i < attempted.length; i++) {
            a += attempted[i];
            c += accepted[i];
            aMax = Math.max(aMax, attempted[i]);
            cMax = Math.max(cMax, accepted[i]);
        }
        int n = Math.max(1, attempted.length);
        return new StepCounts((double) a / n, aMax, (double) c / n, cMax, a, fEvalsTotal);
    }
}
