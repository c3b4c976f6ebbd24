package io.github.odec.runtime;

import java.util.List;

/**
 * A batch or options that cannot be solved. The message names every offending argument and, where
 * the value belongs to one instance, that instance; {@link #problems()} holds them one by one.
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidInputException(String problem) {
        this(List.of(problem), 1);
    }

    InvalidInputException(List<String> problems, int total) {
        super(render(problems, total));
        this.problems = List.copyOf(problems);
    }

    /** The problems found, each naming its argument (and instance); the first {@value ProblemList#MAX_LISTED} at most. */
    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems, int total) {
        if (problems.size() == 1 && total == 1) {
            return problems.getFirst();
        }
        StringBuilder text = new StringBuilder(total + " invalid inputs:");
        for (String p : problems) {
            text.append("\n  ").append(p);
        }
        if (total > problems.size()) {
            text.append("\n  ... and ").append(total - problems.size()).append(" more");
        }
        return text.toString();
    }
}
