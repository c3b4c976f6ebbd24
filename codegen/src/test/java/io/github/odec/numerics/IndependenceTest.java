package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every instance reads and writes only its own slots, so its results are bit-identical whatever
 * the batch around it: compared with doubleToRawLongBits against the same instance solved alone.
 */
class IndependenceTest {

    private static final int EVALS = 8;

    @Test
    void mixedBatchMatchesInstancesSolvedAlone() throws InterruptedException {
        CompiledSolver solver = Solvers.of(TestSystems.vanDerPol(), "dopri5", StepControllerKind.INTEGRAL, true);
        Random random = new Random(20261128);
        int n = 256;
        SolveBuffers b = TestBatch.create(n, 2, 1, EVALS);
        for (int i = 0; i < n; i++) {
            double t0 = random.nextDouble() * 4 - 2;
            double span = (1 + random.nextDouble() * 14) * (random.nextBoolean() ? 1 : -1);
            TestBatch.set(b, i, new double[] {random.nextDouble() * 4 - 2, random.nextDouble() * 2 - 1}, t0, t0 + span,
                    1 + random.nextDouble() * 4);
            b.reals(Slot.RTOL)[i] = Math.pow(10, -4 - 5 * random.nextDouble());
            b.reals(Slot.ATOL)[i] = Math.pow(10, -4 - 5 * random.nextDouble());
            if (random.nextInt(4) == 0) {
                b.reals(Slot.DT0)[i] = 0.01 + random.nextDouble() * 0.1;
            }
            if (random.nextInt(3) == 0) {
                // Uneven evaluation times, some of them at t0.
                for (int k = 0; k < EVALS; k++) {
                    double f = k < 2 ? 0.0 : Math.pow((double) k / (EVALS - 1), 2);
                    b.reals(Slot.EVAL_TIMES)[i * EVALS + k] = b.reals(Slot.T0)[i] + f * span;
                }
            }
            if (i % 37 == 5) {
                b.ints(Slot.MAX_STEPS)[i] = 20;
            }
            if (i % 41 == 7) {
                b.reals(Slot.DT_MIN)[i] = 0.2;
            }
        }
        solver.solve(b, 0, n);
        assertSameAsAlone(solver, b);
        int failures = 0;
        for (int i = 0; i < n; i++) {
            failures += b.ints(Slot.STATUS)[i] != Status.SUCCESS.code() ? 1 : 0;
        }
        assertTrue(failures >= 7, "the batch includes instances that stop early: " + failures);

        // Two threads on disjoint halves give the same bits again.
        SolveBuffers again = TestBatch.copyInputs(b);
        Thread upper = Thread.ofPlatform().start(() -> solver.solve(again, n / 2, n));
        solver.solve(again, 0, n / 2);
        upper.join();
        assertSameAsAlone(solver, again);
    }

    @Test
    void failingInstancesStopAloneAndLeaveTheOthersUntouched() {
        CompiledSolver solver = Solvers.of(TestSystems.blowUp(), "dopri5", StepControllerKind.INTEGRAL, true);
        SolveBuffers b = TestBatch.create(5, 1, 0, EVALS);
        TestBatch.set(b, 0, new double[] {-1.0}, 0.0, 2.0);
        TestBatch.set(b, 1, new double[] {1.0}, 0.0, 2.0);      // blows up at t = 1
        TestBatch.set(b, 2, new double[] {0.1}, 0.0, 2.0);
        TestBatch.set(b, 3, new double[] {0.3}, 0.0, 2.0);
        b.ints(Slot.MAX_STEPS)[3] = 3;
        TestBatch.set(b, 4, new double[] {0.4}, 0.0, 2.0);
        b.reals(Slot.DT_MIN)[4] = 10.0;
        solver.solve(b, 0, 5);
        assertEquals(Status.SUCCESS, Status.ofCode(b.ints(Slot.STATUS)[0]));
        assertEquals(Status.INFINITE_NORM, Status.ofCode(b.ints(Slot.STATUS)[1]));
        assertEquals(Status.SUCCESS, Status.ofCode(b.ints(Slot.STATUS)[2]));
        assertEquals(Status.REACHED_MAX_STEPS, Status.ofCode(b.ints(Slot.STATUS)[3]));
        assertEquals(Status.REACHED_DT_MIN, Status.ofCode(b.ints(Slot.STATUS)[4]));
        // y = y0 / (1 - y0 t); dopri5 at the default 1e-6 tolerances.
        assertEquals(-1.0 / 3.0, b.reals(Slot.Y_FINAL)[0], 1e-5);
        assertEquals(0.1 / 0.8, b.reals(Slot.Y_FINAL)[2], 1e-5);
        assertSameAsAlone(solver, b);
    }

