package io.github.odec.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects input problems so that one check reports all of them at once, not the first only; the
 * first {@value #MAX_LISTED} are kept, so one bad column of a million rows stays readable.
 *
 * @param <E> the exception that carries them to the user
 */
public final class ProblemList<E extends RuntimeException> {

    public static final int MAX_LISTED = 20;

    /** Makes the exception from the listed problems and the total count. */
    public interface ExceptionFactory<E extends RuntimeException> {
        E create(List<String> listed, int total);
    }

    private final ExceptionFactory<E> exception;
    private final List<String> listed = new ArrayList<>();
    private int total;

    public ProblemList(ExceptionFactory<E> exception) {
        this.exception = exception;
    }

    public void add(String problem) {
        total++;
        if (listed.size() < MAX_LISTED) {
            listed.add(problem);
        }
    }

    public void throwIfAny() {
        if (total > 0) {
            throw exception.create(List.copyOf(listed), total);
        }
    }
}
