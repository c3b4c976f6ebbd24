package io.github.odec.check;

import io.github.odec.model.Binding;
import io.github.odec.model.Expr;
import java.util.List;

/**
 * Evaluates checked model expressions in double precision, as the dynamics would at one point: the
 * lets in order, then the outputs. Functions and operators are {@link ConstantFolding}'s, the checker's own
 * meaning of them; conditions are 1 (true) or 0 (false).
 */
public final class ModelEvaluator {

    private final List<Binding> lets;
    private final double t;
    private final double[] y;
    private final double[] p;
    private final double[] letValues;

    private ModelEvaluator(List<Binding> lets, double t, double[] y, double[] p) {
        this.lets = lets;
        this.t = t;
        this.y = y.clone();
        this.p = p.clone();
        this.letValues = new double[lets.size()];
    }

    /** The values of {@code outputs}, whose LetRefs index {@code lets}, at {@code (t, y, p)}. */
    public static double[] evaluate(List<Binding> lets, List<Expr> outputs, double t, double[] y, double[] p) {
        ModelEvaluator e = new ModelEvaluator(lets, t, y, p);
        for (int i = 0; i < lets.size(); i++) {
            e.letValues[i] = e.value(lets.get(i).value());
        }
        return outputs.stream().mapToDouble(e::value).toArray();
    }

    private double value(Expr e) {
        return switch (e) {
            case Expr.Num n -> n.value();
            case Expr.StateRef s -> y[s.index()];
            case Expr.ParamRef q -> p[q.index()];
            case Expr.LetRef l -> letValues[l.index()];
            case Expr.Time time -> t;
            case Expr.Unary u -> switch (u.op()) {
                case NEG -> -value(u.operand());
                case NOT -> truth(value(u.operand()) == 0);
            };
            case Expr.Binary b -> ConstantFolding.binary(b.op(), value(b.left()), value(b.right()));
            case Expr.Call c -> ConstantFolding.apply(c.function(), value(c.args().getFirst()),
                    c.args().size() > 1 ? value(c.args().get(1)) : Double.NaN);
            case Expr.Conditional c -> value(c.condition()) != 0 ? value(c.then()) : value(c.otherwise());
        };
    }

    private static double truth(boolean b) {
        return b ? 1 : 0;
    }
}