    /** torchode's PID controller corrupts a batch holding a zero-length span; here it is one more instance. */
    @Test
    void zeroLengthSpansUnderPidLeaveTheOthersAlone() {
        CompiledSolver solver = Solvers.of(TestSystems.vanDerPol(), "tsit5", StepControllerKind.PID, true);
        int n = 12;
        SolveBuffers b = TestBatch.create(n, 2, 1, EVALS,
                new io.github.odec.runtime.spi.ControllerCoefficients(0.9, 0.2, 10.0, 0.3, 0.3, 0.1));
        for (int i = 0; i < n; i++) {
            double t1 = i % 4 == 0 ? 0.5 : 0.5 + i; // every fourth instance: t0 == t1
            TestBatch.set(b, i, new double[] {2.0 - 0.1 * i, 0.0}, 0.5, t1, 1.0 + 0.25 * i);
        }
        solver.solve(b, 0, n);
        for (int i = 0; i < n; i += 4) {
            assertEquals(Status.SUCCESS.code(), b.ints(Slot.STATUS)[i]);
            assertEquals(0, b.ints(Slot.STEPS)[i]);
            assertEquals(2.0 - 0.1 * i, b.reals(Slot.Y_FINAL)[i * 2]);
        }
        assertSameAsAlone(solver, b);
    }

    /**
     * The array layout shares its scratch vectors between the instances of one solve call; every
     * element is written before it is read, so instances stay independent there too.
     */
    @Test
    void arrayLayoutInstancesAreIndependentToo() {
        CompiledSolver solver = Solvers.of(TestSystems.lorenz96(12), "tsit5", StepControllerKind.PID, true);
        Random random = new Random(7);
        int n = 16;
        SolveBuffers b = TestBatch.create(n, 12, 1, EVALS,
                new io.github.odec.runtime.spi.ControllerCoefficients(0.9, 0.2, 10.0, 0.3, 0.3, 0.1));
        for (int i = 0; i < n; i++) {
            double[] x0 = new double[12];
            for (int j = 0; j < 12; j++) {
                x0[j] = 8.0 + random.nextGaussian();
            }
            TestBatch.set(b, i, x0, 0.0, (random.nextBoolean() ? 1 : -1) * (0.5 + random.nextDouble()),
                    6.0 + 4.0 * random.nextDouble());
            b.reals(Slot.RTOL)[i] = b.reals(Slot.ATOL)[i] = Math.pow(10, -5 - 3 * random.nextDouble());
        }
        b.ints(Slot.MAX_STEPS)[3] = 4;
        solver.solve(b, 0, n);
        assertEquals(Status.REACHED_MAX_STEPS.code(), b.ints(Slot.STATUS)[3]);
        assertSameAsAlone(solver, b);
    }

    /** Every output slot of instance i (its block of the slot's width) holds the bits it gets when solved alone. */
    private static void assertSameAsAlone(CompiledSolver solver, SolveBuffers b) {
        for (int i = 0; i < b.instances; i++) {
            SolveBuffers one = TestBatch.single(b, i);
            solver.solve(one, 0, 1);
            for (Slot slot : Slot.values()) {
                if (!slot.output()) {
                    continue;
                }
                int w = slot.width(b);
                for (int e = 0; e < w; e++) {
                    String at = "instance " + i + " " + slot + "[" + e + "]";
                    switch (slot.element()) {
                        case REAL -> TestBatch.assertBits(one.reals(slot)[e], b.reals(slot)[i * w + e], at);
                        case INT -> assertEquals(one.ints(slot)[e], b.ints(slot)[i * w + e], at);
                    }
                }
            }
        }
    }
}
