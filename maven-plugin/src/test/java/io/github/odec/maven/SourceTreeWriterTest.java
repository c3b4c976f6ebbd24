package io.github.odec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.odec.pipeline.GeneratedFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceTreeWriterTest {

    @TempDir
    Path target;

    @Test
    void replacesTheWholeTreeAndLeavesNoStagingBehind() throws Exception {
        Path out = target.resolve("generated-sources/odec");
        SourceTreeWriter.replace(out, List.of(new GeneratedFile(Path.of("p/Old.java"), "class Old {}"),
                new GeneratedFile(Path.of("p/Kept.java"), "class Kept {}")));
        SourceTreeWriter.replace(out, List.of(new GeneratedFile(Path.of("p/Kept.java"), "class Kept { int x; }")));

        assertFalse(Files.exists(out.resolve("p/Old.java")), "a removed system's class goes away");
        assertEquals("class Kept { int x; }", Files.readString(out.resolve("p/Kept.java")));
        try (Stream<Path> siblings = Files.list(out.getParent())) {
            assertEquals(List.of(out), siblings.toList(), "no .staging or .old directory is left");
        }
    }
}
