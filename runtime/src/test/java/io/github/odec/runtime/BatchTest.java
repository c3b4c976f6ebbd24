package io.github.odec.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import org.junit.jupiter.api.Test;

/** How a batch turns shared, per-instance and named inputs (and defaults) into solver buffers. */
class BatchTest {

    private static Batch batch(int n) {
        return new Batch(DecayFactory.LAYOUT, n);
    }

    /** A batch whose required values (u[1], k, span) are set, so it validates. */
    private static Batch complete(int n) {
        return batch(n).state("u[1]", 3.0).param("k", 0.5).span(0, 1);
    }

    private static SolveBuffers filled(Batch b) {
        b.validate();
        return SolveBufferPacking.inputs(b, SolverOptions.defaults());
    }

    @Test
    void unsetValuesTakeTheLayoutDefaultsAndTolerancesScipys() {
        SolveBuffers b = filled(complete(2));
        assertArrayEquals(new double[] {1, 2, 3, 1, 2, 3}, b.reals(Slot.Y0));
        assertArrayEquals(new double[] {0.5, 1, 0.5, 1}, b.reals(Slot.PARAMS));
        assertArrayEquals(new double[] {1e-6, 1e-6}, b.reals(Slot.ATOL));
        assertArrayEquals(new double[] {1e-3, 1e-3}, b.reals(Slot.RTOL));
        assertEquals(0, b.evalCount);
    }

    @Test
    void sharedArraysThenPerInstanceNamedOverrides() {
        Batch batch = batch(3).y0(new double[] {10, 20, 30}).params(new double[] {0.1, 2}).span(0, 5)
                .state("u[0]", 1, -1.0).param("scale", 2, 7.0).span(2, 5, 0).atol(1, 1e-9).rtol(0, 1e-5);
        SolveBuffers b = filled(batch);
        assertArrayEquals(new double[] {10, 20, 30, 10, -1, 30, 10, 20, 30}, b.reals(Slot.Y0));
        assertArrayEquals(new double[] {0.1, 2, 0.1, 2, 0.1, 7}, b.reals(Slot.PARAMS));
        assertArrayEquals(new double[] {0, 0, 5}, b.reals(Slot.T0));
        assertArrayEquals(new double[] {5, 5, 0}, b.reals(Slot.T1));
        assertArrayEquals(new double[] {1e-6, 1e-9, 1e-6}, b.reals(Slot.ATOL));
        assertArrayEquals(new double[] {1e-5, 1e-3, 1e-3}, b.reals(Slot.RTOL));
    }

