package io.github.odec.runtime.spi;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;
import java.util.List;

/**
 * The facts about a compiled solver that the runtime needs: names for messages and results,
 * defaults for values a user leaves out, and the method's properties.
 *
 * @param stateNames    flat state component names ({@code x}, {@code u[0]}, ...)
 * @param stateDefaults default initial value per component; NaN where the .ode file gives none
 * @param paramNames    flat parameter names
 * @param paramDefaults default per parameter; NaN where the .ode file gives none
 * @param errorOrder    k = 1 + the lower of the method's two orders (controller exponent denominator)
 * @param denseOutput   whether this solver fills evaluation times (false: final state only)
 */
public record SolverSignature(String systemName, List<String> stateNames, List<Double> stateDefaults,
                              List<String> paramNames, List<Double> paramDefaults,
                              String method, int errorOrder, StepControllerKind controller,
                              Precision precision, boolean denseOutput) {

    public SolverSignature {
        stateNames = List.copyOf(stateNames);
        stateDefaults = List.copyOf(stateDefaults);
        paramNames = List.copyOf(paramNames);
        paramDefaults = List.copyOf(paramDefaults);
    }
}
