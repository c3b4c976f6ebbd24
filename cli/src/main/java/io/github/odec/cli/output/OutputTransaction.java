package io.github.odec.cli.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outputs of one command, written all or nothing as far as files allow. Each regular file (or file
 * not there yet) is first written in full to a temporary file in its own folder and forced to disk;
 * then special files (devices, FIFOs) and standard output are written where they are; only when every
 * write, flush and close has succeeded are the temporary files renamed over their targets. Any failure
 * deletes the temporary files and leaves every existing file as it was, and the message names the file.
 * Nothing is ever replaced but a regular file: a link is followed to its target ({@link Destination}).
 */
public final class OutputTransaction {

    /** What to write; may throw, in which case nothing is committed. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer writer) throws IOException;
    }

    static final SecureRandom RANDOM = new SecureRandom();
    static final int BUFFER = 1 << 16;

    private record Output(String name, Optional<Path> path, Content content) {}

    private final PrintWriter standardOutput;
    private final List<Output> outputs = new ArrayList<>();

    /** @param standardOutput where outputs without a path go */
    public OutputTransaction(PrintWriter standardOutput) {
        this.standardOutput = standardOutput;
    }

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

    /** One file on its own: replaced atomically when regular, written in place when special. */
    public static void write(Path file, Content content) throws IOException {
        OutputTransaction one = new OutputTransaction(new PrintWriter(Writer.nullWriter()));
        one.add(file, content);
        one.commit();
    }

    /** An output to {@code file}. */
    public OutputTransaction add(Path file, Content content) {
        outputs.add(new Output(file.toString(), Optional.of(file), content));
        return this;
    }

    /** An output to standard output. */
    public OutputTransaction addStandardOutput(Content content) {
        outputs.add(new Output("standard output", Optional.empty(), content));
        return this;
    }

    /**
     * Writes every output, or none of the files.
     *
     * @throws IOException with a message that names the output that failed ({@code cannot write F: why})
     */
    public void commit() throws IOException {
        List<Path> temporaries = new ArrayList<>();
        List<Path> targets = new ArrayList<>();
        List<Output> inPlace = new ArrayList<>();
        try {
            for (Output o : outputs) {
                if (o.path().isEmpty()) {
                    inPlace.add(o);
                    continue;
                }
                switch (destination(o)) {
                    case Destination.Replaced(Path target) -> {
                        temporaries.add(stage(o, target));
                        targets.add(target);
                    }
                    case Destination.InPlace(Path file) -> inPlace.add(new Output(o.name(), Optional.of(file), o.content()));
                    case Destination.Folder(Path folder) -> throw failure(o, "it is a folder");
                }
            }
            for (Output o : inPlace) {
                writeInPlace(o);
            }
            for (int i = 0; i < targets.size(); i++) {
                rename(temporaries.get(i), targets.get(i));
                temporaries.set(i, null);
            }
        } finally {
            for (Path t : temporaries) {
                if (t != null) {
                    Files.deleteIfExists(t);
                }
            }
        }
    }

    private static Destination destination(Output o) throws IOException {
        try {
            return Destination.of(o.path().orElseThrow());
        } catch (IOException e) {
            throw failure(o, e);
        }
    }

    /** The whole content in a temporary file beside {@code target}, forced to disk. */
    private static Path stage(Output o, Path target) throws IOException {
        Path temporary;
        try {
            // createFile, not createTempFile: a new file should get the umask's permissions, not 0600.
            temporary = Files.createFile(target.resolveSibling("." + target.getFileName() + "."
                    + Long.toHexString(RANDOM.nextLong()) + ".tmp"));
        } catch (IOException e) {
            throw failure(o, e);
        }
        try {
            keepPermissions(target, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
                 Writer writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), BUFFER)) {
                o.content().writeTo(writer);
                writer.flush();
                channel.force(true);
            }
            return temporary;
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw failure(o, e);
        } catch (RuntimeException | Error e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
    }

    /** A file that is replaced keeps its mode (not its owner: the new file is this user's). */
    static void keepPermissions(Path target, Path temporary) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(temporary, Files.getPosixFilePermissions(target));
        }
    }

    /** Devices, FIFOs and standard output: opened (never created, truncated or replaced) and written. */
    private void writeInPlace(Output o) throws IOException {
        if (o.path().isEmpty()) {
            try {
                o.content().writeTo(standardOutput);
            } catch (IOException e) {
                throw failure(o, e);
            }
            // A PrintWriter keeps its errors to itself; checkError flushes and asks, down to System.out.
            if (standardOutput.checkError()) {
                throw failure(o, "the write failed (a full disk, or a reader that went away)");
            }
            return;
        }
        // APPEND: a regular file reached through /proc/self/fd/N is opened anew, at offset 0; appending is
        // what the descriptor's owner meant with >> and the same as > for the file that > just emptied.
        try (FileChannel channel = FileChannel.open(o.path().get(), StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             Writer writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), BUFFER)) {
            o.content().writeTo(writer);
            writer.flush();
        } catch (IOException e) {
            throw failure(o, e);
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

    private static IOException failure(Output o, IOException e) {
        return new IOException("cannot write " + o.name() + ": " + reason(e), e);
    }

    private static IOException failure(Output o, String why) {
        return new IOException("cannot write " + o.name() + ": " + why);
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
