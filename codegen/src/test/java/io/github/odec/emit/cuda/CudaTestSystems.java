package io.github.odec.emit.cuda;

import io.github.odec.model.Component;
import io.github.odec.model.Expr;
import io.github.odec.model.Expr.BinaryOp;
import io.github.odec.model.MathFunction;
import io.github.odec.model.OdeSystem;
import java.util.List;

/** A system the CUDA tests add to TestSystems: one full of transcendental calls. */
final class CudaTestSystems {

    private CudaTestSystems() {}

    /**
     * A damped, forced pendulum with transcendental terms everywhere:
     * th' = w, w' = -sin(th) - c w + a cos(t) exp(-t / 10) + tanh(th) / sqrt(1 + th^2) - atan(w) / 100.
     */
    static OdeSystem forcedPendulum() {
        Expr th = new Expr.StateRef(0);
        Expr w = new Expr.StateRef(1);
        Expr c = new Expr.ParamRef(0);
        Expr a = new Expr.ParamRef(1);
        Expr forcing = bin(BinaryOp.MUL, bin(BinaryOp.MUL, a, call(MathFunction.COS, new Expr.Time())),
                call(MathFunction.EXP, bin(BinaryOp.DIV, new Expr.Unary(Expr.UnaryOp.NEG, new Expr.Time()), num(10))));
        Expr squash = bin(BinaryOp.DIV, call(MathFunction.TANH, th),
                call(MathFunction.SQRT, bin(BinaryOp.ADD, num(1), bin(BinaryOp.POW, th, num(2)))));
        Expr wDot = bin(BinaryOp.SUB, bin(BinaryOp.ADD, bin(BinaryOp.ADD,
                        bin(BinaryOp.SUB, new Expr.Unary(Expr.UnaryOp.NEG, call(MathFunction.SIN, th)), bin(BinaryOp.MUL, c, w)),
                        forcing), squash),
                bin(BinaryOp.DIV, call(MathFunction.ATAN, w), num(100)));
        return new OdeSystem("ForcedPendulum",
                List.of(new Component("th", 0, 1, false, List.of(1.0)), new Component("w", 1, 1, false, List.of(0.0))),
                List.of(new Component("c", 0, 1, false, List.of(0.2)), new Component("a", 1, 1, false, List.of(0.5))),
                List.of(), List.of(w, wDot));
    }

    private static Expr num(double v) {
        return new Expr.Num(v);
    }

    private static Expr call(MathFunction f, Expr... args) {
        return new Expr.Call(f, List.of(args));
    }

    private static Expr bin(BinaryOp op, Expr l, Expr r) {
        return new Expr.Binary(op, l, r);
    }
}
