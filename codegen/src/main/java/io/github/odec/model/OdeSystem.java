package io.github.odec.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A checked system. {@code derivatives.get(i)} is the right-hand side of flat state component i.
 * {@code lets} are in evaluation order: a let refers only to earlier lets. {@code observes} are the
 * per-instance reductions, in source order: the order of their results. {@code events} are in source
 * order; an event's index in this list is the event id that solutions record.
 */
public record OdeSystem(String name, List<Component> states, List<Component> params, List<Binding> lets,
                        List<Expr> derivatives, List<Observe> observes, List<Event> events) {

    public OdeSystem {
        states = List.copyOf(states);
        params = List.copyOf(params);
        lets = List.copyOf(lets);
        derivatives = List.copyOf(derivatives);
        observes = List.copyOf(observes);
        events = List.copyOf(events);
    }

    /** A system without events. */
    public OdeSystem(String name, List<Component> states, List<Component> params, List<Binding> lets,
                     List<Expr> derivatives, List<Observe> observes) {
        this(name, states, params, lets, derivatives, observes, List.of());
    }

    /** A system without observes or events. */
    public OdeSystem(String name, List<Component> states, List<Component> params, List<Binding> lets,
                     List<Expr> derivatives) {
        this(name, states, params, lets, derivatives, List.of(), List.of());
    }

    public List<String> observeNames() {
        return observes.stream().map(Observe::name).toList();
    }

    public List<String> eventNames() {
        return events.stream().map(Event::name).toList();
    }

    public int stateCount() {
        return derivatives.size();
    }

    public int paramCount() {
        return params.stream().mapToInt(Component::length).sum();
    }

    /** Flat names of the state components, as users write them: {@code x}, {@code u[0]}, ... */
    public List<String> stateNames() {
        return flatNames(states);
    }

    /** Flat names of the parameter components. */
    public List<String> paramNames() {
        return flatNames(params);
    }

    private static List<String> flatNames(List<Component> components) {
        List<String> names = new ArrayList<>();
        for (Component c : components) {
            for (int e = 0; e < c.length(); e++) {
                names.add(c.elementName(e));
            }
        }
        return names;
    }
}
