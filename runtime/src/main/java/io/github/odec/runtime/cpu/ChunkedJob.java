package io.github.odec.runtime.cpu;

import io.github.odec.runtime.ProgressListener;
import io.github.odec.runtime.spi.CompiledSolver;
import io.github.odec.runtime.spi.SolveBuffers;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/** One solve in progress: the chunk counter participants claim from, and what is left to do. */
final class ChunkedJob {

    /** How long the caller spins for its helpers before parking: their last chunks are usually short. */
    private static final long CALLER_SPIN_NANOS = 20_000;

    private final CompiledSolver solver;
    private final SolveBuffers buffers;
    private final int size;
    private final int chunk;
    private final Thread caller;
    private final ProgressListener progress;
    private final AtomicInteger nextStart = new AtomicInteger();
    private final AtomicInteger seats;
    /** Instances not yet done (solved, or skipped after a failure); 0 ends the job. */
    private final AtomicInteger unfinished;
    /** Instances counted for the progress listener; runs ahead of (size - unfinished). */
    private final AtomicInteger reported = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile String failedRange = "";

    ChunkedJob(CompiledSolver solver, SolveBuffers buffers, int chunk, int helperSeats, Thread caller,
               ProgressListener progress) {
        this.progress = progress;
        this.solver = solver;
        this.buffers = buffers;
        this.size = buffers.instances;
        this.chunk = chunk;
        this.caller = caller;
        this.seats = new AtomicInteger(helperSeats);
        this.unfinished = new AtomicInteger(size);
    }

    boolean hasChunksLeft() {
        return nextStart.get() < size;
    }

    boolean takeSeat() {
        return seats.getAndDecrement() > 0;
    }

    /** Claims and solves chunks until none are left. Never throws: a failure is kept for the caller. */
    void runChunks() {
        while (true) {
            int from = nextStart.getAndAdd(chunk);
            if (from >= size || from < 0) { // < 0: the counter overflowed past a batch near 2^31
                return;
            }
            int to = Math.min(size, from + chunk);
            try {
                if (failure.get() == null) {
                    solver.solve(buffers, from, to);
                }
            } catch (Throwable t) {
                if (failure.compareAndSet(null, t)) {
                    failedRange = "[" + from + ", " + to + ")";
                }
            } finally {
                // Reported before `unfinished` drops, so no call can arrive after the solve has returned.
                if (progress != ProgressListener.NONE) {
                    try {
                        progress.instancesDone(reported.addAndGet(to - from), size);
                    } catch (RuntimeException ignored) {
                        // A broken progress display must not lose the caller's wake-up below.
                    }
                }
                if (unfinished.addAndGet(-(to - from)) == 0) {
                    LockSupport.unpark(caller);
                }
            }
        }
    }

    /** Returns once every chunk is done; called by the job's own caller. */
    void awaitCompletion() {
        long spinUntil = System.nanoTime() + CALLER_SPIN_NANOS;
        boolean interrupted = false;
        while (unfinished.get() > 0) {
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                // park returns at once while the flag is set: clear it (and restore it below) so an
                // interrupted caller waits for its helpers without burning a core. Chunks already
                // claimed cannot be abandoned: they write into buffers the caller owns.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    Throwable failure() {
        return failure.get();
    }

    String failedRange() {
        return failedRange;
    }
}
