package io.github.odec.cli.results;

import java.io.IOException;

/** Writes a {@link Table} a chunk at a time, in the order the chunks are solved; {@link #finish} ends the file. */
public sealed interface TableWriter permits CsvTableWriter, NpyTableWriter, ParquetTableWriter {

    void write(ChunkRows chunk) throws IOException;

    /** Writes what follows the last row (Parquet's footer) and flushes; the stream stays open. */
    void finish() throws IOException;
}
