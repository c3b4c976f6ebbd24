package io.github.odec.runtime.cpu;

import io.github.odec.runtime.ProgressListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.odec.runtime.Batch;
import io.github.odec.runtime.DecayFactory;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Solver;
import io.github.odec.runtime.SolverOptions;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The progress hook: one call per chunk, counts that add up to the batch, results unchanged. */
class ProgressListenerTest {

    private static Batch batch(int n) {
        Batch batch = new Batch(DecayFactory.LAYOUT, n).state("u[1]", 3.0).param("k", 2.0).span(0, 1);
        for (int i = 0; i < n; i++) {
            batch.param("k", i, 1 + i % 7);
        }
        return batch;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 8})
    void reportsEveryChunkUpToTheWholeBatch(int threads) {
        // Repeated: a call arriving after solve returned would be a race that one run rarely shows.
        for (int round = 0; round < 50; round++) {
            solveAndCountReports(threads);
        }
    }

    private static void solveAndCountReports(int threads) {
        int n = 1000;
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger largest = new AtomicInteger();
        AtomicLong wrongTotals = new AtomicLong();
        ProgressListener listener = (done, total) -> {
            calls.incrementAndGet();
            largest.accumulateAndGet(done, Math::max);
            if (total != n || done < 1 || done > n) {
                wrongTotals.incrementAndGet();
            }
        };
        DecayFactory factory = new DecayFactory();
        SolverOptions options = SolverOptions.defaults().withThreads(threads);
        Solution reported = new Solver(CpuBackend.shared().withProgress(listener)).solve(factory, batch(n), options);

        assertEquals(0, wrongTotals.get(), "every call has total = n and 1 <= done <= n");
        assertEquals(n, largest.get(), "the last chunk reports the whole batch");
        // One call per chunk, all of them before solve returned; the generated solver is called once per chunk.
        assertEquals(factory.solveCalls.get(), calls.get());
        int chunk = CpuBackend.chunkSize(n, threads);
        assertEquals((n + chunk - 1) / chunk, calls.get());

        Solution plain = Solver.cpu().solve(new DecayFactory(), batch(n), options);
        for (int i = 0; i < n; i += 97) {
            assertEquals(plain.finalState(i)[0], reported.finalState(i)[0], "instance " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void aThrowingListenerNeitherHangsNorFailsTheSolve(int threads) {
        ProgressListener broken = (done, total) -> {
            throw new IllegalStateException("display gone");
        };
        Solution s = new Solver(CpuBackend.shared().withProgress(broken))
                .solve(new DecayFactory(), batch(200), SolverOptions.defaults().withThreads(threads));
        assertTrue(s.allSucceeded());
        assertEquals(Math.exp(-1.0), s.finalState(0)[0] / 1.0, 1e-15, "y0 = 1, k = 1, t = 1: exact by construction");
    }
}
