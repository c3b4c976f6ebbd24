package io.github.odec.maven;

import io.github.odec.pipeline.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Replaces a whole generated-sources directory. The files are written into a sibling staging
 * directory first and swapped in with renames, so an interrupted build never leaves a half-written
 * file in the output, and files of systems that no longer exist disappear.
 */
public final class SourceTreeWriter {

    private SourceTreeWriter() {
    }

    public static void replace(Path outputDirectory, List<GeneratedFile> files) throws IOException {
        Path parent = outputDirectory.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = outputDirectory.getFileName().toString();
        Path staging = parent.resolve(name + ".staging");
        Path old = parent.resolve(name + ".old");
        deleteTree(staging);
        deleteTree(old);
        Files.createDirectories(staging);
        for (GeneratedFile f : files) {
            Path target = staging.resolve(f.relativePath());
            Files.createDirectories(target.getParent());
            Files.writeString(target, f.content(), StandardCharsets.UTF_8);
        }
        if (Files.exists(outputDirectory)) {
            Files.move(outputDirectory, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, outputDirectory, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    /** Writes a small file whole or not at all (temp file, then rename). */
    public static void writeAtomically(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
