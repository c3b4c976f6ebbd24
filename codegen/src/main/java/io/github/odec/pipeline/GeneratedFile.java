package io.github.odec.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** One generated file: its path relative to the output root, and its whole text. */
public record GeneratedFile(Path relativePath, String content) {

    public GeneratedFile {
        Objects.requireNonNull(relativePath, "relativePath");
        Objects.requireNonNull(content, "content");
        if (relativePath.isAbsolute()) {
            throw new IllegalArgumentException("generated paths are relative to the output root: " + relativePath);
        }
    }

    /**
     * Writes the file under {@code root} (UTF-8, creating folders). A file that already holds exactly
     * this text is left alone, so its timestamp stays and incremental builds skip recompiling it.
     *
     * @return the written (or unchanged) file
     */
    public Path writeTo(Path root) throws IOException {
        Path target = root.resolve(relativePath);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        if (Files.isRegularFile(target) && java.util.Arrays.equals(Files.readAllBytes(target), bytes)) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        return target;
    }
}
