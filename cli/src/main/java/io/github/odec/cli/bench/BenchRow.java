package io.github.odec.cli.bench;

/**
 * One solver's figures.
 *
 * @param dynamicsNanos time the batch's f evaluations take alone, on one thread (see {@link DynamicsTimer})
 * @param maxError      max |y - y_ref| over instances, evaluation points and components
 */
record BenchRow(String solver, int threads, Timings time, StepCounts steps, double dynamicsNanos, double maxError) {

    /** Core time per attempted instance-step: wall time times threads, over all steps of the batch. */
    double nanosPerInstanceStep() {
        return time.median() * threads / steps.attemptedTotal();
    }

    /** The torchode paper's loop time per step: core time minus the dynamics' time, per attempted step. */
    double loopNanosPerStep() {
        return (time.median() * threads - dynamicsNanos) / steps.attemptedTotal();
    }
}
