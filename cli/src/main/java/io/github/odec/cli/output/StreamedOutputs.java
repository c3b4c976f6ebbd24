package io.github.odec.cli.output;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The outputs of one command written a piece at a time, all open at once, all or nothing as far as
 * files allow: results arrive chunk by chunk and never sit in memory whole. Regular files (or files not there yet) are written to a temporary file beside them and renamed
 * over them by {@link #commit()}, after every write, flush, force and close succeeded; {@link #close()}
 * without a commit deletes the temporary files and leaves every existing file as it was. Devices and
 * FIFOs are opened where they are ({@link Destination}); they and standard output receive the pieces
 * as they come, so a failure part way leaves them what was written until then. Every failure names
 * its output ({@code cannot write F: why}). The commit renames the staged files one after another:
 * a rename that fails part way (a target's folder removed meanwhile) leaves the files renamed before
 * it new and the rest old, and says which one failed; renames within a folder do not fail otherwise.
 */
public final class StreamedOutputs implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private record Staged(Path temporary, Path target, FileChannel channel) {}

    private final PrintWriter standardOutput;
    private final List<Staged> staged = new ArrayList<>();
    private final List<OutputStream> streams = new ArrayList<>();
    private boolean committed;

    public StreamedOutputs(PrintWriter standardOutput) {
        this.standardOutput = standardOutput;
    }

    /** A stream to {@code file}, buffered; its write failures name the file. */
    public OutputStream open(Path file) throws IOException {
        String name = file.toString();
        Destination d;
        try {
            d = Destination.of(file);
        } catch (IOException e) {
            throw failure(name, e);
        }
        FileChannel channel = switch (d) {
            case Destination.Replaced(Path target) -> stage(name, target);
            case Destination.InPlace(Path special) -> {
                try {
                    // APPEND: a regular file reached through /proc/self/fd/N is opened anew, at offset 0; appending
                    // is what the descriptor's owner meant with >> and the same as > for the file that > just emptied.
                    yield FileChannel.open(special, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                } catch (IOException e) {
                    throw failure(name, e);
                }
            }
            case Destination.Folder(Path folder) -> throw new IOException("cannot write " + name + ": it is a folder");
        };
        OutputStream stream = new Named(name, new BufferedOutputStream(Channels.newOutputStream(channel),
                BUFFER));
        streams.add(stream);
        return stream;
    }

    /** Standard output, as text; its failures are found by {@link #commit()}. */
    public Writer standardOutput() {
        return standardOutput;
    }

    /** Flushes and closes every output, forces the staged files to disk and renames them over their targets. */
    public void commit() throws IOException {
        for (OutputStream s : streams) {
            s.flush();
        }
        if (standardOutput.checkError()) { // a PrintWriter keeps its errors to itself until asked
            throw new IOException("cannot write standard output: the write failed (a full disk, or a reader that went away)");
        }
        for (Staged s : staged) {
            try {
                s.channel().force(true);
            } catch (IOException e) {
                throw failure(s.target().toString(), e);
            }
        }
        for (OutputStream s : streams) {
            s.close();
        }
        for (Staged s : staged) {
            OutputFiles.rename(s.temporary(), s.target());
        }
        committed = true;
    }

    /** Without a commit: closes every output and deletes the temporary files. */
    @Override
    public void close() throws IOException {
        if (committed) {
            return;
        }
        for (OutputStream s : streams) {
            try {
                s.close();
            } catch (IOException e) {
                // the failure that got us here is the one to report
            }
        }
        for (Staged s : staged) {
            Files.deleteIfExists(s.temporary());
        }
    }

    private FileChannel stage(String name, Path target) throws IOException {
        Path temporary;
        try {
            temporary = OutputFiles.createStaging(target);
        } catch (IOException e) {
            throw failure(name, e);
        }
        try {
            FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
            staged.add(new Staged(temporary, target, channel));
            return channel;
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw failure(name, e);
        }
    }

    private static IOException failure(String name, IOException e) {
        return new IOException("cannot write " + name + ": " + OutputFiles.reason(e), e);
    }

    /** A stream whose failures say which output failed. */
    private static final class Named extends FilterOutputStream {
        private final String name;

        Named(String name, OutputStream out) {
            super(out);
            this.name = name;
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw failure(name, e);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            try {
                out.write(b, off, len);
            } catch (IOException e) {
                throw failure(name, e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw failure(name, e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw failure(name, e);
            }
        }
    }
}
