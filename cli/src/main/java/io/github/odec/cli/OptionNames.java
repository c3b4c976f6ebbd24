package io.github.odec.cli;

import io.github.odec.runtime.InputArgument;
import io.github.odec.runtime.InvalidInputException;
import java.util.function.Function;

/**
 * The command line's names for the API's arguments, so that a runtime check says {@code --max-steps}
 * where the API says {@code maxSteps}: the runtime's problems carry the argument, not just text.
 */
final class OptionNames {

    private OptionNames() {}

    static String of(InputArgument argument) {
        return switch (argument) {
            case Y0 -> "state";
            case PARAM -> "--param";
            case SPAN -> "--t0/--t1";
            case T0 -> "--t0";
            case T1 -> "--t1";
            case EVAL_TIMES -> "--eval-times";
            case ATOL -> "--atol";
            case RTOL -> "--rtol";
            case METHOD -> "--method";
            case CONTROLLER -> "--controller";
            case CONTROLLER_COEFFICIENTS -> "the controller's coefficients";
            case DT0 -> "--dt0";
            case DT_MIN -> "--dt-min";
            case DT_MAX -> "--dt-max";
            case MAX_STEPS -> "--max-steps";
            case THREADS -> "--threads";
        };
    }

    /** The exception's message with these names, where {@code evalTimes} names the option that gave the times. */
    static String message(InvalidInputException e, String evalTimes) {
        Function<InputArgument, String> names = a -> a == InputArgument.EVAL_TIMES ? evalTimes : of(a);
        return e.message(names);
    }

    static String message(InvalidInputException e) {
        return e.message(OptionNames::of);
    }
}
