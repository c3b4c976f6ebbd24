package io.github.odec.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.odec.runtime.spi.SystemLayout;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sizes are checked in long before anything is allocated; none of these tests allocates more than megabytes. */
class BatchMemoryTest {

    private static final SystemLayout ONE_STATE = new SystemLayout("one", List.of("y"), List.of(1.0), List.of(), List.of());

    @Test
    void theNumbersAreCountedInLongAndSaturateInsteadOfOverflowing() {
        BatchMemory m = new BatchMemory(1000, 3, 0, 3_000_000);
        assertEquals(9_000_000_000L, m.values());
        assertEquals(9_000_000_000L, m.largestArray());
        // per instance: inputs 9*3 + 34 = 61; buffers 16*3 + 8*3e6 + 8*9e6 + 88 = 96000136
        assertEquals(1000L * (61 + 96_000_136), m.solveBytes());
        assertEquals(Optional.of("= 9.0e9 values (96.0 GB in all), more than one Java array holds (2147483639 values)"),
                m.excess(Long.MAX_VALUE));
        assertEquals(Long.MAX_VALUE, new BatchMemory(Integer.MAX_VALUE, Integer.MAX_VALUE, 0, Integer.MAX_VALUE).values());
    }

    @Test
    void theHeapLimitAndHowManyInstancesFit() {
        BatchMemory m = new BatchMemory(100_000_000, 2, 1, 0);
        // per instance: inputs 9*2 + 9 + 34 = 61; buffers 32 + 8 + 88 = 128
        assertEquals(18_900_000_000L, m.solveBytes());
        assertEquals(Optional.of("= 2.0e8 values (18.9 GB in all), more than this JVM's heap (6.0 GB)"), m.excess(6_000_000_000L));
        assertEquals(6_000_000_000L / 189, m.maxInstances(6_000_000_000L));
        assertEquals(Optional.empty(), m.excess(20_000_000_000L));
        assertEquals(BatchMemory.MAX_ARRAY / 1000, new BatchMemory(1, 1, 0, 1000).maxInstances(Long.MAX_VALUE));
    }

    @Test
    void newBatchBeyondAnArrayIsInvalidInputNotArithmeticException() {
        SystemLayout three = new SystemLayout("three", List.of("a", "b", "c"), List.of(0.0, 0.0, 0.0), List.of(), List.of());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Batch(three, 800_000_000));
        assertEquals("new Batch(layout, size): size 800000000 of system 'three' (3 states, 0 parameters) needs 2.4e9 "
                + "initial values or parameters in one array, more than a Java array holds (2147483639); "
                + "solve it as several smaller batches, or give Java more heap (-Xmx)", e.getMessage());
    }

    @Test
    void newBatchBeyondTheHeapIsInvalidInput() {
        assumeTrue(BatchMemory.maxHeap() < 80_000_000_000L, "this JVM could hold 2e9 instances' inputs");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Batch(ONE_STATE, 2_000_000_000));
        assertEquals("new Batch(layout, size): size 2000000000 of system 'one' (1 states, 0 parameters) needs 86.0 GB "
                + "for the inputs alone, more than this JVM's heap (" + BatchMemory.bytes(BatchMemory.maxHeap())
                + "); solve it as several smaller batches, or give Java more heap (-Xmx)", e.getMessage());
    }

    @Test
    void evenlySpacedTimesBeyondAnArrayNameTheirArgument() {
        SystemLayout three = new SystemLayout("three", List.of("a", "b", "c"), List.of(0.0, 0.0, 0.0), List.of(), List.of());
        Batch batch = new Batch(three, 1000);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> batch.evalTimesEvenlySpaced(3_000_000));
        assertEquals("evalTimesEvenlySpaced(3000000): 1000 instances × 3000000 points × 3 states = 9.0e9 values "
                + "(96.0 GB in all), more than one Java array holds (2147483639 values); "
                + "use fewer points or solve the instances as several smaller batches", e.getMessage());
    }

    @Test
    void theSolverRefusesBuffersBeyondAnArrayBeforeValidatingOrAllocating() {
        DecayFactory factory = new DecayFactory();
        double[] times = new double[1_000_000]; // 8 MB, shared by every instance
        for (int k = 0; k < times.length; k++) {
            times[k] = k * 1e-6;
        }
        Batch batch = new Batch(DecayFactory.LAYOUT, 1000).span(0, 1).param("k", 1).evalTimes(times);
        Backend nothingMayRun = (solver, buffers, options) -> {
            throw new AssertionError("the solve must be refused before it runs");
        };
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new Solver(nothingMayRun).solve(factory, batch));
        long fits = new BatchMemory(1000, 3, 2, 1_000_000).maxInstances(BatchMemory.maxHeap());
        assertEquals(Math.min(715, BatchMemory.maxHeap() / 32_000_231), fits, "the array's limit or the heap's, the lower");
        assertEquals("the batch of 1000 instances × 1000000 evaluation times × 3 states = 3.0e9 values (32.0 GB in all), "
                + "more than one Java array holds (2147483639 values); solve at most " + fits + " instances per batch, "
                + "or give Java more heap (-Xmx)", e.getMessage());
        assertEquals(0, factory.solveCalls.get());
    }
}
