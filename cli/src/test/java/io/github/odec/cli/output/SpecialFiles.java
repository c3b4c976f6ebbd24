package io.github.odec.cli.output;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Device nodes and FIFOs made in a test's own folder (never the real ones under /dev): {@code null}
 * is char device 1,3 like /dev/null, {@code full} is 1,7 like /dev/full (every write fails with ENOSPC).
 * Tests that need them are skipped where mknod is not allowed.
 */
public final class SpecialFiles {

    private static final int S_IFMT = 0170000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFIFO = 0010000;

    private SpecialFiles() {}

    public static Path nullDevice(Path dir) throws IOException {
        return make(dir.resolve("null"), "mknod", dir.resolve("null").toString(), "c", "1", "3");
    }

    public static Path fullDevice(Path dir) throws IOException {
        return make(dir.resolve("full"), "mknod", dir.resolve("full").toString(), "c", "1", "7");
    }

    public static Path fifo(Path dir) throws IOException {
        return make(dir.resolve("fifo"), "mkfifo", dir.resolve("fifo").toString());
    }

    public static boolean isCharacterDevice(Path p) throws IOException {
        return type(p) == S_IFCHR;
    }

    public static boolean isFifo(Path p) throws IOException {
        return type(p) == S_IFIFO;
    }

    /** Everything a FIFO receives until its writer closes it, read on another thread. */
    public static CompletableFuture<String> readAll(Path fifo) {
        return CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private static int type(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & S_IFMT;
    }

    private static Path make(Path result, String... command) throws IOException {
        boolean made;
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            made = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            made = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            made = false;
        }
        assumeTrue(made, () -> String.join(" ", command) + " is not allowed here");
        return result;
    }
}
