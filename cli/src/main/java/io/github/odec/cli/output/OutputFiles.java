package io.github.odec.cli.output;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The file rules of the command's outputs ({@link StreamedOutputs} writes them): the check of every
 * named output before any work is done, the staging file beside a target, the rename over it, and the
 * words of a failure. Nothing is ever replaced but a regular file: a link is followed to its target
 * ({@link Destination}).
 */
public final class OutputFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OutputFiles() {}

    /**
     * Checks, before any work is done, that every named output can be a file: its folder exists, it is
     * not a folder, and no two options lead to the same regular file (one would silently overwrite the
     * other; two writers to one device or FIFO are only concatenated, as a shell would).
     *
     * @param byOption the outputs by the option that names them, in the order of the messages
     * @throws IOException with the message for the user
     */
    public static void checkBeforehand(Map<String, Path> byOption) throws IOException {
        Map<String, Path> replaced = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : byOption.entrySet()) {
            Path given = e.getValue();
            Destination d;
            try {
                d = Destination.of(given);
            } catch (IOException x) {
                throw new IOException("cannot write " + given + ": " + reason(x), x);
            }
            switch (d) {
                case Destination.Folder(Path folder) -> throw new IOException("cannot write " + given + ": it is a folder");
                case Destination.InPlace(Path file) -> { }
                case Destination.Replaced(Path file) -> {
                    Path folder = file.getParent();
                    if (!Files.isDirectory(folder)) {
                        throw new IOException("cannot write " + given + ": no folder " + folder);
                    }
                    Path real = folder.toRealPath().resolve(file.getFileName());
                    for (Map.Entry<String, Path> earlier : replaced.entrySet()) {
                        Path other = earlier.getValue();
                        if (other.equals(real) || (Files.exists(real) && Files.exists(other) && Files.isSameFile(other, real))) {
                            throw new IOException(earlier.getKey() + " and " + e.getKey() + " name the same file ("
                                    + given + "); give each its own");
                        }
                    }
                    replaced.put(e.getKey(), real);
                }
            }
        }
    }

    /** A new, empty file beside {@code target} to stage its content in, with the target's mode if it exists. */
    static Path createStaging(Path target) throws IOException {
        // createFile, not createTempFile: a new file should get the umask's permissions, not 0600.
        Path temporary = Files.createFile(target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(RANDOM.nextLong()) + ".tmp"));
        try {
            keepPermissions(target, temporary);
            return temporary;
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** A file that is replaced keeps its mode (not its owner: the new file is this user's). */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
    }

    static void rename(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IOException("cannot write " + target + ": " + reason(e), e);
        }
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
