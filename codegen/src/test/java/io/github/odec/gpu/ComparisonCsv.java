package io.github.odec.gpu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;

/**
 * The rows GpuCheck contributes to the comparison table, in the format of scripts/gpu/*_bench.py:
 * {@code library,case,N,precision,ms_median,ms_min,ms_max,notes} (notes: {@code key=value} pairs split by
 * ';'). Each row is appended and flushed at once, so a run cut short by the time guard keeps what it measured.
 */
final class ComparisonCsv {

    static final String HEADER = "library,case,N,precision,ms_median,ms_min,ms_max,notes";

    private final Optional<Path> file;

    ComparisonCsv(Optional<Path> file) {
        this.file = file;
        file.ifPresent(f -> {
            try {
                Files.writeString(f, HEADER + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    void row(String library, String caseName, int n, String precision, Timings t, String notes) {
        String line = String.format(Locale.ROOT, "%s,%s,%d,%s,%.4f,%.4f,%.4f,%s", library, caseName, n, precision,
                t.median(), t.min(), t.max(), notes.replace(',', ';'));
        file.ifPresent(f -> append(f, line));
    }

    private static void append(Path f, String line) {
        try {
            Files.writeString(f, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
