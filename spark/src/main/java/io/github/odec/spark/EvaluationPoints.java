package io.github.odec.spark;

import io.github.odec.runtime.Batch;
import java.io.Serializable;

/** Which evaluation times every row's instance is solved at, as a value Spark can ship. */
sealed interface EvaluationPoints extends Serializable {

    void applyTo(Batch batch);

    /** Whether results carry the {@code t} and {@code values} columns. */
    boolean any();

    record FinalOnly() implements EvaluationPoints {
        @Override
        public void applyTo(Batch batch) {
            batch.finalStateOnly();
        }

        @Override
        public boolean any() {
            return false;
        }
    }

    /** The same times for every row (each must lie inside every row's span). */
    record Shared(double[] times) implements EvaluationPoints {
        public Shared {
            times = times.clone();
        }

        @Override
        public void applyTo(Batch batch) {
            batch.evalTimes(times);
        }

        @Override
        public boolean any() {
            return times.length > 0;
        }
    }

    /** {@code points} times from each row's t0 to its t1, both included. */
    record EvenlySpaced(int points) implements EvaluationPoints {
        @Override
        public void applyTo(Batch batch) {
            batch.evalTimesEvenlySpaced(points);
        }

        @Override
        public boolean any() {
            return true;
        }
    }
}
