package io.github.odec.runtime.cuda;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Build products on disk, keyed by the SHA-256 of everything that determines them (source, compiler,
 * flags). Each entry sits beside a {@code .sha256} file holding its own checksum; an entry whose bytes
 * do not match (a crash mid-write, a disk error) is treated as missing and rebuilt. Writes go to a
 * temporary file first and are moved into place atomically, so concurrent builders never see half a file.
 * The root is {@code $ODEC_CACHE_DIR}, else {@code ~/.cache/odec}, else {@code java.io.tmpdir/odec-cache}.
 */
public final class ContentCache {

    private final Path root;

    public ContentCache(Path root) {
        this.root = root;
    }

    public static ContentCache standard() {
        String configured = System.getenv("ODEC_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            return new ContentCache(Path.of(configured));
        }
        Path home = Path.of(System.getProperty("user.home"), ".cache", "odec");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) {
                return new ContentCache(home);
            }
        } catch (IOException | SecurityException e) {
            // fall through to the temporary directory
        }
        return new ContentCache(Path.of(System.getProperty("java.io.tmpdir"), "odec-cache"));
    }

    public Path root() {
        return root;
    }

    /** Where the entry for {@code key} of {@code kind} lives (it may not exist). */
    public Path entry(String kind, String key) {
        return root.resolve(kind).resolve(key);
    }

    /** The entry's path when it exists and its checksum matches; a corrupt entry is deleted. */
    public Optional<Path> lookup(String kind, String key) {
        Path entry = entry(kind, key);
        Path sum = checksumFile(entry);
        try {
            if (!Files.isRegularFile(entry) || !Files.isRegularFile(sum)) {
                return Optional.empty();
            }
            String expected = Files.readString(sum, StandardCharsets.US_ASCII).strip();
            if (expected.equals(sha256(Files.readAllBytes(entry)))) {
                return Optional.of(entry);
            }
            Files.deleteIfExists(sum);
            Files.deleteIfExists(entry);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Stores {@code content} as the entry for {@code key}, atomically, and returns its path. */
    public Path store(String kind, String key, byte[] content, boolean executable) {
        Path entry = entry(kind, key);
        try {
            Files.createDirectories(entry.getParent());
            Path tmp = Files.createTempFile(entry.getParent(), key, ".tmp");
            Files.write(tmp, content);
            if (executable && !tmp.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + tmp + " executable");
            }
            Path sumTmp = Files.createTempFile(entry.getParent(), key, ".sha256.tmp");
            Files.writeString(sumTmp, sha256(content) + "\n", StandardCharsets.US_ASCII);
            // The entry first, its checksum last: a reader that sees the checksum sees the whole entry.
            move(tmp, entry);
            move(sumTmp, checksumFile(entry));
            return entry;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the odec cache entry " + entry, e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static Path checksumFile(Path entry) {
        return entry.resolveSibling(entry.getFileName() + ".sha256");
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError("every JDK has SHA-256", e);
        }
    }

    public static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }
}
