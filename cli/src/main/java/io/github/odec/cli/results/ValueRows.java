package io.github.odec.cli.results;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The values table of one chunk: {@code instance,t,<states>}, a row per instance and evaluation time, or
 * one row per instance with its final time and state where it had no evaluation times. Instances are
 * numbered in the whole batch: the chunk's first is {@code first}.
 */
public final class ValueRows implements ChunkRows {

    private final Solution solution;
    private final long first;
    /** {@code rowStart[i]}: the first row of the chunk's instance i; one more entry for the end. */
    private final int[] rowStart;
    /** Per row, its instance within the chunk: the writers go down a column, and a search per cell would cost more. */
    private final int[] rowInstance;

    public ValueRows(Solution solution, long first) {
        this.solution = solution;
        this.first = first;
        int n = solution.instances();
        rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = rowStart[i] + Math.max(solution.evalCount(i), 1);
        }
        rowInstance = new int[rowStart[n]];
        for (int i = 0; i < n; i++) {
            for (int r = rowStart[i]; r < rowStart[i + 1]; r++) {
                rowInstance[r] = i;
            }
        }
    }

    /** The values table's columns. */
    public static Table table(SystemLayout layout, Precision precision, long rows) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("instance", Column.Kind.INTEGER));
        columns.add(new Column("t", Column.Kind.REAL));
        for (String name : layout.stateNames()) {
            columns.add(new Column(name, Column.Kind.REAL));
        }
        return new Table(columns, precision == Precision.F32, rows, 0);
    }

    @Override
    public int rows() {
        return rowInstance.length;
    }

    @Override
    public long integer(int column, int row) {
        return first + rowInstance[row];
    }

    @Override
    public double real(int column, int row) {
        int i = rowInstance[row];
        boolean finalOnly = solution.evalCount(i) == 0;
        int k = row - rowStart[i];
        if (column == 1) {
            return finalOnly ? solution.finalTime(i) : solution.evalTime(i, k);
        }
        return finalOnly ? solution.finalValue(i, column - 2) : solution.value(i, k, column - 2);
    }

    @Override
    public String text(int column, int row) {
        throw new IllegalArgumentException("the values table has no text column");
    }
}
