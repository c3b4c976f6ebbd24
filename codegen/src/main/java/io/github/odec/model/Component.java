package io.github.odec.model;

import java.util.List;

/**
 * A declared state or parameter: a scalar ({@code length == 1, !array}) or an array. Its elements
 * occupy flat indices {@code offset .. offset + length - 1}.
 *
 * @param defaults one value per element, or empty when the declaration gives no default
 */
public record Component(String name, int offset, int length, boolean array, List<Double> defaults) {

    public Component {
        defaults = List.copyOf(defaults);
        if (!defaults.isEmpty() && defaults.size() != length) {
            throw new IllegalArgumentException("defaults of " + name + ": " + defaults.size() + " for " + length);
        }
    }

    public boolean hasDefaults() {
        return !defaults.isEmpty();
    }

    /** The name of one element as users write it: {@code x} or {@code u[3]}. */
    public String elementName(int element) {
        return array ? name + "[" + element + "]" : name;
    }
}
