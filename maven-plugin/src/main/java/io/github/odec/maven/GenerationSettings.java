package io.github.odec.maven;

import io.github.odec.runtime.InvalidInputException;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The plugin's configuration, parsed.
 *
 * @param packageName the package of every generated class; empty: each file's folder names it
 * @param method      the tableau the solver classes are generated for
 * @param systems     the systems to generate; empty: every system of every file
 */
public record GenerationSettings(Optional<String> packageName, Method method, StepControllerKind controller,
                                 Precision precision, List<String> systems) {

    public GenerationSettings {
        systems = List.copyOf(systems);
    }

    /** Parses the string parameters as the user wrote them (case does not matter). */
    public static GenerationSettings parse(String packageName, String method, String controller, String precision,
                                           List<String> systems) throws GenerationException {
        Optional<String> pkg = packageName == null || packageName.isBlank() ? Optional.empty() : Optional.of(packageName.strip());
        if (method == null || method.isBlank()) {
            throw new GenerationException("<method> is empty; name a tableau such as dopri5 (see `odec methods`)");
        }
        Method tableau;
        try {
            tableau = Method.named(method.strip());
        } catch (InvalidInputException e) {
            throw new GenerationException(e.message(argument -> "<method>") + " (see `odec methods`)");
        }
        return new GenerationSettings(pkg, tableau, constant(StepControllerKind.class, "controller", controller),
                constant(Precision.class, "precision", precision), systems == null ? List.of() : systems);
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String parameter, String value) throws GenerationException {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(wanted)) {
                return e;
            }
        }
        throw new GenerationException("<" + parameter + "> is '" + value + "'; it is one of "
                + Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", ")));
    }

    /** What the stamp hashes: every setting that changes the output. */
    String fingerprint() {
        return "package=" + packageName.orElse("") + "\nmethod=" + method + "\ncontroller=" + controller
                + "\nprecision=" + precision + "\nsystems=" + String.join(",", systems) + "\n";
    }
}
