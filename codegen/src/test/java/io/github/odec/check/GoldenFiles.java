package io.github.odec.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Golden files: an input beside the exact output expected from it. Run with
 * {@code -Dodec.updateGolden=true} to rewrite the expected files from the current output, then
 * review the diff by eye before committing.
 */
public final class GoldenFiles {

    public static final Path ROOT = Path.of("src/test/resources/golden");
    public static final Path SAMPLES = Path.of("../samples");

    private GoldenFiles() {}

    static boolean updating() {
        return Boolean.getBoolean("odec.updateGolden");
    }

    /** The files of {@code dir} ending in {@code suffix}, sorted by name. */
    public static List<Path> find(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compares with the expected file, or (when updating) writes it. */
    public static void check(Path expectedFile, String actual) {
        if (updating()) {
            try {
                Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (!Files.exists(expectedFile)) {
            throw new AssertionError("missing golden file " + expectedFile + "; run with -Dodec.updateGolden=true to create it");
        }
        assertEquals(read(expectedFile), actual, "differs from " + expectedFile);
    }

    /** {@code name.ode} with its extension replaced. */
    public static Path sibling(Path dir, Path source, String suffix) {
        String name = source.getFileName().toString();
        return dir.resolve(name.substring(0, name.length() - ".ode".length()) + suffix);
    }
}
