package io.github.odec.runtime;

/** The floating-point type a solver computes in. Inputs and outputs are doubles either way. */
public enum Precision { F64, F32 }
