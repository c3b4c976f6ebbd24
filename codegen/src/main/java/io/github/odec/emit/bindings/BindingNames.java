package io.github.odec.emit.bindings;

import io.github.odec.model.Component;
import io.github.odec.model.OdeSystem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java names of one system's bindings: the class name and one accessor name per state,
 * parameter and observe, free of keywords and of the members the bindings declare themselves (see
 * {@link JavaNames}). States are named first, then parameters, then observes, each in declaration order, so the
 * result does not depend on anything but the .ode file.
 */
record BindingNames(String className, List<Named> states, List<Named> params, List<NamedObserve> observes) {

    /** An observe and the Java name of its Result accessor. */
    record NamedObserve(String observe, String javaName) {}

    /**
     * A component and its Java name; states also get {@code final<Name>} accessors, arrays also get
     * {@code <name>Element} setters.
     */
    record Named(Component component, String javaName) {
        String finalAccessor() {
            return "final" + JavaNames.capitalize(javaName);
        }

        /**
         * The setters of one element of an array, {@code uElement(element, value)} and
         * {@code uElement(instance, element, value)}: a name of their own, so that no {@code (int, double)}
         * setter takes an element where a scalar's {@code x(instance, value)} takes an instance.
         */
        String elementSetter() {
            return javaName + "Element";
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
            states.add(claim(c, true, taken));
        }
        List<Named> params = new ArrayList<>();
        for (Component c : system.params()) {
            params.add(claim(c, false, taken));
        }
        List<NamedObserve> observes = new ArrayList<>();
        for (String o : system.observeNames()) {
            NamedObserve named = new NamedObserve(o, JavaNames.identifier(o, taken));
            taken.add(named.javaName());
            observes.add(named);
        }
        return new BindingNames(className, states, params, observes);
    }

    /**
     * The Java name of {@code c}, with underscores appended until it and the members derived from it are
     * free: a state's final accessor (states x and X would both want finalX), an array's element setter
     * (an array u and a scalar uElement would both want uElement).
     */
    private static Named claim(Component c, boolean state, Set<String> taken) {
        String name = c.name();
        Named named = new Named(c, JavaNames.identifier(name, taken));
        while ((state && taken.contains(named.finalAccessor())) || (c.array() && taken.contains(named.elementSetter()))) {
            name = name + "_";
            named = new Named(c, JavaNames.identifier(name, taken));
        }
        taken.add(named.javaName());
        if (state) {
            taken.add(named.finalAccessor());
        }
        if (c.array()) {
            taken.add(named.elementSetter());
        }
        return named;
    }
}
