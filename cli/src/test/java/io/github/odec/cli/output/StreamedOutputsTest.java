package io.github.odec.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Outputs open all at once keep OutputTransaction's rules: staged and renamed on commit, never half a file. */
class StreamedOutputsTest {

    @TempDir
    Path dir;

    private final StringWriter stdout = new StringWriter();

    private List<String> files() throws IOException {
        try (var listing = Files.list(dir)) {
            return listing.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void filesChangeOnlyAtTheCommit() throws IOException {
        Path a = Files.writeString(dir.resolve("a.bin"), "old");
        Path b = dir.resolve("b.bin");
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            OutputStream first = outputs.open(a);
            OutputStream second = outputs.open(b);
            first.write("new a, ".getBytes());
            second.write("new b".getBytes());
            first.write("in two pieces".getBytes());
            assertEquals("old", Files.readString(a), "nothing replaced before the commit");
            assertEquals(3, files().size(), "a, and the two staged files beside their targets");
            outputs.commit();
        }
        assertEquals("new a, in two pieces", Files.readString(a));
        assertEquals("new b", Files.readString(b));
        assertEquals(List.of("a.bin", "b.bin"), files(), "no temporary file left");
    }

    @Test
    void withoutACommitEveryFileStaysAsItWas() throws IOException {
        Path a = Files.writeString(dir.resolve("a.bin"), "old");
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            outputs.open(a).write("half of it".getBytes());
            outputs.open(dir.resolve("new.bin")).write("x".getBytes());
            // a failure part way: no commit
        }
        assertEquals("old", Files.readString(a));
        assertEquals(List.of("a.bin"), files());
    }

    @Test
    void aDeviceIsWrittenInPlaceNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            outputs.open(devNull).write(new byte[1 << 20]);
            outputs.commit();
        }
        assertTrue(!Files.isRegularFile(devNull) && Files.exists(devNull), "/dev/null is still the device");
    }

    @Test
    void aFolderIsNamedAndNothingIsStaged() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("out"));
        try (StreamedOutputs outputs = new StreamedOutputs(new PrintWriter(stdout))) {
            IOException e = assertThrows(IOException.class, () -> outputs.open(folder));
            assertEquals("cannot write " + folder + ": it is a folder", e.getMessage());
        }
        assertEquals(List.of("out"), files());
    }
}
