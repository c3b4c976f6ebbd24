package io.github.odec.emit.bindings;

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
}
