package io.github.odec.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Option values that name an enum constant in lower case: {@code --controller pid}, {@code --precision f32}. */
final class EnumChoice {

    private EnumChoice() {}

    static <E extends Enum<E>> E parse(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(option + " must be one of " + String.join(", ", names(type)) + ", not '" + value + "'");
        }
    }

    /** The values {@link #parse} accepts, in declaration order: {@code integral, pi, pid, fixed}. */
    static <E extends Enum<E>> List<String> names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
    }
}
