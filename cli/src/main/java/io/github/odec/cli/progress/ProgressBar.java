package io.github.odec.cli.progress;

import io.github.odec.runtime.ProgressListener;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A one-line progress bar on stderr for long solves. The solver's threads only record the count
 * (one atomic max per chunk); a daemon painter thread waits {@code delayMillis} (so quick solves
 * show nothing) and then redraws the line a few times a second. {@link #close()} erases it, so the
 * summary line that follows starts clean.
 */
public final class ProgressBar implements ProgressListener, AutoCloseable {

    private static final long REDRAW_MILLIS = 200;
    private static final int BAR_WIDTH = 30;

    private final AtomicInteger done = new AtomicInteger();
    private volatile int total;
    private final PrintWriter err;
    private final long started = System.nanoTime();
    private final Thread painter;
    private volatile boolean closed;
    /** Written by the painter only, read by close() after joining it. */
    private int drawnWidth;

    private ProgressBar(PrintWriter err, int total, long delayMillis) {
        this.err = err;
        this.total = total;
        this.painter = Thread.ofPlatform().daemon().name("odec-progress").unstarted(() -> paint(delayMillis));
    }

    /** Starts a bar for {@code total} instances that appears after {@code delayMillis} if the solve still runs. */
    public static ProgressBar start(PrintWriter err, int total, long delayMillis) {
        ProgressBar bar = new ProgressBar(err, total, delayMillis);
        bar.painter.start();
        return bar;
    }

    /** Whether a bar would be seen: redrawing a line only makes sense on a terminal, not in a log file. */
    public static boolean terminalAttached() {
        Console console = System.console();
        return console != null && console.isTerminal();
    }

    @Override
    public void instancesDone(int doneNow, int totalNow) {
        total = totalNow;
        done.accumulateAndGet(doneNow, Math::max);
    }

    private void paint(long delayMillis) {
        try {
            Thread.sleep(delayMillis);
            while (!closed) {
                String line = renderNow((System.nanoTime() - started) / 1e9);
                synchronized (err) {
                    err.print("\r" + line);
                    err.flush();
                }
                drawnWidth = line.length();
                Thread.sleep(REDRAW_MILLIS);
            }
        } catch (InterruptedException e) {
            // close() ends the painter.
        }
    }

    /** Stops the painter and erases the bar if it was drawn. */
    @Override
    public void close() {
        closed = true;
        painter.interrupt();
        try {
            painter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (drawnWidth > 0) {
            err.print("\r" + " ".repeat(drawnWidth) + "\r");
            err.flush();
        }
    }

    /** The bar for the counts received so far. */
    String renderNow(double seconds) {
        return render(done.get(), total, seconds);
    }

    /** {@code [#########.....]  512/1024 instances  3.2 s}; total 0 reads as nothing done yet. */
    public static String render(int done, int total, double seconds) {
        int filled = total <= 0 ? 0 : (int) ((long) BAR_WIDTH * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]  " + done + "/" + total
                + " instances  " + String.format(Locale.ROOT, "%.1f s", seconds);
    }
}
