package io.github.odec.runtime;

import static io.github.odec.runtime.BatchTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every value check names the argument and the instance, and runs before anything is solved
 * (the factory is never asked for a solver when a check fails).
 */
class ValidationTest {

    private final DecayFactory factory = new DecayFactory();

    /** Valid as it stands: three instances, span [0, 2]. */
    private static Batch valid() {
        return new Batch(DecayFactory.LAYOUT, 3).state("u[1]", 3.0).param("k", 0.5).span(0, 2);
    }

    private void assertRejected(Batch batch, SolverOptions options, String... fragments) {
        assertMessage(() -> Solver.cpu().solve(factory, batch, options), fragments);
        assertTrue(factory.requested.isEmpty(), "nothing may be compiled or solved before validation passes");
    }

    private void assertExactly(Batch batch, String message) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Solver.cpu().solve(factory, batch, SolverOptions.defaults()));
        assertEquals(message, e.getMessage());
    }

    private void assertRejected(Batch batch, String... fragments) {
        assertRejected(batch, SolverOptions.defaults(), fragments);
    }

    @Test
    void theValidBatchSolves() {
        assertTrue(Solver.cpu().solve(factory, valid(), SolverOptions.defaults()).allSucceeded());
    }

    @Test
    void nonFiniteInitialStatesAndParameters() {
        assertRejected(valid().state("u[0]", 1, Double.NaN), "y0 'u[0]' of instance 1 is NaN");
        assertRejected(valid().state("y", 2, Double.NEGATIVE_INFINITY), "y0 'y' of instance 2 is -Infinity");
        assertRejected(valid().param("scale", 0, Double.POSITIVE_INFINITY), "param 'scale' of instance 0 is Infinity");
        assertRejected(valid().params(new double[][] {{1, 1}, {Double.NaN, 1}, {1, 1}}), "param 'k' of instance 1 is NaN");
    }

    /** A chunk of a larger batch (numberedFrom) names instances by their number in the batch. */
    @Test
    void aChunkNamesInstancesInTheWholeBatch() {
        assertExactly(valid().numberedFrom(1_000_000, 5_000_000).state("y", 2, Double.NaN),
                "y0 'y' of instance 1000002 is NaN; it must be finite");
        assertExactly(valid().numberedFrom(6, 9).rtol(-1),
                "rtol must be finite and > 0, got -1.0 (in instances 6 to 8 of 9)");
        assertExactly(valid().numberedFrom(0, 3).rtol(-1), "rtol must be finite and > 0, got -1.0 (in all 3 instances)");
        assertThrows(InvalidInputException.class, () -> valid().numberedFrom(7, 9));
    }

    @Test
    void valuesWithoutDefaultMustBeGiven() {
        Batch noU1 = new Batch(DecayFactory.LAYOUT, 2).param("k", 1).span(0, 1).state("u[1]", 0, 1.0);
        assertRejected(noU1, "y0 'u[1]' of instance 1 has no value and the system gives no default");
        Batch noK = new Batch(DecayFactory.LAYOUT, 2).state("u[1]", 1.0).span(0, 1).param("k", 1, 2.0);
        assertRejected(noK, "param 'k' of instance 0 has no value");
    }

    @Test
    void spans() {
        Batch noSpan = new Batch(DecayFactory.LAYOUT, 2).state("u[1]", 3.0).param("k", 0.5);
        assertRejected(noSpan, "span of instance 0 is not set");
        assertRejected(new Batch(DecayFactory.LAYOUT, 1).state("u[1]", 3.0).param("k", 0.5).t0(0, 0.0),
                "t1 of instance 0 is not set");
        assertRejected(valid().span(1, Double.NaN, 2), "t0 of instance 1 is NaN");
        assertRejected(valid().span(2, 0, Double.POSITIVE_INFINITY), "t1 of instance 2 is Infinity");
    }

    /** Both ends finite, the length not: evaluation times and steps would be NaN and infinite. */
    @Test
    void aSpanWhoseLengthOverflowsIsRejected() {
        assertRejected(valid().span(1, -1e308, 1e308),
                "span of instance 1 is [-1.0E308, 1.0E308]; its length t1 - t0 overflows to Infinity");
        assertRejected(valid().span(2, Double.MAX_VALUE, -Double.MAX_VALUE).evalTimesEvenlySpaced(3),
                "span of instance 2 is [1.7976931348623157E308, -1.7976931348623157E308]; its length t1 - t0 overflows to -Infinity");
        // The largest spans that do not overflow are still valid.
        valid().span(1, -0.5e308, 1e308).validate();
    }

    @Test
    void aZeroLengthSpanIsValid() {
        // Such an instance returns y0 with SUCCESS; torchode's PID controller corrupts its batch on one.
        valid().span(1, 3, 3).evalTimes(new double[][] {{0, 1}, {3, 3}, {0, 2}}).validate();
    }

    @Test
    void evaluationTimes() {
        // Shared times on a shared span: one message for the whole batch.
        assertExactly(valid().evalTimes(0.5, 0.25), "evalTimes at index 1 is 0.25 after 0.5: not sorted in the "
                + "direction of integration (increasing) (in all 3 instances)");
        assertRejected(valid().span(2, 2, 0).evalTimes(new double[][] {{0, 1}, {0, 1}, {1.5, 1.8}}),
                "evalTimes of instance 2 at index 1 is 1.8", "decreasing");
        assertExactly(valid().evalTimes(0.5, 2.5), "evalTimes at index 1 is 2.5, outside the span [0.0, 2.0] (in all 3 instances)");
        // Rows of their own may differ in length; each is checked over its own points.
        assertRejected(valid().evalTimes(new double[][] {{0, 1, 2}, {3}, {}}),
                "evalTimes of instance 1 at index 0 is 3.0, outside the span [0.0, 2.0]");
        assertRejected(valid().span(1, 1, 2).evalTimes(0.5, 1.5), "evalTimes of instance 1 at index 0 is 0.5, outside");
        assertRejected(valid().evalTimes(new double[][] {{0, 1}, {0, Double.NaN}, {0, 1}}),
                "evalTimes of instance 1 at index 1 is NaN");
    }

    @Test
    void tolerances() {
        assertRejected(valid().atol(1, 0.0), "atol of instance 1 must be finite and > 0, got 0.0");
        assertRejected(valid().rtol(2, -1e-3), "rtol of instance 2 must be finite and > 0, got -0.001");
        assertExactly(valid().rtol(Double.NaN), "rtol must be finite and > 0, got NaN (in all 3 instances)");
        assertExactly(valid().atol(Double.POSITIVE_INFINITY), "atol must be finite and > 0, got Infinity (in all 3 instances)");
        assertExactly(new Batch(DecayFactory.LAYOUT, 1).state("u[1]", 3.0).param("k", 0.5).span(0, 2).atol(-1),
                "atol must be finite and > 0, got -1.0");
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Solver.cpu().solve(factory,
                valid().state("y", 0, Double.NaN).atol(2, -1), SolverOptions.defaults()));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("2 invalid inputs:"), e.getMessage());
    }

    /** A bad shared value is one problem, whatever the batch size; the message names it in the API's terms. */
    @Test
    void aBadSharedValueIsOneProblem() {
        Batch batch = new Batch(DecayFactory.LAYOUT, 1000).param("k", 0.5).span(0, Double.NaN).rtol(-1);
        InvalidInputException e = assertThrows(InvalidInputException.class, batch::validate);
        assertEquals(List.of("y0 'u[1]' has no value and the system gives no default (in all 1000 instances)",
                "t1 is NaN; it must be finite (in all 1000 instances)",
                "rtol must be finite and > 0, got -1.0 (in all 1000 instances)"), e.problems());
        assertEquals(List.of(InputArgument.RTOL), e.inputProblems().get(2).arguments());
        assertEquals("3 invalid inputs:\n  state 'u[1]' has no value and the system gives no default (in all 1000 instances)"
                        + "\n  T1 is NaN; it must be finite (in all 1000 instances)"
                        + "\n  RTOL must be finite and > 0, got -1.0 (in all 1000 instances)",
                e.message(a -> a == InputArgument.Y0 ? "state" : a.name()));
    }

    @Test
    void longListsAreCut() {
        Batch batch = new Batch(DecayFactory.LAYOUT, 100).state("u[1]", 3.0).param("k", 0.5).span(0, 1);
        for (int i = 0; i < 100; i++) {
            batch.atol(i, -1 - i); // a different bad value in each instance: one problem each
        }
        InvalidInputException e = assertThrows(InvalidInputException.class, batch::validate);
        assertEquals(ProblemList.MAX_LISTED, e.problems().size());
        assertTrue(e.getMessage().contains("... and 80 more"), e.getMessage());
    }

    @Test
    void optionCombinations() {
        assertRejected(valid(), SolverOptions.defaults().withController(StepControllerKind.FIXED),
                "dt0 must be > 0 with the FIXED controller");
        assertRejected(valid(), SolverOptions.defaults().withDtMin(1).withDtMax(0.5),
                "dtMin (1.0) must not exceed dtMax (0.5)");
        assertRejected(valid(), SolverOptions.defaults().withController(StepControllerKind.PI,
                new ControllerCoefficients(0.9, 2, 1, 0, 1, 0)), "controller coefficients", "factorMin");
        // A rejection must shrink the step: safety and factorMin below 1.
        assertRejected(valid(), SolverOptions.defaults().withController(StepControllerKind.PID,
                new ControllerCoefficients(1.0, 0.2, 10, 0, 1, 0)), "controller coefficients", "0 < safety < 1");
        assertRejected(valid(), SolverOptions.defaults().withController(StepControllerKind.PID,
                new ControllerCoefficients(0.9, 1.0, 10, 0, 1, 0)), "controller coefficients", "0 < factorMin < 1");
        // In any order: FIXED then dt0 is fine.
        assertTrue(Solver.cpu().solve(factory, valid(),
                SolverOptions.defaults().withController(StepControllerKind.FIXED).withDt0(0.1).withMethod(Method.RK4))
                .allSucceeded());
    }

    @Test
    void singleOptionsAreRejectedByTheirWither() {
        assertMessage(() -> SolverOptions.defaults().withMaxSteps(0), "maxSteps must be >= 1, got 0");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SolverOptions.defaults().withDtMin(-1));
        assertEquals("--dt-min must be finite and >= 0, got -1.0", e.message(a -> a == InputArgument.DT_MIN ? "--dt-min" : "?"));
        assertMessage(() -> SolverOptions.defaults().withDt0(-1), "dt0", "got -1.0");
        assertMessage(() -> SolverOptions.defaults().withDt0(Double.NaN), "dt0", "NaN");
        assertMessage(() -> SolverOptions.defaults().withDtMin(-0.5), "dtMin", "got -0.5");
        assertMessage(() -> SolverOptions.defaults().withDtMax(0), "dtMax must be > 0");
        assertMessage(() -> SolverOptions.defaults().withThreads(0), "threads must be >= 1");
        assertMessage(() -> SolverOptions.defaults().withMethod(Method.named(" ")), "method");
    }

    @Test
    void aBatchOfAnotherSystemIsRejected() {
        SystemLayout other = new SystemLayout("other", List.of("x"), List.of(0.0), List.of(), List.of());
        assertRejected(new Batch(other, 1).span(0, 1), "batch is for system 'other'", "'decay'");
    }

    @Test
    void unknownMethodComesFromTheFactory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Solver.cpu().solve(factory, valid(), SolverOptions.defaults().withMethod(Method.named("euler2"))));
        assertTrue(e.getMessage().contains("euler2"));
    }
}
