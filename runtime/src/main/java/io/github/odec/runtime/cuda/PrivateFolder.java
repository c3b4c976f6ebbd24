package io.github.odec.runtime.cuda;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The rule for folders that hold programs odec runs: a folder, and each folder above it up to a trusted
 * one, must belong to this process's user (or root) and be writable by nobody else. A checksum beside an
 * entry proves nothing against someone who can write the folder: they can replace both.
 * Where the file system has no POSIX owners and modes, the rule cannot be checked and is not applied.
 */
final class PrivateFolder {

    static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("unix");
    private static final int UID = POSIX ? currentUid() : -1;

    private PrivateFolder() {}

    /**
     * Makes {@code folder} ready, from {@code trusted} (the configured root, or the home folder) down:
     * each level is checked before anything is created inside it, and a missing level is created with
     * mode 0700. Returns what is wrong with the first level that fails the rule, or empty when only this
     * user can change what the folder holds.
     *
     * @throws IOException when a missing level cannot be created
     */
    static Optional<String> prepare(Path folder, Path trusted) throws IOException {
        Path top = folder.startsWith(trusted) ? trusted : folder;
        List<Path> levels = new ArrayList<>();
        for (Path p = folder; p != null; p = p.getParent()) {
            levels.add(p);
            if (p.equals(top)) {
                break;
            }
        }
        for (Path level : levels.reversed()) {
            if (!Files.exists(level, LinkOption.NOFOLLOW_LINKS)) {
                create(level);
            }
            Optional<String> wrong = problemOf(level);
            if (wrong.isPresent()) {
                return wrong;
            }
        }
        return Optional.empty();
    }

    /** Creates {@code folder} and missing parents (above the trusted folder too) with mode 0700. */
    private static void create(Path folder) throws IOException {
        if (POSIX) {
            Files.createDirectories(folder, OWNER_ONLY);
        } else {
            Files.createDirectories(folder);
        }
    }

    /** What is wrong with one folder (its links followed: the folder they lead to is what odec reads). */
    private static Optional<String> problemOf(Path folder) {
        if (!Files.isDirectory(folder)) {
            return Optional.of(folder + (Files.exists(folder, LinkOption.NOFOLLOW_LINKS) ? " is not a folder" : " does not exist"));
        }
        if (!POSIX) {
            return Optional.empty();
        }
        try {
            int owner = (Integer) Files.getAttribute(folder, "unix:uid");
            int mode = (Integer) Files.getAttribute(folder, "unix:mode");
            if (owner != UID && owner != 0) {
                return Optional.of(folder + " belongs to uid " + owner + ", not to you (uid " + UID + ")");
            }
            if ((mode & 0022) != 0) {
                return Optional.of(folder + " is writable by " + ((mode & 0002) != 0 ? "others" : "its group") + " ("
                        + PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)) + ")");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.of("cannot read the owner and mode of " + folder + ": " + e.getMessage());
        }
    }

    /** Whether a file (not followed, if a link) is a regular file of this user or root that nobody else can write. */
    static boolean isPrivateRegularFile(Path file) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!POSIX) {
            return true;
        }
        int owner = (Integer) Files.getAttribute(file, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (owner == UID || owner == 0) && (mode & 0022) == 0;
    }

    /** Makes a file this process just created readable (and executable) by its owner only. */
    static void restrict(Path file, boolean executable) throws IOException {
        if (POSIX) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwx------" : "rw-------"));
        } else if (executable && !file.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + file + " executable");
        }
    }

    /**
     * The effective uid of this process: the owner of {@code /proc/self} on Linux, else of a file it
     * creates (the JDK has no portable call for it).
     */
    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            try {
                Path probe = Files.createTempFile("odec-uid", "");
                try {
                    return (Integer) Files.getAttribute(probe, "unix:uid");
                } finally {
                    Files.deleteIfExists(probe);
                }
            } catch (IOException | RuntimeException again) {
                return -1; // unknown: only root-owned folders pass, so the cache is refused with a message
            }
        }
    }
}
