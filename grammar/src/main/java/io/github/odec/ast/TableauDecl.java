package io.github.odec.ast;

import io.github.odec.diag.Span;
import java.util.List;

/** {@code tableau name { ... }}: items in any order; the checker finds missing and repeated ones. */
public record TableauDecl(Identifier name, List<TableauItem> items, Span span) implements Declaration {

    public TableauDecl {
        items = List.copyOf(items);
    }
}
