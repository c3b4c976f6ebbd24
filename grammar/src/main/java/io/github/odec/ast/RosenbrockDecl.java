package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;

/**
 * {@code rosenbrock name { ... }}: the lines of a tableau (order, embedded, b, bhat, interp) plus
 * {@code gamma}, {@code alpha[i]} and {@code gamma[i]}; the checker finds missing, repeated and foreign ones.
 */
public record RosenbrockDecl(Identifier name, List<TableauItem> items, Span span) implements Declaration {

    public RosenbrockDecl {
        items = List.copyOf(items);
    }
}
