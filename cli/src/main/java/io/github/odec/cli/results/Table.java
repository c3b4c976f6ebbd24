package io.github.odec.cli.results;

import java.util.List;

/**
 * The shape of a results table, the same for every chunk: its columns, whether its reals are f32, and
 * how many rows all chunks together hold (npy's header states it before the first row).
 *
 * @param textWidth the longest text a TEXT column holds (npy stores text at a fixed width)
 */
public record Table(List<Column> columns, boolean f32, long rows, int textWidth) {

    public Table {
        columns = List.copyOf(columns);
    }
}
