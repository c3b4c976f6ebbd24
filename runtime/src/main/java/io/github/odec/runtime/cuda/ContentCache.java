package io.github.odec.runtime.cuda;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Build products on disk, keyed by the SHA-256 of everything that determines them (source, compiler,
 * flags). odec runs what this cache holds (the cuda-host programs), so a folder is used only when this
 * user alone can write it and every folder above it up to the configured root or the home folder
 * ({@link PrivateFolder}); otherwise, and whenever the disk refuses a read or write, the cache is
 * bypassed with a one-line warning and the caller builds into a private temporary folder instead.
 *
 * <p>Each entry sits beside a {@code .sha256} file holding its own checksum; an entry whose bytes do not
 * match (a crash mid-write, a disk error) is treated as missing and rebuilt: the checksum guards against
 * accidents, the folder's ownership against people. Entries are written mode 0600 (0700 for programs)
 * to a temporary file in the same folder and moved into place atomically, so concurrent builders never
 * see half a file. The root is {@code $ODEC_CACHE_DIR}, else {@code ~/.cache/odec}; there is no fallback
 * to a shared temporary folder, where anyone could plant an entry beforehand.
 */
public final class ContentCache {

    /** Where warnings go by default: one line on stderr, for the command line and library users alike. */
    public static final Consumer<String> STDERR = message -> System.err.println("odec: warning: " + message);

    private final Optional<Path> root;
    private final Path trusted;
    private final String origin;
    private final Consumer<String> warnings;
    private final Map<String, Optional<Path>> folders = new ConcurrentHashMap<>();
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    private ContentCache(Optional<Path> root, Path trusted, String origin, Consumer<String> warnings) {
        this.root = root;
        this.trusted = trusted;
        this.origin = origin;
        this.warnings = warnings;
    }

    /** A cache at {@code root}, which odec creates (mode 0700) if missing; its folder checks stop at root. */
    public ContentCache(Path root) {
        this(root, STDERR);
    }

    public ContentCache(Path root, Consumer<String> warnings) {
        this(Optional.of(root.toAbsolutePath().normalize()), root.toAbsolutePath().normalize(), "", warnings);
    }

    /** A cache that holds nothing: every lookup misses, every store is declined silently. */
    public static ContentCache none() {
        return new ContentCache(Optional.empty(), Path.of(""), "", message -> {});
    }

    /** The cache of this process: {@code $ODEC_CACHE_DIR}, else {@code ~/.cache/odec}; warnings on stderr. */
    public static ContentCache standard() {
        return Standard.CACHE;
    }

    private static final class Standard {
        static final ContentCache CACHE = locate(System::getenv, System.getProperty("user.home"), STDERR);
    }

    /**
     * The cache that {@code standard()} would pick for this environment and home folder (tests pass
     * their own instead of changing the process's).
     */
    static ContentCache locate(Function<String, String> environment, String userHome, Consumer<String> warnings) {
        String configured = environment.apply("ODEC_CACHE_DIR");
        if (configured != null && !configured.isBlank()) {
            Path root = Path.of(configured).toAbsolutePath().normalize();
            return new ContentCache(Optional.of(root), root, " (ODEC_CACHE_DIR)", warnings);
        }
        if (userHome == null || userHome.isBlank() || userHome.equals("?")) {
            warnings.accept("no home folder to keep the odec cache in; compiling without a cache "
                    + "(set ODEC_CACHE_DIR to a folder of your own to keep one)");
            return none();
        }
        Path home = Path.of(userHome).toAbsolutePath().normalize();
        return new ContentCache(Optional.of(home.resolve(".cache").resolve("odec")), home, "", warnings);
    }

    /** The root folder, or empty for {@link #none()}. */
    public Optional<Path> root() {
        return root;
    }

    /**
     * The entry's path when it is a private regular file whose checksum matches; a corrupt entry, or
     * anything else in its place (a folder, a link), is removed so that it is rebuilt.
     */
    public Optional<Path> lookup(String kind, String key) {
        return verified(kind, key).map(Verified::path);
    }

