package io.github.odec.runtime.cpu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.DecayFactory;
import io.github.odec.runtime.Method;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.SolveFailedException;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.Status;
import io.github.odec.runtime.StepControllerKind;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.ControllerCoefficients;
import io.github.odec.runtime.spi.SolveBuffers;
import io.github.odec.runtime.spi.SolverSignature;
import io.github.odec.runtime.spi.SolverSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked driver: every instance exactly once, results independent of threads, failures surface. */
class CpuBackendTest {

    private static final CpuBackend BACKEND = CpuBackend.shared();

    /** Instance i: y0 = (i, 2i, 3i) / 7, k = 1 + i % 13, span [0, 1 + i % 5], 4 evenly spaced points. */
    private static Batch batch(int n) {
        double[][] y0 = new double[n][];
        Batch batch = new Batch(DecayFactory.LAYOUT, n).evalTimesEvenlySpaced(4);
        for (int i = 0; i < n; i++) {
            y0[i] = new double[] {i / 7.0, 2 * i / 7.0, 3 * i / 7.0};
            batch.param("k", i, 1 + i % 13).span(i, 0, 1 + i % 5);
        }
        return batch.y0(y0);
    }

    private static Solution solve(int n, int threads) {
        return Solver.cpu().solve(new DecayFactory(), batch(n), SolverOptions.defaults().withThreads(threads));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 1000})
    void resultsAreBitIdenticalFor1And2And7Threads(int n) {
        Solution one = solve(n, 1);
        for (int threads : new int[] {2, 7}) {
            Solution many = solve(n, threads);
            assertEquals(n, many.instances());
            for (int i = 0; i < n; i++) {
                assertArrayEquals(one.finalState(i), many.finalState(i), "instance " + i);
                assertEquals(one.finalTime(i), many.finalTime(i));
                assertEquals(one.status(i), many.status(i));
                assertEquals(one.statistics(i), many.statistics(i));
                for (int k = 0; k < one.evalCount(); k++) {
                    assertArrayEquals(one.state(i, k), many.state(i, k));
                }
            }
        }
        if (n == 1000) {
            // And they are the right numbers, not merely the same ones.
            assertEquals(999 / 7.0 * Math.exp(-(1 + 999 % 13) * (1.0 + 999 % 5)), one.finalState(999)[0]);
            assertEquals(n, one.count(Status.SUCCESS));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7, 16})
    void everyInstanceIsSolvedExactlyOnce(int threads) {
        int n = 1009;
        AtomicIntegerArray visits = new AtomicIntegerArray(n);
        BACKEND.run(countingSolver(visits), buffers(n), threads);
        for (int i = 0; i < n; i++) {
            assertEquals(1, visits.get(i), "instance " + i);
        }
    }

    @Test
    void aSingleThreadSolvesInOneCallOnTheCaller() {
        List<String> threads = new ArrayList<>();
        CompiledSolver recording = solver((b, from, to) -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName() + " " + from + ".." + to);
            }
        });
        BACKEND.run(recording, buffers(50), 1);
        assertEquals(List.of(Thread.currentThread().getName() + " 0..50"), threads);
    }

    @Test
    void aFailureInAWorkerReachesTheCaller() {
        IllegalStateException boom = new IllegalStateException("boom");
        CompiledSolver failing = solver((b, from, to) -> {
            if (from <= 500 && 500 < to) {
                throw boom;
            }
        });
        SolveFailedException e = assertThrows(SolveFailedException.class, () -> BACKEND.run(failing, buffers(1000), 4));
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("boom"), e.getMessage());
        // The pool survives: the next solve runs normally.
        AtomicIntegerArray visits = new AtomicIntegerArray(100);
        BACKEND.run(countingSolver(visits), buffers(100), 4);
        assertEquals(1, visits.get(99));
    }

    @Test
    void concurrentSolvesShareThePoolAndStayCorrect() throws Exception {
        Solution reference = solve(300, 1);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            List<Future<Solution>> results = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                results.add(callers.submit(() -> solve(300, 3)));
            }
            for (Future<Solution> result : results) {
                Solution s = result.get();
                for (int i = 0; i < 300; i++) {
                    assertArrayEquals(reference.finalState(i), s.finalState(i));
                }
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void workersAreReusedNotStartedPerSolve() {
        for (int r = 0; r < 20; r++) {
            BACKEND.run(countingSolver(new AtomicIntegerArray(400)), buffers(400), 5);
        }
        assertTrue(BACKEND.workerCount() <= 15, "the pool grows to the most helpers asked for, not per solve: "
                + BACKEND.workerCount());
    }

    @Test
    void anInterruptedCallerStillWaitsForItsHelpersAndKeepsTheFlag() {
        AtomicIntegerArray visits = new AtomicIntegerArray(2000);
        CompiledSolver slowOnWorkers = solver((b, from, to) -> {
            if (Thread.currentThread().getName().startsWith("odec-cpu-worker-")) {
                long until = System.nanoTime() + 200_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        });
        Thread.currentThread().interrupt();
        BACKEND.run(slowOnWorkers, buffers(2000), 4);
        assertTrue(Thread.interrupted(), "the interrupt is restored for the caller to see");
        for (int i = 0; i < 2000; i++) {
            assertEquals(1, visits.get(i), "instance " + i);
        }
    }

    @Test
    void workersAreDaemonThreads() {
        BACKEND.run(countingSolver(new AtomicIntegerArray(100)), buffers(100), 3);
        List<Thread> workers = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("odec-cpu-worker-")).toList();
        assertTrue(workers.size() >= 2, workers.toString());
        assertTrue(workers.stream().allMatch(Thread::isDaemon), "workers must not keep the JVM alive");
    }

    @Test
    void chunksLeaveRoomForBalance() {
        assertEquals(1000, CpuBackend.chunkSize(1000, 1));
        assertEquals(17, CpuBackend.chunkSize(1000, 7));
        assertEquals(1, CpuBackend.chunkSize(3, 16));
    }

    private interface Body {
        void solve(SolveBuffers buffers, int from, int to);
    }

    private static CompiledSolver solver(Body body) {
        SolverSignature signature = new SolverSignature(DecayFactory.LAYOUT,
                new SolverSpec(Method.DOPRI5, StepControllerKind.INTEGRAL, Precision.F64, false), 5);
        return new CompiledSolver() {
            @Override
            public SolverSignature signature() {
                return signature;
            }

            @Override
            public void solve(SolveBuffers buffers, int from, int to) {
                body.solve(buffers, from, to);
            }
        };
    }

    private static CompiledSolver countingSolver(AtomicIntegerArray visits) {
        return solver((b, from, to) -> {
            for (int i = from; i < to; i++) {
                visits.incrementAndGet(i);
            }
        });
    }

    private static SolveBuffers buffers(int n) {
        return new SolveBuffers(n, 3, 2, 0, ControllerCoefficients.integral());
    }
}
