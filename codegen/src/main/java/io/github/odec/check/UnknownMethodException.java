package io.github.odec.check;

import java.util.List;

/** A method name that names no tableau; the message lists the names that exist. */
public final class UnknownMethodException extends IllegalArgumentException {

    private final String name;
    private final List<String> knownNames;

    public UnknownMethodException(String name, List<String> knownNames) {
        super("unknown method '" + name + "'; "
                + Spelling.closest(name, knownNames).map(s -> "did you mean '" + s + "'? ").orElse("")
                + "known methods: " + String.join(", ", knownNames));
        this.name = name;
        this.knownNames = List.copyOf(knownNames);
    }

    public String name() {
        return name;
    }

    public List<String> knownNames() {
        return knownNames;
    }
}
