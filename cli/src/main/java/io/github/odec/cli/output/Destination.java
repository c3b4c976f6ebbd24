package io.github.odec.cli.output;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Where an output path leads, decided by what is there now, links followed one by one. Only a regular
 * file (or nothing yet) may be replaced by a rename; odec runs as root, and a rename over
 * {@code /dev/null}, a FIFO or a link would destroy it.
 */
sealed interface Destination {

    /** At most this many links are followed, as the kernel's own limit (ELOOP). */
    int MAX_LINKS = 40;

    /** A regular file, or no file yet: written to a temporary file beside it, then renamed over it. */
    record Replaced(Path file) implements Destination {}

    /** A device, FIFO or socket (or a process's file descriptor under /proc): opened and written where it is. */
    record InPlace(Path file) implements Destination {}

    /** A folder: nothing can be written there. */
    record Folder(Path folder) implements Destination {}

    /**
     * What {@code path} leads to. A link is followed to its target, which gets the same rule (so a link
     * to a regular file keeps being a link, to the new file); a link that dangles leads to the file it
     * names, created. Links under /proc (/dev/stdout, /proc/self/fd/1) are a descriptor already open in
     * this process with the caller's flags (append, a pipe): they are written in place, never resolved.
     */
    static Destination of(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int links = 0; links <= MAX_LINKS; links++) {
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Replaced(p);
            } catch (FileSystemException e) {
                if (p.getParent() != null && !Files.isDirectory(p.getParent())) {
                    return new Replaced(p); // its "folder" is a file (ENOTDIR): writing it fails with that name
                }
                throw e;
            }
            if (attributes.isSymbolicLink()) {
                if (onProcFileSystem(p)) {
                    return new InPlace(p);
                }
                p = p.resolveSibling(Files.readSymbolicLink(p));
            } else if (attributes.isRegularFile()) {
                return new Replaced(p);
            } else if (attributes.isDirectory()) {
                return new Folder(p);
            } else {
                return new InPlace(p);
            }
        }
        throw new FileSystemException(path.toString(), null, "more than " + MAX_LINKS + " symbolic links");
    }

    private static boolean onProcFileSystem(Path link) {
        try {
            return Files.getFileStore(link.getParent()).type().equals("proc");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
