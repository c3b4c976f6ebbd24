package io.github.odec.derive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.model.Binding;
import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Derivatives reuse what the dynamics compute: their lets (by reference), the value of a call
 * (equal records, which lowering's CSE merges with the dynamics'), and the derivative of a let once.
 */
class SharingTest {

    @Test
    void theDerivativeOfExpIsTheDynamicsOwnExpression() {
        OdeSystem s = Models.system("exp.ode", "system E { state x = 1; x' = exp(x); }");
        assertEquals(s.derivatives().getFirst(), Point.jacobian(s).entry(0, 0));
    }

    @Test
    void aLetIsReferencedNotExpanded() {
        OdeSystem s = Models.system("let.ode", """
                system L {
                    state x = 1, y = 2;
                    let r = sqrt(x * x + y * y);
                    x' = -x / r;
                    y' = -y / r;
                }
                """);
        Derivatives j = Point.jacobian(s);
        // d(r)/d(x) = (x + x) / (2 r): r is the let itself, not sqrt(...) again
        assertEquals(new Binding("d(r)/d(x)", new Expr.Binary(Expr.BinaryOp.DIV,
                new Expr.Binary(Expr.BinaryOp.ADD, new Expr.StateRef(0), new Expr.StateRef(0)),
                new Expr.Binary(Expr.BinaryOp.MUL, new Expr.Num(2), new Expr.LetRef(0)))), j.lets().get(1));
        FiniteDifferences.check(s, j, 0, new double[] {0.6, -1.7}, new double[0]);
    }

    /**
     * A chain of lets, each using the previous one twice: expanded, the derivative of the last one
     * doubles in size with every let (about 2^30 nodes here); shared, it grows by a constant.
     */
    @Test
    void aChainOfLetsGivesDerivativesOfLinearSize() {
        int n = 30;
        StringBuilder source = new StringBuilder("system Chain {\n state x = 0.5, y = 0.25;\n let a0 = sin(x) * y;\n");
        for (int k = 1; k <= n; k++) {
            source.append(" let a").append(k).append(" = sin(a").append(k - 1).append(") * a").append(k - 1).append(" + 0.5 * y;\n");
        }
        source.append(" x' = a").append(n).append(";\n y' = x * y;\n}\n");
        OdeSystem s = Models.system("chain.ode", source.toString());
        Derivatives j = Point.jacobian(s);

        long shared = Sizes.shared(j);
        long expanded = Sizes.expanded(j);
        long dynamics = Sizes.shared(s.lets(), s.derivatives());
        assertTrue(expanded > 1L << 30, "expanded: " + expanded);
        assertTrue(shared < 10 * dynamics, "shared " + shared + " vs the dynamics' " + dynamics);
        assertEquals(s.lets().size() + 2 * (n + 1), j.lets().size(), "one derivative let per let and state");
        FiniteDifferences.check(s, j, 0, new double[] {0.5, 0.25}, new double[0]);
    }

    /** Node counts: each let's value counted once and each use of it as one node, or every use expanded. */
    static final class Sizes {
        private Sizes() {}

        static long shared(Derivatives d) {
            return shared(d.lets(), d.rows().stream().flatMap(List::stream).toList());
        }

        static long shared(List<Binding> lets, List<Expr> outputs) {
            long size = 0;
            for (Binding l : lets) {
                size += tree(l.value(), null);
            }
            for (Expr e : outputs) {
                size += tree(e, null);
            }
            return size;
        }

        static long expanded(Derivatives d) {
            long[] letSizes = new long[d.lets().size()];
            for (int i = 0; i < letSizes.length; i++) {
                letSizes[i] = tree(d.lets().get(i).value(), letSizes);
            }
            return d.rows().stream().flatMap(List::stream).mapToLong(e -> tree(e, letSizes)).sum();
        }

        /** With {@code letSizes}, a LetRef counts as its value expanded; without, as one node. */
        private static long tree(Expr e, long[] letSizes) {
            return switch (e) {
                case Expr.LetRef l -> letSizes == null ? 1 : letSizes[l.index()];
                case Expr.Num n -> 1;
                case Expr.StateRef r -> 1;
                case Expr.ParamRef r -> 1;
                case Expr.Time t -> 1;
                case Expr.Unary u -> 1 + tree(u.operand(), letSizes);
                case Expr.Binary b -> 1 + tree(b.left(), letSizes) + tree(b.right(), letSizes);
                case Expr.Call c -> 1 + c.args().stream().mapToLong(a -> tree(a, letSizes)).sum();
                case Expr.Conditional c -> 1 + tree(c.condition(), letSizes) + tree(c.then(), letSizes)
                        + tree(c.otherwise(), letSizes);
            };
        }
    }
}
