package io.github.odec.cli.results;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.Statistics;
import io.github.odec.runtime.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statistics table of one chunk, a row per instance: its number in the batch, its {@link Status}
 * name, the counters, the step sizes (magnitudes, NaN where no step was accepted) and where it stopped.
 */
public final class StatisticsRows implements ChunkRows {

    /** The columns; those after n_initialized came later and are appended so positions stay. */
    public static final List<String> COLUMNS = List.of("instance", "status", "n_f_evals", "n_steps", "n_accepted",
            "n_initialized", "n_rejected", "h_last", "h_min", "h_max", "t_stop");

    private final Solution solution;
    private final long first;

    public StatisticsRows(Solution solution, long first) {
        this.solution = solution;
        this.first = first;
    }

    public static Table table(Precision precision, long rows) {
        List<Column> columns = new ArrayList<>();
        for (String name : COLUMNS) {
            Column.Kind kind = name.equals("status") ? Column.Kind.TEXT
                    : name.startsWith("n_") || name.equals("instance") ? Column.Kind.INTEGER : Column.Kind.REAL;
            columns.add(new Column(name, kind));
        }
        int width = Arrays.stream(Status.values()).mapToInt(s -> s.name().length()).max().orElseThrow();
        return new Table(columns, precision == Precision.F32, rows, width);
    }

    @Override
    public int rows() {
        return solution.instances();
    }

    @Override
    public long integer(int column, int row) {
        Statistics s = solution.statistics(row);
        return switch (column) {
            case 0 -> first + row;
            case 2 -> s.fEvals();
            case 3 -> s.steps();
            case 4 -> s.accepted();
            case 5 -> s.initialized();
            case 6 -> s.rejected();
            default -> throw new IllegalArgumentException("column " + column + " is not an integer");
        };
    }

    @Override
    public double real(int column, int row) {
        Statistics s = solution.statistics(row);
        return switch (column) {
            case 7 -> s.hLast();
            case 8 -> s.hMin();
            case 9 -> s.hMax();
            case 10 -> s.tStop();
            default -> throw new IllegalArgumentException("column " + column + " is not a real");
        };
    }

    @Override
    public String text(int column, int row) {
        return solution.status(row).name();
    }
}
