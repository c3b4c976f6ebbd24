package io.github.odec.cli.results;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The file formats results are written in; a file's extension chooses one unless {@code --format} does. */
public enum ResultFormat {
    CSV("csv"),
    NPY("npy"),
    PARQUET("parquet");

    private final String extension;

    ResultFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** The format a file's extension names ({@code .csv}, {@code .npy}, {@code .parquet}), if any. */
    public static Optional<ResultFormat> ofExtension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> name.endsWith("." + f.extension)).findFirst();
    }

    /** Whether the format is text, which standard output can take. */
    public boolean text() {
        return this == CSV;
    }

    /** A writer of {@code table} in this format to {@code out}, which it does not close. */
    public TableWriter open(Table table, OutputStream out) throws IOException {
        return switch (this) {
            case CSV -> new CsvTableWriter(table, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
            case NPY -> new NpyTableWriter(table, out);
            case PARQUET -> new ParquetTableWriter(table, out);
        };
    }
}
