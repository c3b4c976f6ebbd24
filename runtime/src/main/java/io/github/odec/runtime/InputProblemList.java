package io.github.odec.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the runtime's own input problems, like {@link ProblemList} does for text: all of them
 * are counted, the first {@value ProblemList#MAX_LISTED} kept.
 */
final class InputProblemList {

    private final List<InputProblem> listed = new ArrayList<>();
    private int total;

    void add(String template, InputArgument... arguments) {
        total++;
        if (listed.size() < ProblemList.MAX_LISTED) {
            listed.add(InputProblem.of(template, arguments));
        }
    }

    void throwIfAny() {
        if (total > 0) {
            throw new InvalidInputException(List.copyOf(listed), total);
        }
    }
}
