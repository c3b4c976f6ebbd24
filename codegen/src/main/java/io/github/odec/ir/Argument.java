package io.github.odec.ir;

/** An argument of a {@link Stmt.Call}: a value for a scalar parameter or a local array for an array parameter. */
public sealed interface Argument {

    record Value(IrExpr value) implements Argument {}

    record Array(LocalArray array) implements Argument {}
}
