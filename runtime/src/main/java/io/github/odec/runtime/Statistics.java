package io.github.odec.runtime;

/**
 * What one instance's solve cost.
 *
 * @param fEvals      evaluations of the right-hand side
 * @param steps       steps attempted (accepted and rejected)
 * @param accepted    steps accepted
 * @param initialized evaluation points filled
 */
public record Statistics(int fEvals, int steps, int accepted, int initialized) {

    public int rejected() {
        return steps - accepted;
    }
}
