package io.github.odec.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.model.Expr;
import io.github.odec.model.OdeSystem;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every sample system: its derivatives against finite differences, and against Jacobians derived by hand. */
class SampleDerivativesTest {

    /** Hand-derived entries are a few operations long: a couple of roundings apart at most. */
    private static final double HAND = 1e-14;

    @TestFactory
    Stream<DynamicTest> everySampleAgainstFiniteDifferences() {
        return Models.samples().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            OdeSystem system = Models.sample(file.getFileName().toString());
            for (long seed = 1; seed <= 3; seed++) {
                Point at = Point.nearDefaults(system, seed, 0.5);
                FiniteDifferences.check(system, Point.jacobian(system), at.t(), at.y(), at.p());
                FiniteDifferences.check(system, Point.parameterJacobian(system), at.t(), at.y(), at.p());
            }
            Derivatives dt = Point.timeDerivative(system);
            assertTrue(dt.rows().stream().allMatch(row -> row.equals(java.util.List.of(Algebra.ZERO))),
                    "the samples are autonomous: df/dt is a structural zero");
        }));
    }

    @Test
    void decay() {
        OdeSystem s = Models.sample("custom_tableau.ode"); // y' = -k y
        Point at = Point.nearDefaults(s, 7, 0.5);
        double y = at.y()[0], k = at.p()[0];
        assertMatrix(new double[][] {{-k}}, at.values(Point.jacobian(s)));
        assertMatrix(new double[][] {{-y}}, at.values(Point.parameterJacobian(s)));
    }

    @Test
    void lorenz() {
        OdeSystem s = Models.sample("lorenz.ode");
        Point at = Point.nearDefaults(s, 7, 0.5);
        double x = at.y()[0], y = at.y()[1], z = at.y()[2];
        double sigma = at.p()[0], rho = at.p()[1], beta = at.p()[2];
        assertMatrix(new double[][] {{-sigma, sigma, 0}, {rho - z, -1, -x}, {y, x, -beta}}, at.values(Point.jacobian(s)));
        assertMatrix(new double[][] {{y - x, 0, 0}, {0, x, 0}, {0, 0, -z}}, at.values(Point.parameterJacobian(s)));
    }

    @Test
    void pendulum() {
        OdeSystem s = Models.sample("pendulum.ode");
        Point at = Point.nearDefaults(s, 7, 0.5);
        double theta = at.y()[0], omega = at.y()[1];
        double g = at.p()[0], l = at.p()[1], damping = at.p()[2];
        assertMatrix(new double[][] {{0, 1}, {-(g / l) * Math.cos(theta), -damping}}, at.values(Point.jacobian(s)));
        assertMatrix(new double[][] {{0, 0, 0}, {-Math.sin(theta) / l, g / (l * l) * Math.sin(theta), -omega}},
                at.values(Point.parameterJacobian(s)));
    }

    @Test
    void sir() {
        OdeSystem s = Models.sample("sir.ode");
        Point at = Point.nearDefaults(s, 7, 0.5);
        double sus = at.y()[0], inf = at.y()[1];
        double beta = at.p()[0], gamma = at.p()[1];
        assertMatrix(new double[][] {{-beta * inf, -beta * sus, 0}, {beta * inf, beta * sus - gamma, 0}, {0, gamma, 0}},
                at.values(Point.jacobian(s)));
        assertMatrix(new double[][] {{-sus * inf, 0}, {sus * inf, -inf}, {0, inf}}, at.values(Point.parameterJacobian(s)));
    }

    @Test
    void vanDerPol() {
        OdeSystem s = Models.sample("vanderpol.ode");
        Point at = Point.nearDefaults(s, 7, 0.5);
        double x = at.y()[0], y = at.y()[1], mu = at.p()[0];
        assertMatrix(new double[][] {{0, 1}, {-2 * mu * x * y - 1, mu * (1 - x * x)}}, at.values(Point.jacobian(s)));
        assertMatrix(new double[][] {{0}, {(1 - x * x) * y}}, at.values(Point.parameterJacobian(s)));
    }

    /** Robertson's kinetics, the stiff sample: rate constants 12 orders of magnitude apart in one Jacobian. */
    @Test
    void robertson() {
        OdeSystem s = Models.sample("robertson.ode");
        Point at = Point.nearDefaults(s, 11, 0.5);
        double y2 = at.y()[1], y3 = at.y()[2], k1 = at.p()[0], k2 = at.p()[1], k3 = at.p()[2];
        assertMatrix(new double[][] {{-k1, k3 * y3, k3 * y2}, {k1, -k3 * y3 - 2 * k2 * y2, -k3 * y2}, {0, 2 * k2 * y2, 0}},
                at.values(Point.jacobian(s)));
        double y1 = at.y()[0];
        assertMatrix(new double[][] {{-y1, 0, y2 * y3}, {y1, -y2 * y2, -y2 * y3}, {0, y2 * y2, 0}},
                at.values(Point.parameterJacobian(s)));
    }

    /** Arrays and an unrolled loop with periodic indices: a banded Jacobian whose other entries are structural zeros. */
    @Test
    void lorenz96() {
        OdeSystem s = Models.sample("lorenz96.ode");
        int n = s.stateCount();
        assertEquals(40, n);
        Point at = Point.nearDefaults(s, 7, 0.5);
        double[] x = at.y();
        Derivatives jac = Point.jacobian(s);
        double[][] expected = new double[n][n];
        for (int i = 0; i < n; i++) {
            int next = (i + 1) % n, prev = (i + n - 1) % n, prev2 = (i + n - 2) % n;
            expected[i][next] += x[prev];
            expected[i][prev2] -= x[prev];
            expected[i][prev] += x[next] - x[prev2];
            expected[i][i] -= 1;
            for (int j = 0; j < n; j++) {
                boolean band = j == next || j == prev || j == prev2 || j == i;
                assertEquals(band, !jac.entry(i, j).equals(Algebra.ZERO), "structure of entry " + i + ", " + j);
            }
        }
        assertMatrix(expected, at.values(jac));
        double[][] ones = new double[n][1];
        for (double[] row : ones) {
            row[0] = 1;
        }
        assertMatrix(ones, at.values(Point.parameterJacobian(s)));
        // The only non-leaf derivatives are d(advection[i])/d(x[i-1]) = x[i+1] - x[i-2], one let each.
        assertEquals(s.lets().size() + n, jac.lets().size());
        assertTrue(jac.lets().subList(0, s.lets().size()).equals(s.lets()), "the dynamics' lets come first, unchanged");
        assertTrue(jac.rows().stream().flatMap(java.util.List::stream).allMatch(e -> !(e instanceof Expr.Binary)),
                "entries are leaves or negated leaves");
    }

    private static void assertMatrix(double[][] expected, double[][] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double[] row = expected[i];
            double scale = java.util.Arrays.stream(row).map(Math::abs).max().orElse(1);
            assertArrayEquals(row, actual[i], HAND * Math.max(1, scale), "row " + i);
        }
    }
}
