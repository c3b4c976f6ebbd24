package io.github.odec.runtime;

/**
 * Where a batch wants its solution reported, besides the final state that is always kept.
 * The solver's buffers hold {@link #count()} points for every instance; an instance with fewer
 * times of its own ({@link #count(int)}) has its row padded with its last time (or its t1), which
 * the solver fills like any repeated time and the {@link Solution} hides. Arrays are copied in and
 * out, so a caller's later change to its array does not change a batch.
 */
public sealed interface EvaluationTimes {

    /** Points per instance in the buffers: the largest count of any instance. */
    int count();

    /** The points this instance asked for; {@link #count()} unless the rows differ in length. */
    default int count(int instance) {
        return count();
    }

    /** The k-th time of an instance whose span is [t0, t1]. */
    double time(int instance, int k, double t0, double t1);

    /** No evaluation points: the final state only. */
    record FinalOnly() implements EvaluationTimes {
        @Override
        public int count() {
            return 0;
        }

        @Override
        public double time(int instance, int k, double t0, double t1) {
            throw new IndexOutOfBoundsException("no evaluation times");
        }
    }

    /** The same times for every instance. */
    record Shared(double[] times) implements EvaluationTimes {
        public Shared {
            times = times.clone();
        }

        @Override
        public double[] times() {
            return times.clone();
        }

        @Override
        public int count() {
            return times.length;
        }

        @Override
        public double time(int instance, int k, double t0, double t1) {
            return times[k];
        }
    }

    /** {@code times[instance][k]}; rows may differ in length (an empty row: the final state only). */
    record PerInstance(double[][] times) implements EvaluationTimes {
        public PerInstance {
            times = deepCopy(times);
        }

        @Override
        public double[][] times() {
            return deepCopy(times);
        }

        @Override
        public int count() {
            int most = 0;
            for (double[] row : times) {
                most = Math.max(most, row.length);
            }
            return most;
        }

        @Override
        public int count(int instance) {
            return times[instance].length;
        }

        /** Past the instance's own times: its last one again (t1 for an empty row), a point already filled. */
        @Override
        public double time(int instance, int k, double t0, double t1) {
            double[] row = times[instance];
            return k < row.length ? row[k] : row.length == 0 ? t1 : row[row.length - 1];
        }

        private static double[][] deepCopy(double[][] rows) {
            double[][] copy = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                copy[i] = rows[i].clone();
            }
            return copy;
        }
    }

    /** {@code points} times from each instance's t0 to its t1, both included (points >= 2). */
    record EvenlySpaced(int points) implements EvaluationTimes {
        @Override
        public int count() {
            return points;
        }

        /** The last point is t1 exactly, not t0 plus a rounded difference. */
        @Override
        public double time(int instance, int k, double t0, double t1) {
            return k == points - 1 ? t1 : t0 + (t1 - t0) * ((double) k / (points - 1));
        }
    }
}