    @Test
    void perInstanceArrays() {
        Batch batch = batch(2).y0(new double[][] {{1, 2, 3}, {4, 5, 6}}).params(new double[][] {{1, 2}, {3, 4}})
                .span(new double[] {0, 1}, new double[] {2, 3}).atol(new double[] {1e-7, 1e-8})
                .rtol(new double[] {1e-4, 1e-5});
        SolveBuffers b = filled(batch);
        assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, b.reals(Slot.Y0));
        assertArrayEquals(new double[] {1, 2, 3, 4}, b.reals(Slot.PARAMS));
        assertArrayEquals(new double[] {0, 1}, b.reals(Slot.T0));
        assertArrayEquals(new double[] {2, 3}, b.reals(Slot.T1));
        assertArrayEquals(new double[] {1e-7, 1e-8}, b.reals(Slot.ATOL));
        assertArrayEquals(new double[] {1e-4, 1e-5}, b.reals(Slot.RTOL));
    }

    @Test
    void sharedPerInstanceAndEvenlySpacedEvaluationTimes() {
        assertArrayEquals(new double[] {0.5, 1, 0.5, 1}, filled(complete(2).evalTimes(0.5, 1)).reals(Slot.EVAL_TIMES));
        assertArrayEquals(new double[] {0.2, 0.4, 0.1, 0.3},
                filled(complete(2).evalTimes(new double[][] {{0.2, 0.4}, {0.1, 0.3}})).reals(Slot.EVAL_TIMES));
        // Instance 1 runs backwards from 4 to 1: its points run backwards too, and end on t1 exactly.
        SolveBuffers even = filled(complete(2).span(1, 4, 1).evalTimesEvenlySpaced(4));
        assertArrayEquals(new double[] {0, 1 / 3.0, 2 / 3.0, 1, 4, 3, 2, 1}, even.reals(Slot.EVAL_TIMES), 1e-15);
        assertEquals(1.0, even.reals(Slot.EVAL_TIMES)[3]);
        assertEquals(0, filled(complete(2).evalTimes(0.5).evalTimes()).evalCount, "no times: final state only");
    }

    @Test
    void theBatchKeepsCopiesNotTheCallersArrays() {
        double[] times = {0.25, 0.5};
        double[] shared = {5, 6, 7};
        Batch batch = complete(1).evalTimes(times).y0(shared);
        times[0] = 99;
        shared[0] = 99;
        SolveBuffers b = filled(batch);
        assertArrayEquals(new double[] {0.25, 0.5}, b.reals(Slot.EVAL_TIMES));
        assertArrayEquals(new double[] {5, 6, 7}, b.reals(Slot.Y0));
    }

    @Test
    void emptyBatchIsValid() {
        SolveBuffers b = filled(batch(0).evalTimes(new double[0][]));
        assertEquals(0, b.instances);
    }

    @Test
    void wrongShapesAreRejectedWhereTheyAreSet() {
        assertMessage(() -> batch(2).y0(new double[] {1, 2}), "y0", "expected 3 values", "y, u[0], u[1]", "got 2");
        assertMessage(() -> batch(2).y0(new double[3][3]), "y0", "expected 2 rows", "got 3");
        assertMessage(() -> batch(2).y0(new double[][] {{1, 2, 3}, {1, 2}}), "y0 row of instance 1", "got 2");
        assertMessage(() -> batch(2).params(new double[] {1}), "params", "k, scale", "got 1");
        assertMessage(() -> batch(2).params(new double[][] {{1, 2}, {1, 2, 3}}), "params row of instance 1");
        assertMessage(() -> batch(2).span(new double[] {0}, new double[] {1, 2}), "t0", "expected 2", "got 1");
        assertMessage(() -> batch(2).atol(new double[3]), "atol", "expected 2", "got 3");
        assertMessage(() -> batch(2).rtol(new double[1]), "rtol", "expected 2", "got 1");
        assertMessage(() -> batch(2).evalTimes(new double[3][]), "evalTimes", "expected 2 rows", "got 3");
        assertMessage(() -> batch(2).evalTimesEvenlySpaced(1), "evalTimesEvenlySpaced", "at least 2", "got 1");
        assertMessage(() -> new Batch(DecayFactory.LAYOUT, -1), "batch size", "-1");
    }

    @Test
    void unknownNamesListTheKnownOnes() {
        assertMessage(() -> batch(1).state("v", 1.0), "unknown state component 'v'", "'decay'", "y, u[0], u[1]");
        assertMessage(() -> batch(1).state("u[2]", 0, 1.0), "'u[2]'", "y, u[0], u[1]");
        assertMessage(() -> batch(1).param("mu", 1.0), "unknown parameter 'mu'", "k, scale");
        assertMessage(() -> batch(1).param("K", 0, 1.0), "unknown parameter 'K'", "k, scale");
    }

    @Test
    void instanceIndicesAreChecked() {
        assertMessage(() -> batch(2).state("y", 2, 1.0), "instance 2", "batch of 2");
        assertMessage(() -> batch(2).param("k", -1, 1.0), "instance -1");
        assertMessage(() -> batch(2).span(5, 0, 1), "instance 5");
        assertMessage(() -> batch(2).atol(2, 1e-3), "instance 2");
    }

    static void assertMessage(Runnable action, String... fragments) {
        InvalidInputException e = assertThrows(InvalidInputException.class, action::run);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + e.getMessage());
        }
    }
}
