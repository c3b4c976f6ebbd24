package io.github.odec.runtime;

/**
 * Where a batch wants its solution reported, besides the final state that is always kept.
 * Every instance gets the same number of points, {@link #count()}.
 */
public sealed interface EvaluationTimes {

    /** Points per instance. */
    int count();

    /** No evaluation points: the final state only. */
    record FinalOnly() implements EvaluationTimes {
        @Override
        public int count() {
            return 0;
        }
    }

    /** The same times for every instance. */
    record Shared(double[] times) implements EvaluationTimes {
        public Shared {
            times = times.clone();
        }

        @Override
        public int count() {
            return times.length;
        }
    }

    /** {@code times[instance][k]}; every row the same length. */
    record PerInstance(double[][] times) implements EvaluationTimes {
        public PerInstance {
            double[][] copy = new double[times.length][];
            for (int i = 0; i < times.length; i++) {
                copy[i] = times[i].clone();
            }
            times = copy;
        }

        @Override
        public int count() {
            return times.length == 0 ? 0 : times[0].length;
        }
    }

    /** {@code points} times from each instance's t0 to its t1, both included (points >= 2). */
    record EvenlySpaced(int points) implements EvaluationTimes {
        @Override
        public int count() {
            return points;
        }

        /** The k-th point; the last is t1 exactly, not t0 plus a rounded sum. */
        static double at(double t0, double t1, int k, int points) {
            return k == points - 1 ? t1 : t0 + (t1 - t0) * ((double) k / (points - 1));
        }
    }
}
