package io.github.odec.runtime.cpu;

import io.github.odec.runtime.Backend;
import io.github.odec.runtime.ProgressListener;
import io.github.odec.runtime.SolveFailedException;
import io.github.odec.runtime.SolverOptions;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Runs a compiled solver on CPU threads. Instances are independent, so [0, N) is cut into chunks
 * that participants claim one at a time from a shared counter: a chunk of stiff instances does not
 * hold up the rest. The calling thread is a participant too, so a batch of one chunk never wakes
 * anybody. Workers are daemon platform threads that live as long as the process and spin briefly
 * before parking, so back-to-back solves find them awake.
 *
 * <p>Results never depend on the thread count: each instance is solved by exactly one call of
 * the generated solver, which reads and writes that instance's slots only.
 */
public final class CpuBackend implements Backend {

    private static final CpuBackend SHARED = new CpuBackend();

    /** Chunks per participant, for balance when instances differ in cost. */
    private static final int CHUNKS_PER_THREAD = 8;

    /** Solves waiting for helpers; several callers may solve at once. */
    private final ConcurrentLinkedQueue<ChunkedJob> jobs = new ConcurrentLinkedQueue<>();
    private volatile Worker[] workers = new Worker[0];

    /** The process-wide backend; its workers are shared by every solve. */
    public static CpuBackend shared() {
        return SHARED;
    }

    @Override
    public void run(CompiledSolver solver, SolveBuffers buffers, SolverOptions options) {
        run(solver, buffers, options.threads());
    }

    /**
     * This backend, telling {@code progress} after each chunk how many instances are done; for a
     * progress bar; what {@code Solver.cpu(listener)} runs on. Off by default.
     */
    public Backend withProgress(ProgressListener progress) {
        Objects.requireNonNull(progress, "progress");
        return (solver, buffers, options) -> run(solver, buffers, options.threads(), progress);
    }

    /** Solves all instances with up to {@code threads} threads, the caller included. */
    public void run(CompiledSolver solver, SolveBuffers buffers, int threads) {
        run(solver, buffers, threads, ProgressListener.NONE);
    }

    /** As {@link #run(CompiledSolver, SolveBuffers, int)}, reporting finished instances to {@code progress}. */
    public void run(CompiledSolver solver, SolveBuffers buffers, int threads, ProgressListener progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        int n = buffers.instances;
        if (n == 0) {
            return;
        }
        int chunk = chunkSize(n, threads);
        int chunks = (n + chunk - 1) / chunk;
        int helpers = Math.min(threads - 1, chunks - 1);
        ChunkedJob job = new ChunkedJob(solver, buffers, chunk, helpers, Thread.currentThread(), progress);
        if (helpers > 0) {
            Worker[] available = ensureWorkers(helpers);
            jobs.add(job);
            for (int w = 0; w < helpers; w++) {
                available[w].wake();
            }
        }
        try {
            job.runChunks();
            job.awaitCompletion();
        } finally {
            if (helpers > 0) {
                jobs.remove(job);
            }
        }
        Throwable failure = job.failure();
        if (failure != null) {
            throw new SolveFailedException("the compiled solver failed on instances " + job.failedRange() + ": "
                    + failure, failure);
        }
    }

    static int chunkSize(int n, int threads) {
        if (threads == 1) {
            return n;
        }
        return Math.max(1, n / (threads * CHUNKS_PER_THREAD));
    }

    /** The first job in the queue that still has chunks and a free seat, or null. */
    ChunkedJob claimJob() {
        for (ChunkedJob job : jobs) {
            if (job.hasChunksLeft() && job.takeSeat()) {
                return job;
            }
        }
        return null;
    }

    private synchronized Worker[] ensureWorkers(int count) {
        Worker[] current = workers;
        if (current.length >= count) {
            return current;
        }
        Worker[] grown = Arrays.copyOf(current, count);
        for (int w = current.length; w < count; w++) {
            grown[w] = new Worker(this, w);
            grown[w].start();
        }
        workers = grown;
        return grown;
    }

    /** Worker threads started so far (they are never stopped). */
    int workerCount() {
        return workers.length;
    }
}
