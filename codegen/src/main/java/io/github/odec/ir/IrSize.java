package io.github.odec.ir;

import java.util.List;

/**
 * A size measure of IR: the number of expression nodes and statements. Printers emit a bounded
 * amount of code per node, so this tracks the size of the generated method (for Java, within a
 * factor of about two of its bytecode).
 */
public final class IrSize {

    private IrSize() {}

    public static int of(List<Stmt> statements) {
        int n = 0;
        for (Stmt s : statements) {
            n += of(s);
        }
        return n;
    }

    private static int of(Stmt s) {
        return 1 + switch (s) {
            case Stmt.Declare(var l, var init) -> of(init);
            case Stmt.Assign(var l, var v) -> of(v);
            case Stmt.Store(var b, var index, var v) -> of(index) + of(v);
            case Stmt.If(var c, var then, var otherwise) -> of(c) + of(then) + of(otherwise);
            case Stmt.While(var c, var body) -> of(c) + of(body);
            case Stmt.For(var v, int from, int to, var body) -> of(body);
            case Stmt.Break() -> 0;
            case Stmt.Comment(var text) -> -1;
            case Stmt.DeclareArray(var a) -> 0;
            case Stmt.StoreElement(var a, var index, var v) -> of(index) + of(v);
            case Stmt.CallDynamics(var time, var state, var params, var derivative) -> of(time) + 4;
        };
    }

    public static int of(IrExpr e) {
        return 1 + switch (e) {
            case IrExpr.RealLiteral r -> 0;
            case IrExpr.IntLiteral i -> 0;
            case IrExpr.BoolLiteral b -> 0;
            case IrExpr.Read r -> 0;
            case IrExpr.CoefficientRef c -> 1;
            case IrExpr.EvalCount c -> 1;
            case IrExpr.Negate(var x) -> of(x);
            case IrExpr.Not(var x) -> of(x);
            case IrExpr.IntToReal(var x) -> of(x);
            case IrExpr.Arith(var op, var l, var r) -> of(l) + of(r);
            case IrExpr.Compare(var op, var l, var r) -> of(l) + of(r);
            case IrExpr.Logic(var op, var l, var r) -> of(l) + of(r);
            case IrExpr.Select(var c, var a, var b) -> of(c) + of(a) + of(b);
            case IrExpr.Call(var f, var args) -> args.stream().mapToInt(IrSize::of).sum();
            case IrExpr.Load(var b, var index) -> 1 + of(index);
            case IrExpr.ArrayElement(var a, var index) -> of(index);
        };
    }
}
