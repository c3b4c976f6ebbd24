package io.github.odec.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.Solvers;
import io.github.odec.TestBatch;
import io.github.odec.TestSystems;
import io.github.odec.model.OdeSystem;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.Slot;
import io.github.odec.runtime.spi.SolveBuffers;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A generated solver allocates nothing per step: the unrolled layout nothing at all, the array
 * layout only its scratch vectors, once per solve call whatever the number of instances and steps.
 * Measured with the JDK's per-thread allocation counter, not with timings.
 */
class AllocationTest {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void unrolledSolverAllocatesNothing() {
        assertEquals(0, allocatedBySolve(TestSystems.vanDerPol(), 64, 2.0));
    }

    @Test
    void arraySolverAllocatesOnlyItsScratchOncePerCall() {
        int n = 40;
        long one = allocatedBySolve(TestSystems.lorenz96(n), 1, 8.0);
        long many = allocatedBySolve(TestSystems.lorenz96(n), 32, 8.0);
        // dopri5 with dense output and Hairer's step: 20 scratch arrays of 40 doubles (and one of parameters).
        assertTrue(one > 0 && one < 20 * (16 + 8 * n) + 1024, "one instance: " + one + " bytes");
        assertEquals(one, many, "32 instances and hundreds of steps allocate what one instance does");
    }

    private static long allocatedBySolve(OdeSystem system, int instances, double param) {
        CompiledSolver solver = Solvers.of(system, "dopri5", StepControllerKind.INTEGRAL, true);
        SolveBuffers b = TestBatch.create(instances, system.stateCount(), 1, 20);
        for (int i = 0; i < instances; i++) {
            double[] y0 = new double[system.stateCount()];
            for (int j = 0; j < y0.length; j++) {
                y0[j] = 1.0 + 0.01 * (i + j);
            }
            TestBatch.set(b, i, y0, 0.0, 2.0, param);
        }
        solver.solve(b, 0, instances);  // first call: class initialisation and linkage may allocate
        long tid = Thread.currentThread().threadId();
        long before = THREADS.getThreadAllocatedBytes(tid);
        solver.solve(b, 0, instances);
        long after = THREADS.getThreadAllocatedBytes(tid);
        assertTrue(b.ints(Slot.STEPS)[0] > 10, "the solve took steps");
        return after - before;
    }
}
