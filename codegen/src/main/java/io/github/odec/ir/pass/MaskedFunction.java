package io.github.odec.ir.pass;

import io.github.odec.ir.Local;
import io.github.odec.ir.SolverFunction;

/**
 * A solver function after {@link IfConversion}: its body solves a group of instances in lockstep, one per
 * lane, in {@link io.github.odec.ir.Stmt.Masked} statements.
 *
 * @param lanes the BOOL local of the group's lanes that hold an instance, bound by the printer's wrapper
 *              (as {@link SolverFunction#instance()} is)
 */
public record MaskedFunction(SolverFunction function, Local lanes) {}
