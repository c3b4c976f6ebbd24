package io.github.odec.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the {@code .ode} files under a source directory, in a stable (path) order. */
public final class OdeSources {

    private OdeSources() {
    }

    /** Every {@code **}{@code /*.ode} under {@code sourceDirectory}; none when it does not exist. */
    public static List<OdeSource> find(Path sourceDirectory, Path projectDirectory) throws IOException {
        return find(sourceDirectory, projectDirectory, List.of());
    }

    /**
     * As {@link #find(Path, Path)}, skipping files under {@code excluded} (the build directory, for a
     * source directory that contains it, such as the project directory itself) and under any folder
     * below the source directory that holds a {@code pom.xml}: a nested Maven project's files (its
     * sources, and the copies in its own build directory) are its own.
     */
    public static List<OdeSource> find(Path sourceDirectory, Path projectDirectory, List<Path> excluded) throws IOException {
        List<Path> skip = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        if (!Files.isDirectory(sourceDirectory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sourceDirectory)) {
            return files.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".ode"))
                    .filter(p -> skip.stream().noneMatch(p.toAbsolutePath().normalize()::startsWith))
                    .filter(p -> !inNestedProject(sourceDirectory, p))
                    .sorted()
                    .map(p -> source(p, sourceDirectory, projectDirectory))
                    .toList();
        }
    }

    private static boolean inNestedProject(Path sourceDirectory, Path file) {
        for (Path folder = file.getParent(); folder != null && !folder.equals(sourceDirectory); folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve("pom.xml"))) {
                return true;
            }
        }
        return false;
    }

    static OdeSource source(Path file, Path sourceDirectory, Path projectDirectory) {
        Path folder = sourceDirectory.relativize(file).getParent();
        Optional<String> pkg = folder == null ? Optional.empty() : Optional.of(slashed(folder).replace('/', '.'));
        Path absolute = file.toAbsolutePath().normalize();
        Path project = projectDirectory.toAbsolutePath().normalize();
        Path shown = absolute.startsWith(project) ? project.relativize(absolute) : absolute;
        return new OdeSource(file, slashed(shown), pkg);
    }

    /** The same text on every OS, so the stamp and the generated headers do not depend on it. */
    private static String slashed(Path path) {
        return path.toString().replace(path.getFileSystem().getSeparator(), "/");
    }
}
