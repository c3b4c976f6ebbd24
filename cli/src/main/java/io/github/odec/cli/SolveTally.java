package io.github.odec.cli;

import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What the chunks of one run came to: instances by status and steps, for the summary line and the exit code. */
final class SolveTally {

    private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    private long instances;
    private long steps;

    void add(Solution s) {
        instances += s.instances();
        for (int i = 0; i < s.instances(); i++) {
            steps += s.statistics(i).steps();
        }
        s.countsByStatus().forEach((status, n) -> byStatus.merge(status, (long) n, Long::sum));
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
