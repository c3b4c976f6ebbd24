package io.github.odec;

import io.github.odec.model.Binding;
import io.github.odec.model.Component;
import io.github.odec.model.Expr;
import io.github.odec.model.Expr.BinaryOp;
import io.github.odec.model.OdeSystem;
import java.util.List;

/** Checked systems built by hand, since the parser lives on another branch for now. */
public final class TestSystems {

    private TestSystems() {}

    /** x' = -x. */
    public static OdeSystem decay() {
        return new OdeSystem("Decay", List.of(scalar("x", 0, 1.0)), List.of(), List.of(),
                List.of(neg(state(0))));
    }

    /** x' = v, v' = -x: x = cos t, v = -sin t from (1, 0). */
    public static OdeSystem oscillator() {
        return new OdeSystem("Oscillator", List.of(scalar("x", 0, 1.0), scalar("v", 1, 0.0)), List.of(), List.of(),
                List.of(state(1), neg(state(0))));
    }

    /** x' = y, y' = mu (1 - x^2) y - x, with the damping as a let. */
    public static OdeSystem vanDerPol() {
        Expr damping = bin(BinaryOp.MUL, new Expr.ParamRef(0), bin(BinaryOp.SUB, num(1), bin(BinaryOp.POW, state(0), num(2))));
        return new OdeSystem("VanDerPol", List.of(scalar("x", 0, 2.0), scalar("y", 1, 0.0)),
                List.of(scalar("mu", 0, 2.0)), List.of(new Binding("damping", damping)),
                List.of(state(1), bin(BinaryOp.SUB, bin(BinaryOp.MUL, new Expr.LetRef(0), state(1)), state(0))));
    }

    /** Lorenz 63 with sigma, rho, beta as parameters. */
    public static OdeSystem lorenz() {
        Expr x = state(0);
        Expr y = state(1);
        Expr z = state(2);
        Expr sigma = new Expr.ParamRef(0);
        Expr rho = new Expr.ParamRef(1);
        Expr beta = new Expr.ParamRef(2);
        return new OdeSystem("Lorenz", List.of(scalar("x", 0, 1.0), scalar("y", 1, 1.0), scalar("z", 2, 1.0)),
                List.of(scalar("sigma", 0, 10.0), scalar("rho", 1, 28.0), scalar("beta", 2, 8.0 / 3.0)), List.of(),
                List.of(bin(BinaryOp.MUL, sigma, bin(BinaryOp.SUB, y, x)),
                        bin(BinaryOp.SUB, bin(BinaryOp.MUL, x, bin(BinaryOp.SUB, rho, z)), y),
                        bin(BinaryOp.SUB, bin(BinaryOp.MUL, x, y), bin(BinaryOp.MUL, beta, z))));
    }

    /** y' = y^2: blows up at t = 1 from y(0) = 1. */
    public static OdeSystem blowUp() {
        return new OdeSystem("BlowUp", List.of(scalar("y", 0, 1.0)), List.of(), List.of(),
                List.of(bin(BinaryOp.POW, state(0), num(2))));
    }

    /** y' = y (1 - y). */
    public static OdeSystem logistic() {
        return new OdeSystem("Logistic", List.of(scalar("y", 0, 0.01)), List.of(), List.of(),
                List.of(bin(BinaryOp.MUL, state(0), bin(BinaryOp.SUB, num(1), state(0)))));
    }

    /** y' = -y^3: y = 1 / sqrt(1 + 2t) from 1. */
    public static OdeSystem cubicDecay() {
        return new OdeSystem("CubicDecay", List.of(scalar("y", 0, 1.0)), List.of(), List.of(),
                List.of(neg(bin(BinaryOp.POW, state(0), num(3)))));
    }

    /** Lorenz 96 with n components and forcing F: x_i' = (x_{i+1} - x_{i-2}) x_{i-1} - x_i + F, indices mod n. */
    public static OdeSystem lorenz96(int n) {
        List<Expr> d = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Expr ahead = state((i + 1) % n);
            Expr back2 = state((i + n - 2) % n);
            Expr back1 = state((i + n - 1) % n);
            d.add(bin(BinaryOp.ADD, bin(BinaryOp.SUB, bin(BinaryOp.MUL, bin(BinaryOp.SUB, ahead, back2), back1), state(i)),
                    new Expr.ParamRef(0)));
        }
        return new OdeSystem("Lorenz96_" + n, List.of(new Component("x", 0, n, true, List.of())),
                List.of(scalar("F", 0, 8.0)), List.of(), d);
    }

    static Component scalar(String name, int offset, double def) {
        return new Component(name, offset, 1, false, List.of(def));
    }

    static Expr state(int i) {
        return new Expr.StateRef(i);
    }

    static Expr num(double v) {
        return new Expr.Num(v);
    }

    static Expr neg(Expr e) {
        return new Expr.Unary(Expr.UnaryOp.NEG, e);
    }

    static Expr bin(BinaryOp op, Expr a, Expr b) {
        return new Expr.Binary(op, a, b);
    }
}
