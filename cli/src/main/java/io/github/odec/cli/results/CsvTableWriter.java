package io.github.odec.cli.results;

import java.io.IOException;
import java.io.Writer;

/**
 * A table as CSV: a header of the column names, then a row per line. f64 reals are written with
 * {@link Double#toString} and f32 reals with {@link Float#toString} (the shortest decimal that reads back
 * as the same float: {@code 0.99}, not the widened {@code 0.9900000095367432}), so both read back exactly.
 */
public final class CsvTableWriter implements TableWriter {

    private final Table table;
    private final Writer writer;
    private final StringBuilder line = new StringBuilder();

    private boolean headerWritten;

    /** Writes nothing yet: the header goes with the first chunk, so a solve that fails first leaves standard output empty. */
    public CsvTableWriter(Table table, Writer writer) {
        this.table = table;
        this.writer = writer;
    }

    private void header() throws IOException {
        if (!headerWritten) {
            for (int c = 0; c < table.columns().size(); c++) {
                line.append(c == 0 ? "" : ",").append(table.columns().get(c).name());
            }
            writer.append(line).append('\n');
            headerWritten = true;
        }
    }

    @Override
    public void write(ChunkRows chunk) throws IOException {
        header();
        int columns = table.columns().size();
        for (int r = 0; r < chunk.rows(); r++) {
            line.setLength(0);
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    line.append(',');
                }
                switch (table.columns().get(c).kind()) {
                    case INTEGER -> line.append(chunk.integer(c, r));
                    case REAL -> line.append(table.f32() ? Float.toString((float) chunk.real(c, r))
                            : Double.toString(chunk.real(c, r)));
                    case TEXT -> line.append(chunk.text(c, r));
                }
            }
            writer.append(line).append('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        header();
        writer.flush();
    }
}
