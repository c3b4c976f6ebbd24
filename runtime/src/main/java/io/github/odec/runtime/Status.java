package io.github.odec.runtime;

/**
 * How one instance's solve ended. The solver stops that instance only. The codes are what generated
 * solvers and kernels write, so they never change meaning; 1 is unused (it was a general error that
 * nothing ever reported).
 */
public enum Status {
    SUCCESS(0),
    REACHED_DT_MIN(2),
    REACHED_MAX_STEPS(3),
    /**
     * A non-finite state or error estimate that shrinking the step did not cure: after such a trial the
     * step fell below dtMin or could no longer move t (with FIXED steps: at once). The instance keeps
     * its last accepted, finite point.
     */
    INFINITE_NORM(4);

    private final int code;

    Status(int code) {
        this.code = code;
    }

    /** The code that generated solvers write into {@code SolveBuffers.status}. */
    public int code() {
        return code;
    }

    public static Status ofCode(int code) {
        for (Status s : values()) {
            if (s.code == code) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status code " + code);
    }
}
