package io.github.odec.runtime.spi;

import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.StepControllerKind;

/** Which solver to compile for a system: what a generated solver is specialised on. */
public record SolverSpec(Method method, StepControllerKind controller, Precision precision, boolean denseOutput) {}
