package io.github.odec.runtime.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCacheTest {

    private static final byte[] PROGRAM = "#!/bin/sh\necho planted\n".getBytes(StandardCharsets.US_ASCII);

    private final List<String> warnings = new ArrayList<>();

    private ContentCache cache(Path root) {
        return new ContentCache(root, warnings::add);
    }

    @Test
    void storedEntryIsFoundWithItsBytes(@TempDir Path root) throws IOException {
        ContentCache cache = cache(root);
        byte[] content = "// ptx\n.version 8.0\n".getBytes(StandardCharsets.UTF_8);
        Path stored = cache.store("ptx", "abc", content, false).orElseThrow();
        assertEquals(stored, cache.lookup("ptx", "abc").orElseThrow());
        assertArrayEquals(content, cache.read("ptx", "abc").orElseThrow());
        assertArrayEquals(content, Files.readAllBytes(stored));
        try (Stream<Path> files = Files.list(root.resolve("ptx"))) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "temporary files left behind");
        }
        assertEquals(List.of(), warnings);
    }

    @Test
    void foldersAndEntriesAreTheOwnersAlone(@TempDir Path parent) throws IOException {
        Path root = parent.resolve("made").resolve("by-odec");
        ContentCache cache = cache(root);
        Path data = cache.store("ptx", "abc", "text".getBytes(StandardCharsets.UTF_8), false).orElseThrow();
        Path program = cache.store("cuda-host", "def", PROGRAM, true).orElseThrow();
        assertEquals("rwx------", mode(root.getParent()));
        assertEquals("rwx------", mode(root));
        assertEquals("rwx------", mode(root.resolve("ptx")));
        assertEquals("rw-------", mode(data));
        assertEquals("rw-------", mode(data.resolveSibling("abc.sha256")));
        assertEquals("rwx------", mode(program));
    }

    @Test
    void corruptEntryIsDetectedDeletedAndMissing(@TempDir Path root) throws IOException {
        ContentCache cache = cache(root);
        Path stored = cache.store("ptx", "abc", "complete entry".getBytes(StandardCharsets.UTF_8), false).orElseThrow();
        Files.writeString(stored, "complete en");   // as if a writer died half way, bypassing the atomic move
        assertTrue(cache.lookup("ptx", "abc").isEmpty());
        assertFalse(Files.exists(stored), "a corrupt entry is removed so that it is rebuilt");
    }

    @Test
    void entryWithoutChecksumIsMissing(@TempDir Path root) throws IOException {
        ContentCache cache = cache(root);
        Files.createDirectories(root.resolve("ptx"));
        Files.writeString(root.resolve("ptx").resolve("abc"), "no checksum beside me");
        assertTrue(cache.lookup("ptx", "abc").isEmpty());
    }

    /** The attack of issue 14: another program with a matching .sha256 in a folder others can write. */
    @Test
    void aFolderOthersCanWriteIsRefusedAndItsPlantedEntryNeverReturned(@TempDir Path root) throws IOException {
        plant(root.resolve("cuda-host"), "key");
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        ContentCache cache = cache(root);
        assertEquals(Optional.empty(), cache.lookup("cuda-host", "key"));
        assertEquals(Optional.empty(), cache.store("cuda-host", "other", PROGRAM, true));
        assertEquals(List.of("not using the cache " + root + ": " + root + " is writable by others (rwxrwxrwx); "
                + "compiling without a cache (fix it, or set ODEC_CACHE_DIR to a folder only you can write)"), warnings);
    }

    @Test
    void aFolderItsGroupCanWriteIsRefused(@TempDir Path root) throws IOException {
        plant(root.resolve("cuda-host"), "key");
        Files.setPosixFilePermissions(root.resolve("cuda-host"), PosixFilePermissions.fromString("rwxrwx---"));
        assertEquals(Optional.empty(), cache(root).lookup("cuda-host", "key"));
        assertTrue(warnings.getFirst().contains(root.resolve("cuda-host") + " is writable by its group (rwxrwx---)"),
                warnings.toString());
    }

    @Test
    void aFolderOfAnotherUserIsRefused(@TempDir Path root) throws Exception {
        plant(root.resolve("cuda-host"), "key");
        assumeTrue(run("chown", "12345", root.resolve("cuda-host").toString()), "chown needs root");
        assertEquals(Optional.empty(), cache(root).lookup("cuda-host", "key"));
        assertEquals(1, warnings.size());
        assertTrue(warnings.getFirst().contains(root.resolve("cuda-host") + " belongs to uid 12345, not to you"),
                warnings.getFirst());
    }

    @Test
    void theHomeCacheChecksEveryFolderUpToHome(@TempDir Path home) throws IOException {
        ContentCache fine = ContentCache.locate(Map.<String, String>of()::get, home.toString(), warnings::add);
        assertEquals(Optional.of(home.resolve(".cache").resolve("odec")), fine.root());
        assertTrue(fine.store("ptx", "abc", PROGRAM, false).isPresent());
        assertEquals("rwx------", mode(home.resolve(".cache")));

        Files.setPosixFilePermissions(home.resolve(".cache"), PosixFilePermissions.fromString("rwxrwxrwx"));
        ContentCache exposed = ContentCache.locate(Map.<String, String>of()::get, home.toString(), warnings::add);
        assertEquals(Optional.empty(), exposed.lookup("ptx", "abc"), "~/.cache writable by others: odec/ could be swapped");
        assertTrue(warnings.getFirst().contains(home.resolve(".cache") + " is writable by others"), warnings.toString());
    }

    /** HOME unusable used to mean java.io.tmpdir/odec-cache, a folder anyone could have made first. */
    @Test
    void anUnusableHomeMeansNoCacheNeverASharedFolder(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("home"), "a file");
        ContentCache cache = ContentCache.locate(Map.<String, String>of()::get, notAFolder.toString(), warnings::add);
        assertEquals(Optional.empty(), cache.store("cuda-host", "key", PROGRAM, true));
        assertEquals(Optional.empty(), cache.lookup("cuda-host", "key"));
        assertEquals(List.of("not using the cache " + notAFolder.resolve(".cache").resolve("odec") + ": " + notAFolder
                + " is not a folder; compiling without a cache (fix it, or set ODEC_CACHE_DIR to a folder only you can write)"),
                warnings);
        assertEquals(Optional.empty(), ContentCache.locate(Map.<String, String>of()::get, "?", warnings::add).root(),
                "no home at all: no cache");
    }

    @Test
    void odecCacheDirThatIsAFileGivesOneWarningAndNoCache(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("cache"), "not a folder");
        ContentCache cache = ContentCache.locate(Map.of("ODEC_CACHE_DIR", file.toString())::get, "/nonexistent", warnings::add);
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), cache.lookup("ptx", "k"));
            assertEquals(Optional.empty(), cache.store("ptx", "k", PROGRAM, false));
        }
        assertEquals(List.of("not using the cache " + file + " (ODEC_CACHE_DIR): " + file + " is not a folder; compiling "
                + "without a cache (fix it, or set ODEC_CACHE_DIR to a folder only you can write)"), warnings,
                "one warning per process, not one per lookup");
        assertEquals("not a folder", Files.readString(file), "the file is left alone");
    }

    @Test
    void aCacheThatCannotBeCreatedGivesOneWarning(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path root = file.resolve("cache");
        ContentCache cache = cache(root);
        assertEquals(Optional.empty(), cache.store("ptx", "k", PROGRAM, false));
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.getFirst().startsWith("cannot use the cache " + root + ": cannot create " + root.resolve("ptx")
                + " (FileSystemException: "), warnings.getFirst());
        assertTrue(warnings.getFirst().endsWith("Not a directory); compiling without a cache"), warnings.getFirst());
    }

    @Test
    void nothingIsCreatedInsideARefusedFolder(@TempDir Path root) throws IOException {
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(Optional.empty(), cache(root).store("ptx", "k", PROGRAM, false));
        try (Stream<Path> files = Files.list(root)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void anEntryReplacedByAFolderIsRepaired(@TempDir Path root) throws IOException {
        ContentCache cache = cache(root);
        Path entry = cache.store("cuda-host", "key", PROGRAM, true).orElseThrow();
        Files.delete(entry);
        Files.createDirectories(entry.resolve("inside"));
        assertEquals(Optional.empty(), cache.lookup("cuda-host", "key"));
        assertFalse(Files.exists(entry), "the folder in the entry's place is removed");

        Files.createDirectories(entry.resolve("again"));  // and a store over one repairs it too
        assertEquals(Optional.of(entry), cache.store("cuda-host", "key", PROGRAM, true));
        assertArrayEquals(PROGRAM, cache.read("cuda-host", "key").orElseThrow());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aLinkInAnEntrysPlaceIsNotFollowed(@TempDir Path root, @TempDir Path elsewhere) throws IOException {
        ContentCache cache = cache(root);
        Path entry = cache.store("cuda-host", "key", PROGRAM, true).orElseThrow();
        Path outside = Files.write(elsewhere.resolve("program"), PROGRAM);
        Files.delete(entry);
        Files.createSymbolicLink(entry, outside);
        assertEquals(Optional.empty(), cache.lookup("cuda-host", "key"));
        assertFalse(Files.exists(entry, LinkOption.NOFOLLOW_LINKS));
        assertArrayEquals(PROGRAM, Files.readAllBytes(outside), "the link's target is left alone");
    }

    @Test
    void anImmutableFolderGivesAWarningAndNoEntry(@TempDir Path root) throws Exception {
        ContentCache cache = cache(root);
        Path ptx = root.resolve("ptx");
        Files.createDirectories(ptx);
        assumeTrue(run("chattr", "+i", ptx.toString()), "chattr +i is not available here");
        try {
            assertEquals(Optional.empty(), cache.store("ptx", "key", PROGRAM, false));
            assertEquals(Optional.empty(), cache.lookup("ptx", "key"));
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.getFirst().startsWith("cannot write the cache entry " + ptx.resolve("key") + " ("),
                    warnings.getFirst());
            assertTrue(warnings.getFirst().endsWith("); compiling without caching it"), warnings.getFirst());
        } finally {
            run("chattr", "-i", ptx.toString());
        }
        try (Stream<Path> files = Files.list(ptx)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void noneHoldsNothingAndSaysNothing() {
        ContentCache none = ContentCache.none();
        assertEquals(Optional.empty(), none.store("ptx", "k", PROGRAM, false));
        assertEquals(Optional.empty(), none.lookup("ptx", "k"));
        assertEquals(Optional.empty(), none.root());
    }

    /** An entry and a matching checksum, as someone who can write the folder would leave them. */
    static void plant(Path folder, String key) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(key), PROGRAM);
        Files.writeString(folder.resolve(key + ".sha256"), ContentCache.sha256(PROGRAM) + "\n");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
    }

    static boolean run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
}
