package io.github.odec.emit.bindings;

import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Turns .ode names into Java identifiers. The .ode grammar allows {@code [A-Za-z_][A-Za-z0-9_]*},
 * so every name is already made of valid characters; what can still go wrong is a Java keyword
 * ({@code class}, {@code int}), the lone underscore, or a clash with a member the bindings declare
 * themselves ({@code span}, {@code status}). Each of those gets a trailing underscore
 * ({@code class_}, {@code span_}), repeated until the name is free. Nothing else is renamed.
 */
final class JavaNames {

    private JavaNames() {}

    /** {@code name}, with underscores appended until it is a legal identifier outside {@code taken}. */
    static String identifier(String name, Set<String> taken) {
        String s = name;
        while (!SourceVersion.isIdentifier(s) || SourceVersion.isKeyword(s) || taken.contains(s)) {
            s = s + "_";
        }
        return s;
    }

    /** {@code theta} becomes {@code Theta}, for accessors such as {@code finalTheta}. */
    static String capitalize(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
