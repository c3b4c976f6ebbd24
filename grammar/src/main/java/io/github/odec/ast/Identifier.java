package io.github.odec.ast;

import io.github.odec.diag.Span;

/** A name as written, with where it was written. */
public record Identifier(String text, Span span) {}
