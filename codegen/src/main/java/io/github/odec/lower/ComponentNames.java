package io.github.odec.lower;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Identifier-safe, unique suffixes for flat component names: {@code x} stays {@code x},
 * {@code u[3]} becomes {@code u_3} (or {@code u_3_} should a scalar {@code u_3} exist too).
 * Every generated local gets a prefix ({@code y_}, {@code k2_}), so no suffix meets a keyword.
 */
final class ComponentNames {

    private ComponentNames() {}

    static List<String> of(List<String> flatNames) {
        Set<String> used = new HashSet<>(flatNames);
        Set<String> taken = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String n : flatNames) {
            String s = n.replace('[', '_').replace("]", "");
            if (!s.equals(n)) {
                while (used.contains(s) || taken.contains(s)) {
                    s = s + "_";
                }
            }
            taken.add(s);
            out.add(s);
        }
        return out;
    }
}
