package io.github.odec.cli.results;

import io.github.odec.runtime.Precision;
import io.github.odec.runtime.Solution;
import io.github.odec.runtime.spi.SystemLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The values table of one chunk: {@code instance,t,<states>,<observes>}, a row per instance and evaluation
 * time, or one row per instance with its final time and state where it had no evaluation times; an
 * observe is one value per instance, repeated on each of its rows. Instances are
 * numbered in the whole batch: the chunk's first is {@code first}.
 */
public final class ValueRows implements ChunkRows {

    private final Solution solution;
    private final long first;
    /** {@code rowStart[i]}: the first row of the chunk's instance i; one more entry for the end. */
    private final int[] rowStart;
    /** The instance of the row last asked for: the writers go down the rows in order, so the next is here or next door. */
    private int cursor;

    public ValueRows(Solution solution, long first) {
        this.solution = solution;
        this.first = first;
        int n = solution.instances();
        rowStart = new int[n + 1];
        for (int i = 0; i < n; i++) {
            rowStart[i + 1] = rowStart[i] + Math.max(solution.evalCount(i), 1);
        }
    }

    /** The chunk's instance that {@code row} belongs to. */
    private int instanceOf(int row) {
        if (row >= rowStart[cursor] && row < rowStart[cursor + 1]) {
            return cursor;
        }
        if (cursor + 2 < rowStart.length && row >= rowStart[cursor + 1] && row < rowStart[cursor + 2]) {
            return ++cursor;
        }
        int found = Arrays.binarySearch(rowStart, row);
        // An exact hit may be one of several equal starts only if an instance had no rows, and every instance has one.
        cursor = found >= 0 ? found : -found - 2;
        return cursor;
    }

    /** The values table's columns. */
    public static Table table(SystemLayout layout, Precision precision, long rows) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("instance", Column.Kind.INTEGER));
        columns.add(new Column("t", Column.Kind.REAL));
        for (String name : layout.stateNames()) {
            columns.add(new Column(name, Column.Kind.REAL));
        }
        for (String name : layout.observeNames()) {
            columns.add(new Column(name, Column.Kind.REAL));
        }
        return new Table(columns, precision == Precision.F32, rows, 0);
    }

    @Override
    public int rows() {
        return rowStart[rowStart.length - 1];
    }

    @Override
    public long integer(int column, int row) {
        return first + instanceOf(row);
    }

    @Override
    public double real(int column, int row) {
        int i = instanceOf(row);
        boolean finalOnly = solution.evalCount(i) == 0;
        int k = row - rowStart[i];
        if (column == 1) {
            return finalOnly ? solution.finalTime(i) : solution.evalTime(i, k);
        }
        int j = column - 2;
        if (j >= solution.layout().stateCount()) {
            return solution.observe(i, j - solution.layout().stateCount());
        }
        return finalOnly ? solution.finalValue(i, j) : solution.value(i, k, j);
    }

    @Override
    public String text(int column, int row) {
        throw new IllegalArgumentException("the values table has no text column");
    }
}
