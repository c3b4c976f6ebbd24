package io.github.odec.model;

/** A {@code let}: a named intermediate, evaluated in order once per evaluation of the dynamics. */
public record Binding(String name, Expr value) {}
