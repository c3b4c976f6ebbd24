package io.github.odec.cli.results;

import java.nio.ByteBuffer;
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

    /** A number cell as the binary formats (npy, Parquet) store it: an 8-byte integer, or a real in the table's precision. */
    void putNumber(ByteBuffer out, Column.Kind kind, ChunkRows chunk, int column, int row) {
        switch (kind) {
            case INTEGER -> out.putLong(chunk.integer(column, row));
            case REAL -> {
                if (f32) {
                    out.putFloat((float) chunk.real(column, row));
                } else {
                    out.putDouble(chunk.real(column, row));
                }
            }
            case TEXT -> throw new IllegalArgumentException("column " + column + " holds text, not numbers");
        }
    }
}
