package io.github.odec.runtime.spi;

import java.util.List;

/**
 * A system's names and defaults, as the runtime needs them for messages, named setters and results.
 *
 * @param stateNames    flat state component names ({@code x}, {@code u[0]}, ...)
 * @param stateDefaults default initial value per component; NaN where the .ode file gives none
 * @param paramNames    flat parameter names
 * @param paramDefaults default per parameter; NaN where the .ode file gives none
 * @param observeNames  the observes ({@code observe peak = max(I);}), in declaration order: the
 *                      elements of {@link Slot#OBSERVES}
 */
public record SystemLayout(String systemName, List<String> stateNames, List<Double> stateDefaults,
                           List<String> paramNames, List<Double> paramDefaults, List<String> observeNames) {

    /** A system without observes. */
    public SystemLayout(String systemName, List<String> stateNames, List<Double> stateDefaults,
                        List<String> paramNames, List<Double> paramDefaults) {
        this(systemName, stateNames, stateDefaults, paramNames, paramDefaults, List.of());
    }

    public SystemLayout {
        stateNames = List.copyOf(stateNames);
        stateDefaults = List.copyOf(stateDefaults);
        paramNames = List.copyOf(paramNames);
        paramDefaults = List.copyOf(paramDefaults);
        observeNames = List.copyOf(observeNames);
        if (stateNames.size() != stateDefaults.size() || paramNames.size() != paramDefaults.size()) {
            throw new IllegalArgumentException("names and defaults differ in length");
        }
    }

    public int stateCount() {
        return stateNames.size();
    }

    public int paramCount() {
        return paramNames.size();
    }

    public int observeCount() {
        return observeNames.size();
    }
}
