package io.github.odec.ast;

import io.github.odec.diag.Span;

/** A top-level declaration of a file. */
public sealed interface Declaration permits SystemDecl, TableauDecl, RosenbrockDecl {

    Identifier name();

    Span span();
}
