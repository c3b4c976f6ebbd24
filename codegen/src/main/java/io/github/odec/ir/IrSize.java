package io.github.odec.ir;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A size measure of IR: the number of expression nodes and statements. Printers emit a bounded
 * amount of code per node, so this tracks the size of the generated method (for Java, within a
 * factor of about two of its bytecode). It walks with an explicit stack: the unrolled layout of a
 * large system has sums over thousands of components, nested as deep as they are long.
 */
public final class IrSize {

    private IrSize() {}

    public static int of(List<Stmt> statements) {
        Deque<Object> pending = new ArrayDeque<>(statements);
        long n = 0;
        while (!pending.isEmpty()) {
            n += switch (pending.pop()) {
                case Stmt s -> statement(s, pending);
                case IrExpr e -> expression(e, pending);
                default -> throw new IllegalStateException("not IR");
            };
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    public static int of(IrExpr e) {
        Deque<Object> pending = new ArrayDeque<>();
        long n = expression(e, pending);
        while (!pending.isEmpty()) {
            n += expression((IrExpr) pending.pop(), pending);
        }
        return (int) Math.min(Integer.MAX_VALUE, n);
    }

    /** The statement's own weight; its parts go onto {@code pending}. */
    private static int statement(Stmt s, Deque<Object> pending) {
        return switch (s) {
            case Stmt.Declare(var l, var init) -> push(pending, 1, init);
            case Stmt.Assign(var l, var v) -> push(pending, 1, v);
            case Stmt.Store(var b, var index, var v) -> push(pending, 1, index, v);
            case Stmt.If(var c, var then, var otherwise) -> {
                pending.push(c);
                then.forEach(pending::push);
                otherwise.forEach(pending::push);
                yield 1;
            }
            case Stmt.While(var c, var body) -> {
                pending.push(c);
                body.forEach(pending::push);
                yield 1;
            }
            case Stmt.For(var v, int from, int to, var body) -> {
                body.forEach(pending::push);
                yield 1;
            }
            case Stmt.Break() -> 1;
            case Stmt.Comment(var text) -> 0;
            case Stmt.DeclareArray(var a) -> 1;
            case Stmt.StoreElement(var a, var index, var v) -> push(pending, 1, index, v);
            case Stmt.Call(var callee, var arguments) -> {
                for (Argument a : arguments) {
                    if (a instanceof Argument.Value(var v)) {
                        pending.push(v);
                    }
                }
                yield 1 + arguments.size();
            }
            case Stmt.Masked m -> masked(m, pending);
        };
    }

    private static int masked(Stmt.Masked s, Deque<Object> pending) {
        return switch (s) {
            case Stmt.Masked.Declare(var l, var init, var m) -> push(pending, 1, init);
            case Stmt.Masked.Temp(var l, var init, var m) -> push(pending, 1, init);
            case Stmt.Masked.Outside(var l, var from, var cond) -> 1;
            case Stmt.Masked.Blend(var l, var v, var m) -> push(pending, 1, v);
            case Stmt.Masked.Scatter(var b, var index, var v, var m) -> push(pending, 1, index, v);
            case Stmt.Masked.Narrow(var l, var keep, var m) -> push(pending, 1, keep);
            case Stmt.Masked.Drop(var l, var lanes) -> 1;
            case Stmt.Masked.IfAny(var m, var body) -> {
                body.forEach(pending::push);
                yield 1;
            }
            case Stmt.Masked.WhileAny(var m, var head, var body) -> {
                head.forEach(pending::push);
                body.forEach(pending::push);
                yield 1;
            }
        };
    }

    private static int expression(IrExpr e, Deque<Object> pending) {
        return switch (e) {
            case IrExpr.RealLiteral r -> 1;
            case IrExpr.IntLiteral i -> 1;
            case IrExpr.BoolLiteral b -> 1;
            case IrExpr.Read r -> 1;
            case IrExpr.CoefficientRef c -> 2;
            case IrExpr.EvalCount c -> 2;
            case IrExpr.Negate(var x) -> push(pending, 1, x);
            case IrExpr.Not(var x) -> push(pending, 1, x);
            case IrExpr.IntToReal(var x) -> push(pending, 1, x);
            case IrExpr.Arith(var op, var l, var r) -> push(pending, 1, l, r);
            case IrExpr.Compare(var op, var l, var r) -> push(pending, 1, l, r);
            case IrExpr.Logic(var op, var l, var r) -> push(pending, 1, l, r);
            case IrExpr.Select(var c, var a, var b) -> push(pending, 1, c, a, b);
            case IrExpr.Call(var f, var args) -> {
                args.forEach(pending::push);
                yield 1;
            }
            case IrExpr.Load(var b, var index) -> push(pending, 2, index);
            case IrExpr.ArrayElement(var a, var index) -> push(pending, 1, index);
        };
    }

    private static int push(Deque<Object> pending, int weight, IrExpr... parts) {
        for (IrExpr p : parts) {
            pending.push(p);
        }
        return weight;
    }
}
