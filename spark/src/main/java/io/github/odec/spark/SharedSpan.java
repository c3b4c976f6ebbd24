package io.github.odec.spark;

import io.github.odec.runtime.Batch;
import java.io.Serializable;

/** The span of rows whose {@code t0} or {@code t1} column is absent or null. */
sealed interface SharedSpan extends Serializable {

    void applyTo(Batch batch);

    /** No shared span: every row must give {@code t0} and {@code t1}. */
    record None() implements SharedSpan {
        @Override
        public void applyTo(Batch batch) {}
    }

    record Given(double t0, double t1) implements SharedSpan {
        @Override
        public void applyTo(Batch batch) {
            batch.span(t0, t1);
        }
    }
}
