package io.github.odec.runtime;

import static io.github.odec.runtime.BatchTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.spi.SolverSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading a solution by instance, point and name; statuses and statistics. */
class SolutionTest {

    private final DecayFactory factory = new DecayFactory();

    /**
     * Instance i decays at k = i + 1 from y = 1, u[0] = 2, u[1] = 3 over [0, 2]; instance 3 has
     * k = 99 and stops at once with REACHED_MAX_STEPS.
     */
    private Solution solve(Batch batch) {
        return Solver.cpu().solve(factory, batch, SolverOptions.defaults().withMaxSteps(500));
    }

    private static Batch fourInstances() {
        return new Batch(DecayFactory.LAYOUT, 4).state("u[1]", 3.0).span(0, 2)
                .param("k", 0, 1).param("k", 1, 2).param("k", 2, 3).param("k", 3, 99);
    }

    @Test
    void valuesAtEvaluationTimesByNameAndIndex() {
        Solution s = solve(fourInstances().evalTimes(0.0, 0.5, 2.0));
        assertEquals(3, s.evalCount());
        assertEquals(4, s.instances());
        assertEquals(DecayFactory.LAYOUT, s.layout());
        // The double writes y0 * exp(-k t) with the same expression, so equality is exact.
        assertEquals(2 * Math.exp(-2 * 0.5), s.value(1, 1, "u[0]"));
        assertEquals(2 * Math.exp(-2 * 0.5), s.value(1, 1, 1));
        assertEquals(3 * Math.exp(-3 * 2.0), s.value(2, 2, "u[1]"));
        assertEquals(1.0, s.value(0, 0, "y"));
        assertEquals(0.5, s.evalTime(3, 1));
        assertArrayEquals(new double[] {Math.exp(-0.5), 2 * Math.exp(-0.5), 3 * Math.exp(-0.5)}, s.state(0, 1));
    }

    /** Rows of different lengths: each instance reads back its own points, the padding stays hidden. */
    @Test
    void instancesMayAskForDifferentNumbersOfPoints() {
        Solution s = solve(fourInstances().evalTimes(new double[][] {{0.5}, {0.0, 1.0, 2.0}, {}, {1.5, 2.0}}));
        assertEquals(3, s.evalCount(), "the buffers hold the most any instance asked for");
        assertEquals(List.of(1, 3, 0, 2), List.of(s.evalCount(0), s.evalCount(1), s.evalCount(2), s.evalCount(3)));
        assertEquals(Math.exp(-0.5), s.value(0, 0, "y"));
        assertEquals(2 * Math.exp(-2 * 2.0), s.value(1, 2, "u[0]"));
        assertEquals(2.0, s.evalTime(1, 2));
        assertEquals(1, s.statistics(0).initialized(), "the padding points are not counted");
        assertEquals(0, s.statistics(2).initialized());
        assertEquals(3 * Math.exp(-3 * 2.0), s.finalValue(2, "u[1]"), "no points: the final state only");
        IndexOutOfBoundsException beyond = assertThrows(IndexOutOfBoundsException.class, () -> s.value(0, 1, "y"));
        assertEquals("evaluation point 1 of 1 (instance 0 asked for 1)", beyond.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> s.evalTime(2, 0));
        assertTrue(Double.isNaN(s.value(3, 0, "y")), "instance 3 stops at t0 and reaches none of its points");
    }

    @Test
    void pointsAnInstanceNeverReachedReadNaN() {
        Solution s = solve(fourInstances().evalTimes(0.0, 1.0));
        assertTrue(Double.isNaN(s.value(3, 0, "y")));
        assertEquals(Status.REACHED_MAX_STEPS, s.status(3));
        assertEquals(0.0, s.finalTime(3), "stopped at t0");
        assertArrayEquals(new double[] {1, 2, 3}, s.finalState(3));
    }

    @Test
    void finalStatesAndTimes() {
        Solution s = solve(fourInstances());
        assertEquals(0, s.evalCount());
        assertEquals(2.0, s.finalTime(0));
        assertArrayEquals(new double[] {Math.exp(-4), 2 * Math.exp(-4), 3 * Math.exp(-4)}, s.finalState(1));
        assertEquals(3 * Math.exp(-6), s.finalValue(2, "u[1]"));
        double[] copy = s.finalState(0);
        copy[0] = 42;
        assertEquals(Math.exp(-2), s.finalState(0)[0], "finalState returns a copy");
        assertThrows(IllegalStateException.class, () -> s.value(0, 0, "y"), "no evaluation times were asked for");
        assertEquals(new SolverSpec(Method.DOPRI5, StepControllerKind.INTEGRAL, Precision.F64, false),
                factory.requested.getFirst(), "no eval times: a solver without dense output");
    }

    @Test
    void statusesStatisticsAndCounts() {
        Solution s = solve(fourInstances().evalTimes(1.0));
        assertEquals(new Statistics(121, 20, 20, 1), s.statistics(0));
        assertEquals(new Statistics(3001, 500, 500, 0), s.statistics(3));
        assertEquals(0, s.statistics(0).rejected());
        assertEquals(Status.SUCCESS, s.status(0));
        assertEquals(3, s.count(Status.SUCCESS));
        assertEquals(1, s.count(Status.REACHED_MAX_STEPS));
        assertFalse(s.allSucceeded());
        Map<Status, Integer> counts = s.countsByStatus();
        assertEquals(Status.values().length, counts.size());
        assertEquals(3, counts.get(Status.SUCCESS));
        assertEquals(1, counts.get(Status.REACHED_MAX_STEPS));
        assertEquals(0, counts.get(Status.INFINITE_NORM));
    }

    @Test
    void badNamesAndIndices() {
        Solution s = solve(fourInstances().evalTimes(1.0));
        assertMessage(() -> s.value(0, 0, "z"), "unknown state component 'z'", "y, u[0], u[1]");
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(4, 0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(0, 1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> s.value(0, 0, 3));
        assertThrows(IndexOutOfBoundsException.class, () -> s.status(-1));
    }
}
