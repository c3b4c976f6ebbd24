package io.github.odec.runtime;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The integration method, by the name of its tableau: one of the standard library's (the constants)
 * or one an .ode file declares ({@link #named(String)}). Only the syntax is checked here; which
 * tableaus exist is the compiler's to say, when it builds the solver (an unknown name is rejected
 * there, listing the known ones).
 *
 * @param name the tableau's name in the language: letters, digits and {@code _}, not starting with a digit
 */
public record Method(String name) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Explicit Euler, order 1, fixed step only. */
    public static final Method EULER = new Method("euler");
    /** Explicit midpoint, order 2, fixed step only. */
    public static final Method MIDPOINT = new Method("midpoint");
    /** Heun with an Euler error estimate, order 2(1). */
    public static final Method HEUN = new Method("heun");
    /** The classical Runge-Kutta method, order 4, fixed step only. */
    public static final Method RK4 = new Method("rk4");
    /** Bogacki-Shampine, order 3(2). */
    public static final Method BOSH3 = new Method("bosh3");
    /** Dormand-Prince, order 5(4), with dense output: the default. */
    public static final Method DOPRI5 = new Method("dopri5");
    /** Tsitouras, order 5(4), with dense output. */
    public static final Method TSIT5 = new Method("tsit5");

    public Method {
        Objects.requireNonNull(name, "method");
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new InvalidInputException(InputProblem.of(
                    "{0} must be a tableau name (letters, digits and _, not starting with a digit), got '" + name + "'",
                    InputArgument.METHOD));
        }
    }

    /**
     * The method of the tableau called {@code name}, standard or declared in the .ode file.
     *
     * @throws InvalidInputException when {@code name} is not a tableau name at all
     */
    public static Method named(String name) {
        return new Method(name);
    }

    /** The standard library's methods, in the order {@code odec methods} lists them. */
    public static List<Method> standard() {
        return List.of(EULER, MIDPOINT, RK4, HEUN, BOSH3, DOPRI5, TSIT5);
    }

    @Override
    public String toString() {
        return name;
    }
}