    /** The entry's bytes, as checked (read once, so what is returned is what was checked). */
    public Optional<byte[]> read(String kind, String key) {
        return verified(kind, key).map(Verified::bytes);
    }

    private record Verified(Path path, byte[] bytes) {}

    private Optional<Verified> verified(String kind, String key) {
        Optional<Path> folder = folder(kind);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path entry = folder.get().resolve(key);
        Path sum = checksumFile(entry);
        try {
            if (!Files.exists(entry, LinkOption.NOFOLLOW_LINKS)
                    || (Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS) && !Files.exists(sum, LinkOption.NOFOLLOW_LINKS))) {
                return Optional.empty(); // missing, or a writer is between moving the entry and its checksum
            }
            if (PrivateFolder.isPrivateRegularFile(entry) && PrivateFolder.isPrivateRegularFile(sum)) {
                byte[] bytes = Files.readAllBytes(entry);
                String expected = Files.readString(sum, StandardCharsets.US_ASCII).strip();
                if (expected.equals(sha256(bytes))) {
                    return Optional.of(new Verified(entry, bytes));
                }
            }
            deleteTree(sum);
            deleteTree(entry);
        } catch (IOException | RuntimeException e) {
            warnOnce("cannot read the cache entry " + entry + " (" + e.getMessage() + "); building it again");
        }
        return Optional.empty();
    }

    /**
     * Stores {@code content} as the entry for {@code key}, atomically, and returns its path; empty (with
     * a warning) when the cache is refused or the disk will not take it: the caller keeps its own copy.
     */
    public Optional<Path> store(String kind, String key, byte[] content, boolean executable) {
        Optional<Path> folder = folder(kind);
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path entry = folder.get().resolve(key);
        Path tmp = null;
        Path sumTmp = null;
        try {
            tmp = Files.createTempFile(folder.get(), key, ".tmp");
            Files.write(tmp, content);
            PrivateFolder.restrict(tmp, executable);
            sumTmp = Files.createTempFile(folder.get(), key, ".sha256.tmp");
            Files.writeString(sumTmp, sha256(content) + "\n", StandardCharsets.US_ASCII);
            PrivateFolder.restrict(sumTmp, false);
            // A folder in an entry's place cannot be renamed over: remove it (the cache is ours to repair).
            removeUnlessRegular(entry);
            removeUnlessRegular(checksumFile(entry));
            // The entry first, its checksum last: a reader that sees the checksum sees the whole entry.
            move(tmp, entry);
            move(sumTmp, checksumFile(entry));
            return Optional.of(entry);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp);
            deleteQuietly(sumTmp);
            warnOnce("cannot write the cache entry " + entry + " (" + reason(e) + "); compiling without caching it");
            return Optional.empty();
        }
    }

    /** The checked folder for {@code kind}, created if missing; empty (warned once) when it is refused. */
    private Optional<Path> folder(String kind) {
        if (root.isEmpty()) {
            return Optional.empty();
        }
        return folders.computeIfAbsent(kind, k -> {
            Path folder = root.get().resolve(k);
            Optional<String> problem;
            try {
                problem = PrivateFolder.prepare(folder, trusted);
            } catch (IOException | RuntimeException e) {
                warnOnce("cannot use the cache " + root.get() + origin + ": cannot create " + folder + " (" + reason(e)
                        + "); compiling without a cache");
                return Optional.empty();
            }
            if (problem.isPresent()) {
                warnOnce("not using the cache " + root.get() + origin + ": " + problem.get()
                        + "; compiling without a cache (fix it, or set ODEC_CACHE_DIR to a folder only you can write)");
                return Optional.empty();
            }
            return Optional.of(folder);
        });
    }

    private void warnOnce(String message) {
        if (warned.add(message)) {
            warnings.accept(message);
        }
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static void removeUnlessRegular(Path path) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            deleteTree(path);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Deletes a file, link or folder tree (links are removed, never followed). */
    static void deleteTree(Path path) throws IOException {
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(path);
            return;
        }
        try (Stream<Path> s = Files.walk(path)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                // a leftover temporary file in our own folder is harmless
            }
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
