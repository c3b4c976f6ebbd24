package io.github.odec.parse;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs work that recurses as deep as the source nests (parsing, checking, lowering) on a thread with
 * a stack of its own, so that whether a file compiles does not depend on the caller's stack. At the
 * nesting bound ({@link OdecParsing#MAX_NESTING}), checking takes up to about 512 KiB and lowering a
 * power chain about 800 KiB (measured, interpreted or compiled frames), close to the JVM's default
 * 1 MiB, and a caller (a build tool, an application) may already have used part of its stack. A
 * thread costs tens of microseconds, next to javac's hundreds of milliseconds.
 */
public final class OwnStack {

    /** Reserved, not committed: the memory is touched only as deep as the recursion goes. */
    public static final long STACK_BYTES = 64L << 20;

    private OwnStack() {}

    public static <T> T call(String name, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable t) {
                failure.set(t);
            }
        }, name, STACK_BYTES);
        thread.setDaemon(true);
        thread.start();
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the work is short and cannot be cancelled halfway; finish it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return result.get();
    }
}
