package io.github.odec.cli.csv;

import io.github.odec.runtime.ProblemList;
import java.util.List;

/**
 * A CSV input the user must fix. Each problem starts with {@code file:line:} (or {@code file:}
 * for whole-file problems), like a compiler message, so editors can jump to it.
 */
public final class CsvInputException extends IllegalArgumentException {

    private final List<String> problems;

    CsvInputException(String problem) {
        this(List.of(problem), 1);
    }

    CsvInputException(List<String> problems, int total) {
        super(render(problems, total));
        this.problems = List.copyOf(problems);
    }

    /** Collects the problems of one read, so that all of them are reported at once. */
    static ProblemList<CsvInputException> collector() {
        return new ProblemList<>(CsvInputException::new);
    }

    public List<String> problems() {
        return problems;
    }

    private static String render(List<String> problems, int total) {
        StringBuilder text = new StringBuilder(String.join("\n", problems));
        if (total > problems.size()) {
            text.append("\n... and ").append(total - problems.size()).append(" more");
        }
        return text.toString();
    }
}
