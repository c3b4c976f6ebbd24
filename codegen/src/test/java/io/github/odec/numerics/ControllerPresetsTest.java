package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The I, PI and PID presets on the problems of issue 14, where PID used to end REACHED_MAX_STEPS
 * after 50,000 attempts: every instance succeeds, PI and PID take at most twice the accepted steps
 * of I, and all three are as accurate as their tolerance against Hipparchus' DOP853 at 1e-13. The
 * accepted and rejected steps go to {@code target/controller-steps.md}, the table in
 * docs/solver-loop.md.
 */
class ControllerPresetsTest {

    private static final int POINTS = 20;
    private static final StepControllerKind[] KINDS = {StepControllerKind.INTEGRAL, StepControllerKind.PI,
        StepControllerKind.PID};
    private static final Map<String, double[][]> REFERENCES = new HashMap<>();
    private static final List<String> ROWS = new ArrayList<>();

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String method : new String[] {"dopri5", "tsit5"}) {
            for (StepControlProblems.Problem p : StepControlProblems.all()) {
                for (double tol : new double[] {1e-3, 1e-5, 1e-10}) {
                    cases.add(Arguments.of(method, p, tol));
                }
            }
        }
        return cases.stream();
    }

    /**
     * Accuracy: the global error of a local tolerance tol is tol times how much the trajectory amplifies
     * local errors. Measured (error / tol, relative to max(1, max |y_ref|), the table's last column): at most
     * 300 for every problem but the Pleiades at every tolerance and controller, so the bound is 1000 tol;
     * the Pleiades' close encounters amplify more (at most 400 at 1e-5 and 1e-10), bound 2000 tol, and at
     * 1e-3 their error is O(1) for all three controllers (2.2 for I), so it is not asserted there. A
     * controller that accepted steps at ten times the tolerance, or stopped early, fails these bounds.
     */
    @ParameterizedTest(name = "{0}, {1}, tol = {2}")
    @MethodSource("cases")
    void everyPresetSolvesAccuratelyInFewSteps(String method, StepControlProblems.Problem p, double tol) {
        int[] accepted = new int[KINDS.length];
        int[] rejected = new int[KINDS.length];
        double[] errors = new double[KINDS.length];
        for (int c = 0; c < KINDS.length; c++) {
            SolveBuffers b = solve(method, p, tol, KINDS[c]);
            String what = method + " " + KINDS[c] + " on " + p.name() + " at " + tol;
            assertEquals(Status.SUCCESS, Status.ofCode(b.ints(Slot.STATUS)[0]), what + " after " + b.ints(Slot.STEPS)[0] + " attempts");
            assertEquals(p.t1(), b.reals(Slot.T_FINAL)[0], what);
            assertEquals(POINTS, b.ints(Slot.INITIALIZED)[0], what);
            accepted[c] = b.ints(Slot.ACCEPTED)[0];
            rejected[c] = b.ints(Slot.STEPS)[0] - b.ints(Slot.ACCEPTED)[0];
            errors[c] = error(p, b);
            boolean pleiades = p.name().equals("Pleiades");
            if (!(pleiades && tol >= 1e-3)) {
                assertTrue(errors[c] < (pleiades ? 2000 : 1000) * tol, what + ": error " + errors[c]);
            }
            if (p.name().startsWith("Kepler")) {
                // One period: the exact solution is back at its initial state.
                assertTrue(OrderTest.maxError(TestBatch.yFinal(b, 0), p.y0()) < 1000 * tol, what + ": not back at y0");
            }
        }
        for (int c = 1; c < KINDS.length; c++) {
            assertTrue(accepted[c] <= 2 * accepted[0], method + " " + KINDS[c] + " on " + p.name() + " at " + tol
                    + ": " + accepted[c] + " accepted steps, I takes " + accepted[0]);
        }
        ROWS.add(String.format("| %s | %s | %.0e | %d / %d | %d / %d | %d / %d | %.1f / %.1f / %.1f |", method, p.name(), tol,
                accepted[0], rejected[0], accepted[1], rejected[1], accepted[2], rejected[2],
                errors[0] / tol, errors[1] / tol, errors[2] / tol));
    }

    @AfterAll
    static void writeTable() throws IOException {
        StringBuilder table = new StringBuilder("""
                | method | problem | rtol = atol | I accepted / rejected | PI accepted / rejected | PID accepted / rejected | error / tol (I / PI / PID) |
                | --- | --- | --- | --- | --- | --- | --- |
                """);
        ROWS.forEach(r -> table.append(r).append('\n'));
        Path out = Path.of("target", "controller-steps.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.print(table);
    }

    static SolveBuffers solve(String method, StepControlProblems.Problem p, double tol, StepControllerKind kind) {
        ControllerCoefficients coefficients = switch (kind) {
            case INTEGRAL -> ControllerCoefficients.integral();
            case PI -> ControllerCoefficients.pi();
            case PID -> ControllerCoefficients.pid();
            case FIXED -> throw new IllegalArgumentException();
        };
        SolveBuffers b = TestBatch.create(1, p.y0().length, p.params().length, POINTS, coefficients);
        TestBatch.set(b, 0, p.y0(), 0.0, p.t1(), p.params());
        b.reals(Slot.RTOL)[0] = b.reals(Slot.ATOL)[0] = tol;
        b.ints(Slot.MAX_STEPS)[0] = 50_000;
        Solvers.of(p.system(), method, kind, true).solve(b, 0, 1);
        return b;
    }

    /** The worst error at the evaluation points and the final state, relative to max(1, max |y_ref|). */
    private static double error(StepControlProblems.Problem p, SolveBuffers b) {
        double[] times = Arrays.copyOfRange(b.reals(Slot.EVAL_TIMES), 0, POINTS);
        double[][] ref = REFERENCES.computeIfAbsent(p.name(), n -> ReferenceSolutions.at(p.reference(), 0.0, p.y0(), times));
        if (p.name().startsWith("Kepler")) {
            // The reference itself against the closed form: back at y0 after exactly one period.
            assertTrue(OrderTest.maxError(ref[POINTS - 1], p.y0()) < 1e-10, "DOP853 reference after one Kepler period");
        }
        double scale = 1.0;
        for (double[] r : ref) {
            for (double v : r) {
                scale = Math.max(scale, Math.abs(v));
            }
        }
        double worst = OrderTest.maxError(TestBatch.yFinal(b, 0), ref[POINTS - 1]);
        for (int k = 0; k < POINTS; k++) {
            worst = Math.max(worst, OrderTest.maxError(TestBatch.ys(b, 0, k), ref[k]));
        }
        return worst / scale;
    }
}
