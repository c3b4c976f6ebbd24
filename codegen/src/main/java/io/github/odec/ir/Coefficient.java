package io.github.odec.ir;

/** Run-time step-controller coefficients shared by a batch (ControllerCoefficients on the CPU). */
public enum Coefficient { SAFETY, FACTOR_MIN, FACTOR_MAX, PCOEFF, ICOEFF, DCOEFF }
