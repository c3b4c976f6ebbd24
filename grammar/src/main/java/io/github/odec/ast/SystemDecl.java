package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;

/** {@code system Name { ... }}. */
public record SystemDecl(Identifier name, List<SystemItem> items, Span span) implements Declaration {

    public SystemDecl {
        items = List.copyOf(items);
    }
}
