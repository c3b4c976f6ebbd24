package io.github.odec.cli;

/** What {@code odec} returns to the shell. */
public final class ExitCode {

    public static final int OK = 0;
    /** A mistake in the user's files or arguments' values: a message, no stack trace. */
    public static final int USER_ERROR = 1;
    /** The command line itself is wrong (unknown option, missing argument): usage is printed. */
    public static final int USAGE = 2;
    /** A solve ran to the end, but some instances ended with a failure status (see --stats). */
    public static final int FAILED_INSTANCES = 3;
    /** A bug in odec; {@code --verbose} shows the stack trace. */
    public static final int INTERNAL_ERROR = 4;

    private ExitCode() {}
}
