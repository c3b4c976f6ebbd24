package io.github.odec.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.ExprTrees;
import io.github.odec.diag.Diagnostics;
import io.github.odec.model.Expr;
import io.github.odec.model.MathFunction;
import io.github.odec.model.OdeSystem;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every function and operator of the language, differentiated and checked against finite differences. */
class EveryFunctionTest {

    /**
     * Arguments stay inside the functions' domains (asin, acos, log, sqrt) around the points below,
     * and away from the kinks of abs, min, max and the conditional by far more than the difference
     * steps. floor, ceil and sign take the parameter q only: they have no derivative.
     */
    static final String SOURCE = """
            system Everything {
                state x = 0.3, y = 0.7, z = 1.4;
                param a = 0.5, b = 2.0, q = 1.6;
                let trig = sin(x) * cos(y) + tan(0.5 * z);
                let inverse = asin(0.5 * x) + acos(0.4 * y) + atan(z) + atan2(y, x) + atan2(-z, x - 2);
                let hyperbolic = sinh(x) - cosh(0.5 * y) + tanh(z);
                let logs = exp(0.3 * x) + expm1(y) + log(z) + log1p(x) + log10(y + 1);
                let powers = sqrt(z) + cbrt(x - 1) + pow(z, x) + hypot(x, y) + z ^ y + x ^ 3 + y ^ -2 + 2 ^ z;
                let pieces = abs(x - y) + abs(z) + min(x, z) + max(y * a, z) + floor(q) * ceil(q) * sign(q - 2);
                let branch = x > y && z > 0 ? x * y / z : exp(-z) * a;
                x' = trig * a + inverse - hyperbolic / b;
                y' = logs * powers - pieces + -b;
                z' = branch + a * b * x / (1 + z * z) + t * x - t ^ 2 * a;
            }
            """;

    private static final List<Point> POINTS = List.of(
            new Point(0.7, new double[] {0.3, 0.7, 1.4}, new double[] {0.5, 2.0, 1.6}),
            new Point(-1.3, new double[] {0.8, 0.4, 0.9}, new double[] {-0.7, 1.5, 2.5}), // the other branch and pieces
            new Point(2.1, new double[] {-0.6, 1.9, 2.0}, new double[] {1.3, -0.4, -3.2}));

    @Test
    void theSystemUsesEveryFunctionAndArithmeticOperator() {
        Set<MathFunction> used = EnumSet.noneOf(MathFunction.class);
        Set<Expr.BinaryOp> operators = EnumSet.noneOf(Expr.BinaryOp.class);
        boolean negation = false;
        for (Expr e : ExprTrees.nodes(Models.system("everything.ode", SOURCE))) {
            switch (e) {
                case Expr.Call c -> used.add(c.function());
                case Expr.Binary b -> operators.add(b.op());
                case Expr.Unary u -> negation |= u.op() == Expr.UnaryOp.NEG;
                default -> { }
            }
        }
        assertTrue(negation);
        assertTrue(operators.containsAll(EnumSet.range(Expr.BinaryOp.ADD, Expr.BinaryOp.POW)), "arithmetic: " + operators);
        assertEquals(EnumSet.allOf(MathFunction.class), used);
    }

    @Test
    void againstFiniteDifferences() {
        OdeSystem s = Models.system("everything.ode", SOURCE);
        List<Variable> ab = List.of(new Variable.Param(0), new Variable.Param(1)); // not q, under floor/ceil/sign
        Derivatives jacobian = Point.jacobian(s);
        Derivatives params = Differentiation.differentiate(s, ab, new Diagnostics()).orElseThrow();
        Derivatives time = Point.timeDerivative(s);
        for (Point at : POINTS) {
            FiniteDifferences.check(s, jacobian, at.t(), at.y(), at.p());
            FiniteDifferences.check(s, params, at.t(), at.y(), at.p());
            FiniteDifferences.check(s, time, at.t(), at.y(), at.p());
        }
    }

    @Test
    void theBranchesOfPiecewiseFunctionsAreDifferentiatedOneByOne() {
        OdeSystem s = Models.system("pieces.ode", """
                system Pieces {
                    state x = 0;
                    x' = abs(x) + 2 * max(x, 0) + 3 * min(x, 0) + (x > 1 ? x ^ 2 : 5 * x);
                }
                """);
        Derivatives jacobian = Point.jacobian(s);
        double[] at = {-2, -0.5, 0, 0.5, 1, 3};
        double[] expected = {-1 + 3 + 5, -1 + 3 + 5, 1 + 2 + 3 + 5, 1 + 2 + 5, 1 + 2 + 5, 1 + 2 + 6};
        for (int k = 0; k < at.length; k++) {
            double x = at[k];
            assertEquals(expected[k], new Point(0, new double[] {x}, new double[0]).values(jacobian)[0][0], 1e-15,
                    "at x = " + x + " (ties take the first argument of min and max, abs has slope 1 at 0)");
        }
    }

    @Test
    void aVariableOnlyInAConditionGivesAStructuralZero() {
        OdeSystem s = Models.system("switch.ode", "system S { state x = 1, y = 1; x' = y > 0 ? x : 2 * x; y' = 0; }");
        Derivatives jacobian = Point.jacobian(s);
        assertEquals(Algebra.ZERO, jacobian.entry(0, 1));
        assertEquals(2.0, new Point(0, new double[] {1, -1}, new double[0]).values(jacobian)[0][0]);
    }
}
