package io.github.odec.runtime.cuda;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentCacheTest {

    @Test
    void storedEntryIsFoundWithItsBytes(@TempDir Path root) throws IOException {
        ContentCache cache = new ContentCache(root);
        byte[] content = "// ptx\n.version 8.0\n".getBytes(StandardCharsets.UTF_8);
        Path stored = cache.store("ptx", "abc", content, false);
        assertEquals(stored, cache.lookup("ptx", "abc").orElseThrow());
        assertArrayEquals(content, Files.readAllBytes(stored));
        try (Stream<Path> files = Files.list(root.resolve("ptx"))) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".tmp")), "temporary files left behind");
        }
    }

    @Test
    void corruptEntryIsDetectedDeletedAndMissing(@TempDir Path root) throws IOException {
        ContentCache cache = new ContentCache(root);
        Path stored = cache.store("ptx", "abc", "complete entry".getBytes(StandardCharsets.UTF_8), false);
        Files.writeString(stored, "complete en");   // as if a writer died half way, bypassing the atomic move
        assertTrue(cache.lookup("ptx", "abc").isEmpty());
        assertFalse(Files.exists(stored), "a corrupt entry is removed so that it is rebuilt");
    }

    @Test
    void entryWithoutChecksumIsMissing(@TempDir Path root) throws IOException {
        ContentCache cache = new ContentCache(root);
        Files.createDirectories(root.resolve("ptx"));
        Files.writeString(root.resolve("ptx").resolve("abc"), "no checksum beside me");
        assertTrue(cache.lookup("ptx", "abc").isEmpty());
    }
}
