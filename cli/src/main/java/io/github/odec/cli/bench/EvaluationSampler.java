package io.github.odec.cli.bench;

import org.hipparchus.ode.ODEStateAndDerivative;
import org.hipparchus.ode.sampling.ODEStateInterpolator;
import org.hipparchus.ode.sampling.ODEStepHandler;

/**
 * Writes a Hipparchus trajectory at given evaluation times into odec's output layout
 * ({@code ys[(instance * K + k) * S + j]}), from each accepted step's dense output, and counts the
 * accepted steps. Works in either direction of integration.
 */
final class EvaluationSampler implements ODEStepHandler {

    private final double[] times;
    private final int timesFrom;
    private final int count;
    private final double[] ys;
    private final int stateCount;
    private int next;
    private int accepted;

    /** Times {@code times[timesFrom .. timesFrom + count)}, written to {@code ys} from element {@code timesFrom * stateCount}. */
    EvaluationSampler(double[] times, int timesFrom, int count, double[] ys, int stateCount) {
        this.times = times;
        this.timesFrom = timesFrom;
        this.count = count;
        this.ys = ys;
        this.stateCount = stateCount;
    }

    @Override
    public void handleStep(ODEStateInterpolator interpolator) {
        accepted++;
        double end = interpolator.getCurrentState().getTime();
        boolean forward = interpolator.isForward();
        while (next < count) {
            double t = times[timesFrom + next];
            if (forward ? t > end : t < end) {
                break;
            }
            // The interval's end is the step's own state: no interpolation error there.
            ODEStateAndDerivative s = t == end ? interpolator.getCurrentState() : interpolator.getInterpolatedState(t);
            System.arraycopy(s.getPrimaryState(), 0, ys, (timesFrom + next) * stateCount, stateCount);
            next++;
        }
    }

    /** Evaluation points at t0 come before any step (and an instance with t0 == t1 takes none). */
    @Override
    public void init(ODEStateAndDerivative initial, double finalTime) {
        while (next < count && times[timesFrom + next] == initial.getTime()) {
            System.arraycopy(initial.getPrimaryState(), 0, ys, (timesFrom + next) * stateCount, stateCount);
            next++;
        }
    }

    /** Evaluation points written so far. */
    int filled() {
        return next;
    }

    int accepted() {
        return accepted;
    }
}
