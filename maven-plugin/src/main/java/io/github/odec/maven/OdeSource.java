package io.github.odec.maven;

import java.nio.file.Path;
import java.util.Optional;

/**
 * One {@code .ode} input.
 *
 * @param file         where it is on disk
 * @param displayName  how messages and generated headers name it: relative to the project, '/'-separated
 * @param folderPackage the package its folder under the source directory spells ({@code com/acme} gives
 *                     {@code com.acme}); empty for a file directly in the source directory
 */
public record OdeSource(Path file, String displayName, Optional<String> folderPackage) {
}
