package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.check.OrderConditions.Bounded;
import io.github.odec.check.TableauProblem.Part;
import io.github.odec.model.Rational;
import io.github.odec.model.Rosenbrock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The Rosenbrock order conditions: the standard library's methods meet theirs exactly at their claimed
 * orders and fail one order higher; the generated conditions agree with Hairer &amp; Wanner's Table IV.7.1,
 * written out by hand; a perturbed coefficient is rejected; the dense outputs have their orders.
 */
class RosenbrockOrderConditionsTest {

    private static Rosenbrock standard(String name) {
        return Frontend.standardRosenbrocks().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
    }

    private static Rosenbrock withOrders(Rosenbrock m, int order, int embedded) {
        return new Rosenbrock(m.name(), order, OptionalInt.of(embedded), m.gamma(), m.alpha(), m.gammas(), m.b(), m.bhat(),
                m.dense());
    }

    @Test
    void theStandardMethodsMeetTheirOrders() {
        for (String name : List.of("rosenbrock23", "rodas4", "rodas5p")) {
            assertEquals(List.of(), RosenbrockRules.check(standard(name)), name);
        }
        assertEquals(2, standard("rosenbrock23").order());
        assertEquals(OptionalInt.of(3), standard("rosenbrock23").embeddedOrder());
        assertEquals(4, standard("rodas4").order());
        assertEquals(OptionalInt.of(3), standard("rodas4").embeddedOrder());
        assertEquals(5, standard("rodas5p").order());
        assertEquals(OptionalInt.of(4), standard("rodas5p").embeddedOrder());
        assertEquals(List.of(3, 6, 8), List.of(standard("rosenbrock23").stages(), standard("rodas4").stages(),
                standard("rodas5p").stages()));
    }

    @Test
    void noStandardMethodMeetsOneOrderMore() {
        for (String name : List.of("rosenbrock23", "rodas4", "rodas5p")) {
            Rosenbrock m = standard(name);
            List<TableauProblem> problems = RosenbrockRules.check(withOrders(m, m.order() + 1, m.embeddedOrder().getAsInt() + 1));
            String prefix = "order " + (m.order() + 1) + " ";
            String embeddedPrefix = "order " + (m.embeddedOrder().getAsInt() + 1) + " ";
            assertTrue(problems.stream().anyMatch(p -> p.part() == Part.ORDER && p.message().startsWith(prefix)), name + ": " + problems);
            assertTrue(problems.stream().anyMatch(p -> p.part() == Part.EMBEDDED && p.message().startsWith(embeddedPrefix)),
                    name + ": " + problems);
            assertTrue(problems.stream().allMatch(p -> p.message().startsWith(prefix) || p.message().startsWith(embeddedPrefix)),
                    name + ": " + problems);
        }
    }

    /** rosenbrock23's b = (0, 1, 0) is second order but not third: b·α² = (1/2)² = 1/4, not 1/3. */
    @Test
    void rosenbrock23sWeightsFailTheBushyThirdOrderTree() {
        List<TableauProblem> problems = RosenbrockRules.check(withOrders(standard("rosenbrock23"), 3, 3));
        assertTrue(problems.stream().anyMatch(p -> p.message().equals("order 3 condition b·α² = 1/3 fails: residual -1/12")),
                problems::toString);
    }

    /**
     * Hairer &amp; Wanner II, Table IV.7.1, with their β_ij = α_ij + γ_ij off the diagonal and β_j = Σ_k β_jk:
     * the right-hand sides are polynomials in γ. Evaluated in doubles, independently of the tree code.
     */
    @Test
    void theConditionsAreHairerAndWannersTable() {
        for (String name : List.of("rodas4", "rodas5p")) {
            Rosenbrock m = standard(name);
            int s = m.stages();
            double g = m.gamma().toDouble();
            double[][] alpha = new double[s][s];
            double[][] beta = new double[s][s];
            double[] a = new double[s];
            double[] be = new double[s];
            double[] b = new double[s];
            for (int i = 0; i < s; i++) {
                b[i] = m.b().get(i).toDouble();
                for (int j = 0; j < i; j++) {
                    alpha[i][j] = m.alpha(i, j).toDouble();
                    beta[i][j] = alpha[i][j] + m.gamma(i, j).toDouble();
                    a[i] += alpha[i][j];
                    be[i] += beta[i][j];
                }
            }
            double o2 = 0, bushy3 = 0, tall3 = 0, bushy4 = 0, mixed4 = 0, betaBushy4 = 0, tall4 = 0;
            for (int j = 0; j < s; j++) {
                o2 += b[j] * be[j];
                bushy3 += b[j] * a[j] * a[j];
                bushy4 += b[j] * a[j] * a[j] * a[j];
                for (int k = 0; k < s; k++) {
                    tall3 += b[j] * beta[j][k] * be[k];
                    mixed4 += b[j] * a[j] * alpha[j][k] * be[k];
                    betaBushy4 += b[j] * beta[j][k] * a[k] * a[k];
                    for (int l = 0; l < s; l++) {
                        tall4 += b[j] * beta[j][k] * beta[k][l] * be[l];
                    }
                }
            }
            double tol = 1e-12;
            assertEquals(0.5 - g, o2, tol, name);
            assertEquals(1.0 / 3, bushy3, tol, name);
            assertEquals(1.0 / 6 - g + g * g, tall3, tol, name);
            assertEquals(0.25, bushy4, tol, name);
            assertEquals(1.0 / 8 - g / 3, mixed4, tol, name);
            assertEquals(1.0 / 12 - g / 3, betaBushy4, tol, name);
            assertEquals(1.0 / 24 - g / 2 + 1.5 * g * g - g * g * g, tall4, tol, name);
        }
    }

