package io.github.odec.emit.bindings;

import io.github.odec.model.Component;
import io.github.odec.model.OdeSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java names of one system's bindings: the class name and one accessor name per state and
 * parameter, free of keywords and of the members the bindings declare themselves (see
 * {@link JavaNames}). States are named first, then parameters, each in declaration order, so the
 * result does not depend on anything but the .ode file.
 */
record BindingNames(String className, List<Named> states, List<Named> params) {

    /** A component and its Java name; states also get {@code final<Name>} accessors. */
    record Named(Component component, String javaName) {
        String finalAccessor() {
            return "final" + JavaNames.capitalize(javaName);
        }
    }

    /** The nested types: a system called Batch or Result would clash with them. */
    static final Set<String> NESTED_TYPES = Set.of("Batch", "Result", "Factory");

    /**
     * Members of the generated Batch and Result classes and of Object. States and parameters share
     * the Batch's namespace, so one set serves both (an overload would compile but mislead:
     * a state named span would turn {@code span(0, 10)} into a setter call).
     */
    static final Set<String> MEMBERS = Set.of(
            // Batch
            "size", "untyped", "span", "t0", "t1", "evalTimes", "evalTimesEvenlySpaced", "finalStateOnly",
            "atol", "rtol", "solve",
            // Result
            "instances", "evalCount", "time", "finalTime", "status", "statistics", "allSucceeded", "count",
            // Object
            "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone", "finalize");

    static BindingNames of(OdeSystem system) {
        String className = JavaNames.identifier(system.name(), NESTED_TYPES);
        Set<String> taken = new HashSet<>(MEMBERS);
        List<Named> states = new ArrayList<>();
        for (Component c : system.states()) {
            String name = c.name();
            // A state's final accessor must be free too: states x and X would both want finalX.
            while (taken.contains("final" + JavaNames.capitalize(JavaNames.identifier(name, taken)))) {
                name = name + "_";
            }
            String javaName = JavaNames.identifier(name, taken);
            Named named = new Named(c, javaName);
            taken.add(javaName);
            taken.add(named.finalAccessor());
            states.add(named);
        }
        List<Named> params = new ArrayList<>();
        for (Component c : system.params()) {
            String javaName = JavaNames.identifier(c.name(), taken);
            taken.add(javaName);
            params.add(new Named(c, javaName));
        }
        return new BindingNames(className, states, params);
    }
}
