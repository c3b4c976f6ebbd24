package io.github.odec.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.odec.ir.Ir;
import io.github.odec.ir.IrExpr;
import io.github.odec.ir.IrExpr.ArithOp;
import io.github.odec.ir.Local;
import io.github.odec.ir.ScalarType;
import io.github.odec.ir.StatementBuilder;
import io.github.odec.ir.Stmt;
import io.github.odec.model.Binding;
import io.github.odec.model.Component;
import io.github.odec.model.Expr;
import io.github.odec.model.Expr.BinaryOp;
import io.github.odec.model.MathFunction;
import io.github.odec.model.OdeSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding, power expansion, lets and CSE, checked on the IR itself. */
class DynamicsLoweringTest {

    private static final Local X = new Local("y_x", ScalarType.REAL);
    private static final Local P = new Local("p_a", ScalarType.REAL);

    private static List<Stmt> lower(List<Binding> lets, Expr derivative) {
        OdeSystem s = new OdeSystem("S", List.of(new Component("x", 0, 1, false, List.of())),
                List.of(new Component("a", 0, 1, false, List.of())), lets, List.of(derivative));
        StatementBuilder out = new StatementBuilder();
        new DynamicsLowering(s).emit(out, "k1", Ir.read(new Local("t", ScalarType.REAL)), List.of(Ir.read(X)),
                List.of(Ir.read(P)), List.of("k1_x"));
        return out.build();
    }

    private static Expr x() {
        return new Expr.StateRef(0);
    }

    private static Expr num(double v) {
        return new Expr.Num(v);
    }

    private static Expr bin(BinaryOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b);
    }

    private static Stmt declare(String name, IrExpr e) {
        return new Stmt.Declare(new Local(name, ScalarType.REAL), e);
    }

    private static IrExpr mul(IrExpr a, IrExpr b) {
        return new IrExpr.Arith(ArithOp.MUL, a, b);
    }

    @Test
    void constantsFoldAndIdentitiesVanish() {
        // (2 * 3 + 0) * x * 1  ->  6.0 * x
        Expr e = bin(BinaryOp.MUL, bin(BinaryOp.MUL, bin(BinaryOp.ADD, bin(BinaryOp.MUL, num(2), num(3)), num(0)), x()), num(1));
        assertEquals(List.of(declare("k1_x", mul(Ir.real(6.0), Ir.read(X)))), lower(List.of(), e));
    }

    @Test
    void smallIntegerPowersBecomeSharedSquares() {
        // x^4 -> v0 = x*x; v0*v0
        List<Stmt> s = lower(List.of(), bin(BinaryOp.POW, x(), num(4)));
        Local v0 = new Local("k1_v0", ScalarType.REAL);
        assertEquals(List.of(declare("k1_v0", mul(Ir.read(X), Ir.read(X))), declare("k1_x", mul(Ir.read(v0), Ir.read(v0)))), s);
    }

    @Test
    void negativeAndZeroPowers() {
        assertEquals(List.of(declare("k1_x", new IrExpr.Arith(ArithOp.DIV, Ir.real(1.0),
                mul(mul(Ir.read(X), Ir.read(X)), Ir.read(X))))), lower(List.of(), bin(BinaryOp.POW, x(), num(-3))));
        assertEquals(List.of(declare("k1_x", Ir.real(1.0))), lower(List.of(), bin(BinaryOp.POW, x(), num(0))));
        assertEquals(List.of(declare("k1_x", Ir.pow(Ir.read(X), Ir.real(0.5)))),
                lower(List.of(), bin(BinaryOp.POW, x(), num(0.5))));
    }

    @Test
    void sharedLetKeepsItsName() {
        // let s = sin(a * x); x' = s * s + s
        Expr sin = new Expr.Call(MathFunction.SIN, List.of(bin(BinaryOp.MUL, new Expr.ParamRef(0), x())));
        Expr let = new Expr.LetRef(0);
        List<Stmt> s = lower(List.of(new Binding("s", sin)), bin(BinaryOp.ADD, bin(BinaryOp.MUL, let, let), let));
        Local named = new Local("k1_s", ScalarType.REAL);
        assertEquals(List.of(
                declare("k1_s", Ir.call(io.github.odec.ir.IrFunction.SIN, mul(Ir.read(P), Ir.read(X)))),
                declare("k1_x", Ir.add(mul(Ir.read(named), Ir.read(named)), Ir.read(named)))), s);
    }

    @Test
    void repeatedSubexpressionsAreComputedOnce() {
        // (a*x + 1) * (a*x + 1) - exp(a*x)
        Expr ax = bin(BinaryOp.MUL, new Expr.ParamRef(0), x());
        Expr sum = bin(BinaryOp.ADD, ax, num(1));
        List<Stmt> s = lower(List.of(), bin(BinaryOp.SUB, bin(BinaryOp.MUL, sum, sum),
                new Expr.Call(MathFunction.EXP, List.of(ax))));
        Local v0 = new Local("k1_v0", ScalarType.REAL);
        Local v1 = new Local("k1_v1", ScalarType.REAL);
        assertEquals(List.of(
                declare("k1_v0", mul(Ir.read(P), Ir.read(X))),
                declare("k1_v1", Ir.add(Ir.read(v0), Ir.real(1.0))),
                declare("k1_x", Ir.sub(mul(Ir.read(v1), Ir.read(v1)), Ir.call(io.github.odec.ir.IrFunction.EXP, Ir.read(v0))))), s);
    }
}
