package io.github.odec.ir.pass;

import io.github.odec.ir.IrExpr;
import io.github.odec.ir.Local;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.SolverFunction;
import io.github.odec.ir.Stmt;
import io.github.odec.ir.Stmt.Masked;
import java.util.ArrayList;
import java.util.List;

/**
 * If-conversion, IR → IR for SIMD targets: per-instance control flow becomes lane-masked straight-line
 * code over a group of instances. Each statement runs under the mask of the lanes that reach it; an
 * {@code if} runs each branch under its lane mask (skipped when no lane takes it) and assignments in it
 * blend; a {@code while} runs while any lane is still in it, and {@code break} drops the current lanes
 * from the loop's mask. A {@code for} has a compile-time range, the same in every lane, so it stays.
 * The printer then makes no masking decisions: it prints {@link Masked} statements as they are.
 */
public final class IfConversion {

    /** Where converted statements go: the block being converted. */
    private List<Stmt> out = new ArrayList<>();
    private int temps;

    private IfConversion() {}

    /**
     * @throws VectorUnsupportedException for local arrays and procedure calls (the layout of large
     *                                    systems), a break out of a for loop and a break outside any loop
     */
    public static MaskedFunction apply(SolverFunction f) {
        if (!f.procedures().isEmpty()) {
            throw new VectorUnsupportedException("the array layout of large systems");
        }
        Local lanes = new Local("_lanes", ScalarType.BOOL);
        IfConversion pass = new IfConversion();
        List<Stmt> body = pass.nested(f.body(), lanes, null);
        return new MaskedFunction(new SolverFunction(f.name(), f.precision(), f.instance(), body, f.procedures(),
                f.slots()), lanes);
    }

    /** Converts statements run by the lanes of {@code mask} in the while loop whose mask is {@code loop} (null outside). */
    private void convert(List<Stmt> stmts, Local mask, Local loop) {
        for (Stmt s : stmts) {
            switch (s) {
                case Stmt.Declare(var local, var init) -> out.add(new Masked.Declare(local, init, mask));
                case Stmt.Assign(var local, var value) -> out.add(new Masked.Blend(local, value, mask));
                case Stmt.Store(var slot, var index, var value) -> out.add(new Masked.Scatter(slot, index, value, mask));
                case Stmt.If(var condition, var then, var otherwise) -> ifElse(condition, then, otherwise, mask, loop);
                case Stmt.While(var condition, var body) -> whileLoop(condition, body, mask);
                case Stmt.For(var variable, int from, int to, var body) -> {
                    if (breaks(body)) {
                        throw new VectorUnsupportedException("break out of a for loop");
                    }
                    out.add(new Stmt.For(variable, from, to, nested(body, mask, loop)));
                }
                case Stmt.Break() -> {
                    if (loop == null) {
                        throw new VectorUnsupportedException("break outside a while loop");
                    }
                    out.add(new Masked.Drop(loop, mask));
                    return; // what follows a break in its block is unreachable
                }
                case Stmt.DeclareArray a -> throw new VectorUnsupportedException("local arrays");
                case Stmt.StoreElement e -> throw new VectorUnsupportedException("local arrays");
                case Stmt.Call c -> throw new VectorUnsupportedException("a procedure call");
                case Stmt.Comment c -> out.add(c);
                case Masked m -> throw new IllegalArgumentException("already if-converted: " + m);
            }
        }
    }

    private void ifElse(IrExpr condition, List<Stmt> then, List<Stmt> otherwise, Local mask, Local loop) {
        Local cond = temp(condition, mask);
        Local taken = temp(new IrExpr.Logic(IrExpr.LogicOp.AND, new IrExpr.Read(mask), new IrExpr.Read(cond)), mask);
        out.add(new Masked.IfAny(taken, nested(then, taken, loop)));
        if (!otherwise.isEmpty()) {
            Local other = fresh();
            out.add(new Masked.Outside(other, mask, cond));
            out.add(new Masked.IfAny(other, nested(otherwise, other, loop)));
        }
        if (breaks(then) || breaks(otherwise)) {
            // lanes that left the loop in a branch take no part in what follows
            out.add(new Masked.Narrow(mask, new IrExpr.Read(loop), mask));
        }
    }

    private void whileLoop(IrExpr condition, List<Stmt> body, Local mask) {
        Local loop = temp(new IrExpr.Read(mask), mask);
        List<Stmt> head = condition instanceof IrExpr.BoolLiteral(boolean v) && v ? List.of()
                : List.of(new Masked.Narrow(loop, condition, loop));
        List<Stmt> converted = block(() -> {
            Local running = temp(new IrExpr.Read(loop), loop);
            convert(body, running, loop);
        });
        out.add(new Masked.WhileAny(loop, head, converted));
    }

    private List<Stmt> nested(List<Stmt> stmts, Local mask, Local loop) {
        return block(() -> convert(stmts, mask, loop));
    }

    /** The statements {@code conversion} adds, as a block of their own. */
    private List<Stmt> block(Runnable conversion) {
        List<Stmt> outer = out;
        out = new ArrayList<>();
        conversion.run();
        List<Stmt> converted = out;
        out = outer;
        return converted;
    }

    private Local temp(IrExpr init, Local under) {
        Local t = fresh();
        out.add(new Masked.Temp(t, init, under));
        return t;
    }

    private Local fresh() {
        return new Local("_mask" + temps++, ScalarType.BOOL);
    }

    /** Whether a break in these statements leaves the enclosing while (breaks of nested loops do not). */
    private static boolean breaks(List<Stmt> stmts) {
        for (Stmt s : stmts) {
            boolean b = switch (s) {
                case Stmt.Break() -> true;
                case Stmt.If(var c, var then, var otherwise) -> breaks(then) || breaks(otherwise);
                case Stmt.For(var v, int from, int to, var body) -> breaks(body);
                default -> false;
            };
            if (b) {
                return true;
            }
        }
        return false;
    }
}
