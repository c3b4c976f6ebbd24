package io.github.odec.runtime;

/**
 * The step-size controller a solver is compiled for. Integral, PI and PID follow diffrax's
 * PIDController (pcoeff, icoeff, dcoeff); FIXED takes the steps dt0 apart.
 */
public enum StepControllerKind { INTEGRAL, PI, PID, FIXED }
