package io.github.odec.model;

import java.util.List;
import java.util.Optional;

/**
 * What checking one {@code .ode} file yields: its systems, and the tableaus it can use (the
 * standard library followed by the file's own, which may not reuse a standard name).
 */
public record OdeModel(String sourceName, List<OdeSystem> systems, List<Tableau> tableaus) {

    public OdeModel {
        systems = List.copyOf(systems);
        tableaus = List.copyOf(tableaus);
    }

    public Optional<OdeSystem> system(String name) {
        return systems.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Tableau> tableau(String name) {
        return tableaus.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
