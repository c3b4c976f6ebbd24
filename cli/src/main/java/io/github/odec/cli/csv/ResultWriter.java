package io.github.odec.cli.csv;

import io.github.odec.cli.output.OutputTransaction;
import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Statistics;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a solution as CSV. Values: {@code instance,t,<state names>,<observe names>}, one row per
 * instance and evaluation time, or one row per instance with the final time and state when the
 * batch had no evaluation times; an observe is one value per instance, repeated on its rows. Statistics: {@link #STATISTICS_HEADER}, with {@link io.github.odec.runtime.Status}
 * names; the step sizes are magnitudes, NaN where no step was accepted, and t_stop is where the
 * instance stopped (t1 on success). f64 results are written with
 * {@link Double#toString} and f32 results with {@link Float#toString} (the shortest decimal that
 * reads back as the same float: {@code 0.99}, not the widened {@code 0.9900000095367432}), so they
 * read back exactly in their precision; points an instance never reached are NaN. An instance with
 * fewer evaluation times than others has fewer rows; one with none gets its final-state row.
 * Files are written by {@link OutputTransaction}: a failed write leaves the old file, not half a new one.
 */
public final class ResultWriter {

    /** The statistics columns; those after n_initialized came later and are appended so positions stay. */
    public static final String STATISTICS_HEADER =
            "instance,status,n_f_evals,n_steps,n_accepted,n_initialized,n_rejected,h_last,h_min,h_max,t_stop";

    private ResultWriter() {}

    public static void writeValues(Solution solution, Path file) throws IOException {
        OutputTransaction.write(file, writer -> writeValues(solution, writer));
    }

    public static void writeStatistics(Solution solution, Path file) throws IOException {
        OutputTransaction.write(file, writer -> writeStatistics(solution, writer));
    }

    /** The values table on a stream (stdout); the stream is flushed, not closed. */
    public static void printValues(Solution solution, PrintStream out) {
        print(out, writer -> writeValues(solution, writer));
    }

    public static void printStatistics(Solution solution, PrintStream out) {
        print(out, writer -> writeStatistics(solution, writer));
    }

    public static void writeValues(Solution solution, Writer writer) throws IOException {
        StringBuilder line = new StringBuilder("instance,t");
        for (String name : solution.layout().stateNames()) {
            line.append(',').append(name);
        }
        for (String name : solution.layout().observeNames()) {
            line.append(',').append(name);
        }
        writer.append(line).append('\n');
        int states = solution.layout().stateCount();
        boolean f32 = solution.precision() == Precision.F32;
        double[] observes = new double[solution.layout().observeCount()];
        for (int i = 0; i < solution.instances(); i++) {
            for (int o = 0; o < observes.length; o++) {
                observes[o] = solution.observe(i, solution.layout().observeNames().get(o));
            }
            if (solution.evalCount(i) == 0) {
                writeRow(writer, line, i, solution.finalTime(i), solution.finalState(i), observes, f32);
            } else {
                for (int k = 0; k < solution.evalCount(i); k++) {
                    double[] state = new double[states];
                    for (int j = 0; j < states; j++) {
                        state[j] = solution.value(i, k, j);
                    }
                    writeRow(writer, line, i, solution.evalTime(i, k), state, observes, f32);
                }
            }
        }
    }

    public static void writeStatistics(Solution solution, Writer writer) throws IOException {
        writer.append(STATISTICS_HEADER).append('\n');
        boolean f32 = solution.precision() == Precision.F32;
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < solution.instances(); i++) {
            Statistics s = solution.statistics(i);
            line.setLength(0);
            line.append(i).append(',').append(solution.status(i).name()).append(',').append(s.fEvals()).append(',')
                    .append(s.steps()).append(',').append(s.accepted()).append(',').append(s.initialized()).append(',')
                    .append(s.rejected()).append(',').append(number(s.hLast(), f32)).append(',')
                    .append(number(s.hMin(), f32)).append(',').append(number(s.hMax(), f32)).append(',')
                    .append(number(s.tStop(), f32)).append('\n');
            writer.append(line);
        }
    }

    private static void writeRow(Writer writer, StringBuilder line, int instance, double t, double[] state,
                                 double[] observes, boolean f32) throws IOException {
        line.setLength(0);
        line.append(instance).append(',').append(number(t, f32));
        for (double v : state) {
            line.append(',').append(number(v, f32));
        }
        for (double v : observes) {
            line.append(',').append(number(v, f32));
        }
        writer.append(line).append('\n');
    }

    /**
     * An f32 solver computed in floats and evaluated at each time rounded to float, so its values
     * and times are written as those floats.
     */
    private static String number(double v, boolean f32) {
        return f32 ? Float.toString((float) v) : Double.toString(v);
    }

    private static void print(PrintStream out, OutputTransaction.Content content) {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        try {
            content.writeTo(writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.checkError()) { // a PrintStream keeps its write errors (a full disk) to itself until asked
            throw new UncheckedIOException(new IOException("the write to the stream failed"));
        }
    }
}
