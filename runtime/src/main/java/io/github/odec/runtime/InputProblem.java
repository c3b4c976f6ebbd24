package io.github.odec.runtime;

import java.util.List;
import java.util.function.Function;

/**
 * One invalid input: a message whose {@code {0}}, {@code {1}}, ... stand for the arguments it is
 * about, so that each front end shows its own names for them ({@link #render(Function)}).
 *
 * @param template  the message, with {@code {i}} where {@code arguments.get(i)} is named
 * @param arguments what the message is about, in placeholder order; empty for a message without names
 */
public record InputProblem(String template, List<InputArgument> arguments) {

    public InputProblem {
        arguments = List.copyOf(arguments);
    }

    public static InputProblem of(String template, InputArgument... arguments) {
        return new InputProblem(template, List.of(arguments));
    }

    /** A message that names no argument (or names it in its text, as older messages do). */
    public static InputProblem plain(String message) {
        return new InputProblem(message, List.of());
    }

    /** The message with each argument named by {@code names}. */
    public String render(Function<InputArgument, String> names) {
        if (arguments.isEmpty()) {
            return template;
        }
        String text = template;
        for (int i = 0; i < arguments.size(); i++) {
            text = text.replace("{" + i + "}", names.apply(arguments.get(i)));
        }
        return text;
    }

    /** The message with the API's names ({@code maxSteps}, {@code dtMin}). */
    public String message() {
        return render(InputArgument::apiName);
    }
}
