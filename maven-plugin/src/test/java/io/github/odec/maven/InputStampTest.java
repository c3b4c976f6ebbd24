package io.github.odec.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputStampTest {

    @TempDir
    Path project;

    @Test
    void theStampChangesWithContentSettingsOutputAndVersionButNotWithTimestamps() throws Exception {
        Path file = project.resolve("src/main/odec/p/a.ode");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "system A { state x = 1; x' = -x; }\n");
        List<OdeSource> sources = OdeSources.find(project.resolve("src/main/odec"), project);
        GenerationSettings settings = GenerationSettings.parse(null, "dopri5", "integral", "f64", List.of());

        Path out = project.resolve("target/generated-sources/odec");
        String stamp = InputStamp.of("1.0", settings, out, sources);
        assertEquals(64, stamp.length(), "hex SHA-256");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(0));
        assertEquals(stamp, InputStamp.of("1.0", settings, out, sources), "touching a file does not regenerate");

        assertNotEquals(stamp, InputStamp.of("1.1", settings, out, sources));
        assertNotEquals(stamp, InputStamp.of("1.0", GenerationSettings.parse(null, "tsit5", "integral", "f64", List.of()), out, sources));
        assertNotEquals(stamp, InputStamp.of("1.0", settings, project.resolve("elsewhere"), sources));
        Files.writeString(file, "system A { state x = 2; x' = -x; }\n");
        assertNotEquals(stamp, InputStamp.of("1.0", settings, out, sources));

        Path stampFile = project.resolve("target/odec/generate.stamp");
        assertFalse(InputStamp.matches(stampFile, stamp), "no stamp file yet");
        SourceTreeWriter.writeAtomically(stampFile, stamp + "\n");
        assertTrue(InputStamp.matches(stampFile, stamp));
    }
}
