package io.github.odec.model;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What checking one {@code .ode} file yields: its systems, and the methods it can use: explicit
 * tableaus and Rosenbrock methods, each list the standard library's followed by the file's own. All
 * method names are distinct (one namespace, the one {@code --method} looks up), and none of the file's
 * reuses a standard name.
 */
public record OdeModel(String sourceName, List<OdeSystem> systems, List<Tableau> tableaus, List<Rosenbrock> rosenbrocks) {

    public OdeModel {
        systems = List.copyOf(systems);
        tableaus = List.copyOf(tableaus);
        rosenbrocks = List.copyOf(rosenbrocks);
    }

    public Optional<OdeSystem> system(String name) {
        return systems.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Tableau> tableau(String name) {
        return tableaus.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<Rosenbrock> rosenbrock(String name) {
        return rosenbrocks.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** Every method by family: the explicit tableaus (as {@link ExplicitRungeKutta}), then the Rosenbrock methods. */
    public List<Method> methods() {
        return Stream.concat(tableaus.stream().map(Method::of), rosenbrocks.stream()).toList();
    }

    /** The method called {@code name}, of either family. */
    public Optional<Method> method(String name) {
        return methods().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
