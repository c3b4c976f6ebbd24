package io.github.odec.runtime;

/**
 * What one instance's solve cost and how its steps went. Step sizes are magnitudes; the three step
 * sizes are NaN when no step was accepted (t0 = t1, or a failure before the first acceptance).
 *
 * @param fEvals      evaluations of the right-hand side
 * @param steps       steps attempted (accepted and rejected)
 * @param accepted    steps accepted
 * @param rejected    steps the controller rejected (0 with a fixed step)
 * @param initialized evaluation points filled
 * @param hLast       the last accepted step
 * @param hMin        the smallest accepted step (the final step, shortened to land on t1, included)
 * @param hMax        the largest accepted step
 * @param tStop       where the instance stopped: t1 on success, the last accepted t on a failure
 */
public record Statistics(int fEvals, int steps, int accepted, int rejected, int initialized, double hLast,
                         double hMin, double hMax, double tStop) {}
