package io.github.odec.cli;

import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Statistics;
import io.github.odec.runtime.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** What the chunks of one run came to: instances by status and steps, for the summary line and the exit code. */
final class SolveTally {

    /** A step this much smaller than the instance's largest accepted one has collapsed. */
    static final double COLLAPSED = 1e-6;

    private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    private long instances;
    private long steps;
    private long collapsed;

    void add(Solution s) {
        instances += s.instances();
        for (int i = 0; i < s.instances(); i++) {
            Statistics st = s.statistics(i);
            steps += st.steps();
            if (stalled(s.status(i)) && st.hMin() < COLLAPSED * st.hMax()) {
                collapsed++;
            }
        }
        s.countsByStatus().forEach((status, n) -> byStatus.merge(status, (long) n, Long::sum));
    }

    /** The failures a stiff problem gives an explicit method: it cannot step on, or its steps blow up. */
    private static boolean stalled(Status status) {
        return status == Status.REACHED_MAX_STEPS || status == Status.REACHED_DT_MIN || status == Status.INFINITE_NORM;
    }

    /**
     * For an explicit method: a line that says the problem looks stiff, when instances stopped with
     * their steps collapsed (Robertson's problem under dopri5 ends with h_min = 1e-157 against h_max =
     * 2.7e-3); empty otherwise. Lorenz stopped by --max-steps, chaotic but not stiff, keeps h_min/h_max
     * near 2e-4 and gets no hint.
     */
    Optional<String> stiffnessHint() {
        if (collapsed == 0) {
            return Optional.empty();
        }
        return Optional.of("odec: " + collapsed + (collapsed == 1 ? " instance" : " instances")
                + " stopped after their steps collapsed (h_min below 1e-6 h_max): the problem looks stiff there, where an "
                + "explicit method must take tiny steps. Try a Rosenbrock method: --method rodas5p (or rosenbrock23 at "
                + "loose tolerances); see docs/methods.md");
    }

    long count(Status status) {
        return byStatus.getOrDefault(status, 0L);
    }

    boolean allSucceeded() {
        return count(Status.SUCCESS) == instances;
    }

    /** One line for stderr: what happened to the batch, and how long it took. */
    String summary(double seconds) {
        long failed = instances - count(Status.SUCCESS);
        StringBuilder line = new StringBuilder().append(instances).append(instances == 1 ? " instance: " : " instances: ")
                .append(count(Status.SUCCESS)).append(" succeeded");
        if (failed > 0) {
            List<String> failures = new ArrayList<>();
            for (Status status : Status.values()) {
                if (status != Status.SUCCESS && count(status) > 0) {
                    failures.add(count(status) + " " + status.name());
                }
            }
            line.append(", ").append(failed).append(" failed (").append(String.join(", ", failures)).append(')');
        }
        return line.append("; ").append(steps).append(steps == 1 ? " step in " : " steps in ")
                .append(String.format(Locale.ROOT, "%.3f s", seconds)).toString();
    }
}
