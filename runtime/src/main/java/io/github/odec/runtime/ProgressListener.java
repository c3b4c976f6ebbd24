package io.github.odec.runtime;

/**
 * Told how many instances of a solve are done, after each chunk. Called from whichever thread
 * finished the chunk, so calls may arrive concurrently and out of order (a smaller count after a
 * larger one): keep the largest. Must be cheap and must not throw; the driver allocates nothing
 * per call.
 */
@FunctionalInterface
public interface ProgressListener {

    /** The listener of a plain solve: nothing to tell. */
    ProgressListener NONE = (done, total) -> {};

    /** {@code done} of {@code total} instances are finished (solved, or skipped after a failure). */
    void instancesDone(int done, int total);
}