    @Test
    void aPerturbedCoefficientIsRejected() {
        Rosenbrock m = standard("rodas4");
        List<List<Rational>> alpha = new ArrayList<>(m.alpha());
        List<Rational> row = new ArrayList<>(alpha.get(3));
        row.set(1, row.get(1).plus(Rational.ofDecimal("1e-9")));
        alpha.set(3, row);
        Rosenbrock perturbed = new Rosenbrock(m.name(), m.order(), m.embeddedOrder(), m.gamma(), alpha, m.gammas(), m.b(),
                m.bhat(), m.dense());
        List<TableauProblem> problems = RosenbrockRules.check(perturbed);
        assertFalse(problems.isEmpty());
        assertTrue(problems.stream().anyMatch(p -> p.part() == Part.ORDER && p.message().startsWith("order 3 ")), problems::toString);

        List<List<Rational>> gammas = new ArrayList<>(m.gammas());
        List<Rational> grow = new ArrayList<>(gammas.get(2));
        grow.set(0, grow.get(0).plus(Rational.ofDecimal("1e-9")));
        gammas.set(2, grow);
        assertFalse(RosenbrockRules.check(new Rosenbrock(m.name(), m.order(), m.embeddedOrder(), m.gamma(), m.alpha(), gammas,
                m.b(), m.bhat(), m.dense())).isEmpty());

        Rosenbrock r23 = standard("rosenbrock23");
        assertFalse(RosenbrockRules.check(new Rosenbrock(r23.name(), r23.order(), r23.embeddedOrder(),
                r23.gamma().plus(Rational.ofDecimal("1e-12")), r23.alpha(), r23.gammas(), r23.b(), r23.bhat(), r23.dense())).isEmpty());
    }

    /**
     * y(t + θh) = y + Σ b_i(θ) k_i has order q when Σ_i b_i(θ) u_i(t) = θ^|t| / γ(t) for every tree with
     * |t| ≤ q, as polynomials in θ: the θ^k coefficient Σ_i d_ik u_i(t) is 1/γ(t) for k = |t| and 0 otherwise.
     */
    @Test
    void theDenseOutputsHaveTheirOrders() {
        assertEquals(2, denseOrder(standard("rosenbrock23")));
        assertEquals(3, denseOrder(standard("rodas4")));
        assertEquals(4, denseOrder(standard("rodas5p")));
    }

    private static int denseOrder(Rosenbrock m) {
        List<List<Rational>> d = m.dense().orElseThrow();
        RosenbrockOrderConditions.StageVectors vectors = new RosenbrockOrderConditions.StageVectors(m);
        int order = 0;
        for (RootedTree tree : RootedTrees.upToOrder(8)) {
            List<Bounded> u = vectors.of(tree);
            boolean holds = true;
            int degree = d.getFirst().size();
            for (int k = 1; k <= Math.max(degree, tree.order()) && holds; k++) {
                Bounded sum = Bounded.EXACT_ZERO;
                for (int i = 0; i < m.stages() && k <= degree; i++) {
                    sum = sum.plus(Bounded.coefficient(d.get(i).get(k - 1)).times(u.get(i)));
                }
                holds = sum.admits(k == tree.order() ? Rational.of(1, tree.density()) : Rational.ZERO);
            }
            if (!holds) {
                return tree.order() - 1;
            }
            order = tree.order();
        }
        return order;
    }

    @Test
    void formulasNameTheMatrices() {
        List<String> third = RootedTrees.upToOrder(3).stream().filter(t -> t.order() == 3)
                .map(t -> RosenbrockOrderConditions.formula(t, "b")).toList();
        assertEquals(List.of("b·B·B·1", "b·α²"), third.stream().sorted().toList());
        assertEquals(Optional.of("b·(α·A·B·1)"), RootedTrees.upToOrder(4).stream()
                .map(t -> RosenbrockOrderConditions.formula(t, "b")).filter(f -> f.contains("A·B")).findFirst());
    }
}
