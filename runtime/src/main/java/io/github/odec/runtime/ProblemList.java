package io.github.odec.runtime;

import java.util.ArrayList;
import java.util.List;

/** Collects input problems so that one solve reports all of them at once, not the first only. */
final class ProblemList {
    private final List<String> listed = new ArrayList<>();
    private int total;

    void add(String problem) {
        total++;
        if (listed.size() < InvalidInputException.MAX_LISTED) {
            listed.add(problem);
        }
    }

    void throwIfAny() {
        if (total > 0) {
            throw new InvalidInputException(listed, total);
        }
    }
}
