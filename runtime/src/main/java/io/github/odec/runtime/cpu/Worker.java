package io.github.odec.runtime.cpu;

import java.util.concurrent.locks.LockSupport;

/**
 * A daemon platform thread that helps with whatever solve is queued, then spins a little (a
 * following solve finds it awake) and parks until woken again.
 */
final class Worker {

    /** Spin this long after the last chunk before parking; waking a parked thread costs tens of µs. */
    private static final long SPIN_NANOS = 50_000;

    private final CpuBackend backend;
    private final Thread thread;

    Worker(CpuBackend backend, int index) {
        this.backend = backend;
        this.thread = Thread.ofPlatform().daemon(true).name("odec-cpu-worker-" + index).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    /** Unpark is permit-based: a wake that comes before the worker parks is not lost. */
    void wake() {
        LockSupport.unpark(thread);
    }

    private void loop() {
        long idleSince = System.nanoTime();
        while (true) {
            ChunkedJob job = backend.claimJob();
            if (job != null) {
                job.runChunks();
                idleSince = System.nanoTime();
            } else if (System.nanoTime() - idleSince < SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                idleSince = System.nanoTime();
            }
        }
    }
}
