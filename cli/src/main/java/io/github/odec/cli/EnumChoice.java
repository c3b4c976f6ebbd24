package io.github.odec.cli;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Option values that name an enum constant in lower case: {@code --controller pid}, {@code --precision f32}. */
final class EnumChoice {

    private EnumChoice() {}

    static <E extends Enum<E>> E parse(String option, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
            throw new UserError(option + " must be one of " + allowed + ", not '" + value + "'");
        }
    }
}
