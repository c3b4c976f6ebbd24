package io.github.odec.cli.csv;

import io.github.odec.cli.output.OutputTransaction;
import io.github.odec.cli.results.CsvTableWriter;
import io.github.odec.cli.results.StatisticsRows;
import io.github.odec.cli.results.Table;
import io.github.odec.cli.results.ValueRows;
import io.github.odec.runtime.Solution;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a whole solution as CSV ({@link CsvTableWriter} over {@link ValueRows} and {@link StatisticsRows},
 * which {@code odec solve} writes chunk by chunk). Values: {@code instance,t,<state names>,<observe names>}, one row per instance and
 * evaluation time, or one row per instance with the final time and state when the batch had no
 * evaluation times. Statistics: {@link #STATISTICS_HEADER}, with {@link io.github.odec.runtime.Status}
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
    public static final String STATISTICS_HEADER = String.join(",", StatisticsRows.COLUMNS);

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
        Table table = ValueRows.table(solution.layout(), solution.precision(), solution.instances());
        new CsvTableWriter(table, writer).write(new ValueRows(solution, 0));
    }

    public static void writeStatistics(Solution solution, Writer writer) throws IOException {
        Table table = StatisticsRows.table(solution.precision(), solution.instances());
        new CsvTableWriter(table, writer).write(new StatisticsRows(solution, 0));
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
