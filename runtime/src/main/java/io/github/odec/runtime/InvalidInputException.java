package io.github.odec.runtime;

import java.util.List;
import java.util.function.Function;

/**
 * A batch or options that cannot be solved. The message names every offending argument and, where
 * the value belongs to one instance, that instance; {@link #problems()} holds them one by one, and
 * {@link #inputProblems()} as data, so a front end can name the arguments its own way
 * ({@link #message(Function)}).
 */
public final class InvalidInputException extends IllegalArgumentException {

    private final List<InputProblem> problems;
    private final int total;

    public InvalidInputException(String problem) {
        this(InputProblem.plain(problem));
    }

    public InvalidInputException(InputProblem problem) {
        this(List.of(problem), 1);
    }

    InvalidInputException(List<InputProblem> problems, int total) {
        super(render(problems, total, InputArgument::apiName));
        this.problems = List.copyOf(problems);
        this.total = total;
    }

    /** The problems found, each naming its argument (and instance); the first {@value ProblemList#MAX_LISTED} at most. */
    public List<String> problems() {
        return problems.stream().map(InputProblem::message).toList();
    }

    /** The same problems as data: message templates and the arguments they name. */
    public List<InputProblem> inputProblems() {
        return problems;
    }

    /** The message as {@link #getMessage()} writes it, with each argument named by {@code names}. */
    public String message(Function<InputArgument, String> names) {
        return render(problems, total, names);
    }

    private static String render(List<InputProblem> problems, int total, Function<InputArgument, String> names) {
        if (problems.size() == 1 && total == 1) {
            return problems.getFirst().render(names);
        }
        StringBuilder text = new StringBuilder(total + " invalid inputs:");
        for (InputProblem p : problems) {
            text.append("\n  ").append(p.render(names));
        }
        if (total > problems.size()) {
            text.append("\n  ... and ").append(total - problems.size()).append(" more");
        }
        return text.toString();
    }
}
