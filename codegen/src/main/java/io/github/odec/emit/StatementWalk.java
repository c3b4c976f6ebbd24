package io.github.odec.emit;

import io.github.odec.ir.Argument;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.LocalArray;
import io.github.odec.ir.Procedure;
import io.github.odec.ir.Stmt;
import io.github.odec.runtime.spi.Slot;
import java.util.List;
import java.util.function.Function;

/**
 * The one traversal of IR statements that every printer shares (Java scalar, Java Vector API, CUDA):
 * it takes each statement apart in one exhaustive switch over the sealed {@link Stmt} and hands the
 * pieces to the target's hook. How a block is framed (braces and indentation, lane masks) is the
 * target's: a hook prints its nested statements by calling {@link #statements} again.
 */
public abstract class StatementWalk {

    /**
     * Prints statements in order. A break ends its block: what follows it there is unreachable (and
     * Java rejects it), and a masked target must not print it under a mask the break just emptied.
     */
    public final void statements(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            switch (s) {
                case Stmt.Declare(var local, var init) -> declare(local, init);
                case Stmt.Assign(var local, var value) -> assign(local, value);
                case Stmt.Store(var slot, var index, var value) -> store(slot, index, value);
                case Stmt.If(var condition, var then, var otherwise) -> ifElse(condition, then, otherwise);
                case Stmt.While(var condition, var body) -> whileLoop(condition, body);
                case Stmt.For(var variable, int from, int to, var body) -> forLoop(variable, from, to, body);
                case Stmt.Break() -> {
                    breakLoop();
                    return;
                }
                case Stmt.DeclareArray(var array) -> declareArray(array);
                case Stmt.StoreElement(var array, var index, var value) -> storeElement(array, index, value);
                case Stmt.Call(var callee, var arguments) -> call(callee, arguments);
                case Stmt.Comment(var text) -> comment(text);
                case Stmt.Masked masked -> masked(masked);
            }
        }
    }

    protected abstract void declare(Local local, IrExpr init);

    protected abstract void assign(Local local, IrExpr value);

    /** Writes an element of this instance's block of an output slot. */
    protected abstract void store(Slot slot, IrExpr index, IrExpr value);

    /** {@code otherwise} may be empty. */
    protected abstract void ifElse(IrExpr condition, List<Stmt> then, List<Stmt> otherwise);

    protected abstract void whileLoop(IrExpr condition, List<Stmt> body);

    protected abstract void forLoop(Local variable, int from, int to, List<Stmt> body);

    /** Leaves the innermost loop. */
    protected abstract void breakLoop();

    protected abstract void declareArray(LocalArray array);

    protected abstract void storeElement(LocalArray array, IrExpr index, IrExpr value);

    protected abstract void call(Procedure callee, List<Argument> arguments);

    protected abstract void comment(String text);

    /** A lane-masked statement of if-converted IR: only a SIMD target prints these (see {@link Stmt.Masked}). */
    protected abstract void masked(Stmt.Masked s);

    /** A call's argument list in C-family syntax: values printed by {@code value}, arrays by name. */
    protected static String argumentList(List<Argument> arguments, Function<IrExpr, String> value) {
        return String.join(", ", arguments.stream().map(a -> switch (a) {
            case Argument.Value(var v) -> value.apply(v);
            case Argument.Array(var array) -> array.name();
        }).toList());
    }
}
