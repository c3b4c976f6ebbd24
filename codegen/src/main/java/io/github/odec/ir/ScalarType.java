package io.github.odec.ir;

/** The types of IR values. REAL is the solver's precision: a printer maps it to double or float. */
public enum ScalarType { REAL, INT, BOOL }
