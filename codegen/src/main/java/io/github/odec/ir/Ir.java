package io.github.odec.ir;

import io.github.odec.ir.IrExpr.Arith;
import io.github.odec.ir.IrExpr.ArithOp;
import io.github.odec.ir.IrExpr.Call;
import io.github.odec.ir.IrExpr.Compare;
import io.github.odec.ir.IrExpr.CompareOp;
import io.github.odec.ir.IrExpr.IntLiteral;
import io.github.odec.ir.IrExpr.Logic;
import io.github.odec.ir.IrExpr.LogicOp;
import io.github.odec.ir.IrExpr.Read;
import io.github.odec.ir.IrExpr.RealLiteral;
import io.github.odec.runtime.spi.Slot;
import java.util.List;

/** Short constructors for IR expressions, so that lowering code reads like the algorithm it builds. */
public final class Ir {

    private Ir() {}

    public static IrExpr real(double v) {
        return RealLiteral.of(v);
    }

    public static IrExpr integer(int v) {
        return new IntLiteral(v);
    }

    public static IrExpr bool(boolean v) {
        return new IrExpr.BoolLiteral(v);
    }

    public static IrExpr read(Local l) {
        return new Read(l);
    }

    public static IrExpr add(IrExpr a, IrExpr b) {
        return new Arith(ArithOp.ADD, a, b);
    }

    public static IrExpr sub(IrExpr a, IrExpr b) {
        return new Arith(ArithOp.SUB, a, b);
    }

    public static IrExpr mul(IrExpr a, IrExpr b) {
        return new Arith(ArithOp.MUL, a, b);
    }

    public static IrExpr div(IrExpr a, IrExpr b) {
        return new Arith(ArithOp.DIV, a, b);
    }

    public static IrExpr neg(IrExpr a) {
        return new IrExpr.Negate(a);
    }

    public static IrExpr cmp(CompareOp op, IrExpr a, IrExpr b) {
        return new Compare(op, a, b);
    }

    public static IrExpr lt(IrExpr a, IrExpr b) {
        return cmp(CompareOp.LT, a, b);
    }

    public static IrExpr le(IrExpr a, IrExpr b) {
        return cmp(CompareOp.LE, a, b);
    }

    public static IrExpr gt(IrExpr a, IrExpr b) {
        return cmp(CompareOp.GT, a, b);
    }

    public static IrExpr ge(IrExpr a, IrExpr b) {
        return cmp(CompareOp.GE, a, b);
    }

    public static IrExpr eq(IrExpr a, IrExpr b) {
        return cmp(CompareOp.EQ, a, b);
    }

    public static IrExpr ne(IrExpr a, IrExpr b) {
        return cmp(CompareOp.NE, a, b);
    }

    public static IrExpr and(IrExpr a, IrExpr b) {
        return new Logic(LogicOp.AND, a, b);
    }

    public static IrExpr or(IrExpr a, IrExpr b) {
        return new Logic(LogicOp.OR, a, b);
    }

    public static IrExpr not(IrExpr a) {
        return new IrExpr.Not(a);
    }

    public static IrExpr select(IrExpr c, IrExpr a, IrExpr b) {
        return new IrExpr.Select(c, a, b);
    }

    public static IrExpr call(IrFunction f, IrExpr... args) {
        return new Call(f, List.of(args));
    }

    public static IrExpr abs(IrExpr a) {
        return call(IrFunction.ABS, a);
    }

    public static IrExpr min(IrExpr a, IrExpr b) {
        return call(IrFunction.MIN, a, b);
    }

    public static IrExpr max(IrExpr a, IrExpr b) {
        return call(IrFunction.MAX, a, b);
    }

    public static IrExpr sqrt(IrExpr a) {
        return call(IrFunction.SQRT, a);
    }

    public static IrExpr pow(IrExpr a, IrExpr b) {
        return call(IrFunction.POW, a, b);
    }

    public static IrExpr isFinite(IrExpr a) {
        return call(IrFunction.IS_FINITE, a);
    }

    public static IrExpr load(Slot b, IrExpr index) {
        return new IrExpr.Load(b, index);
    }

    public static IrExpr coefficient(Coefficient c) {
        return new IrExpr.CoefficientRef(c);
    }

    public static IrExpr toReal(IrExpr intValue) {
        return new IrExpr.IntToReal(intValue);
    }

    /** Sum of terms, left to right; an empty sum is the REAL zero. */
    public static IrExpr sum(List<IrExpr> terms) {
        if (terms.isEmpty()) {
            return real(0.0);
        }
        IrExpr s = terms.getFirst();
        for (int i = 1; i < terms.size(); i++) {
            s = add(s, terms.get(i));
        }
        return s;
    }
}
