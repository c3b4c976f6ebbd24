package io.github.odec.ir;

/** A scalar local variable of the per-instance solve. Names are unique within one solver function. */
public record Local(String name, ScalarType type) {}
